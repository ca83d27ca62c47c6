/// The first bytes of a file's content, read once to decide what the file
/// is (format, compression, encoding) before any reader opens it.
///
/// One ``ByteSource`` serves both looks: the first ``headBytes`` for the
/// format, and, only when asked, up to ``encodingBytes`` for the encoding
/// of a text export. Read errors while taking the head are not thrown: a
/// cut or corrupt gzip stream is reported by the reader that reads the whole
/// file, with its place; here it only makes the head shorter.
final class FileHead {
    /// Bytes of decompressed content the format is decided from.
    static let headBytes = 8192
    /// Bytes of decompressed content the encoding is decided from: the first
    /// chunk ``TextSource`` decodes, so both decide alike.
    static let encodingBytes = 1 << 20

    let path: String
    /// Up to ``headBytes`` of content, gunzipped.
    let head: [UInt8]
    let isGzip: Bool
    private let source: ByteSource
    private var rest: [UInt8] = []

    /// Opens `path` and reads its head. - Throws: ``InputError`` `.missing` or `.unreadable`.
    init(path: String) throws {
        self.path = path
        source = try ByteSource(path: path, chunkSize: Self.headBytes)
        isGzip = source.isGzip
        var bytes: [UInt8] = []
        while bytes.count < Self.headBytes, let chunk = try? source.nextChunk() { bytes += chunk }
        head = Array(bytes.prefix(Self.headBytes))
        rest = Array(bytes.dropFirst(Self.headBytes))
    }

    /// True when the whole file holds nothing but white space (an empty
    /// download); a head of white space is not enough, so it reads on, but
    /// only while the content stays blank (what it reads is kept for
    /// ``startsAsUTF8()``, except white space, which decides nothing).
    func isBlank() throws -> Bool {
        func white(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }
        guard head.allSatisfy(white), rest.allSatisfy(white) else { return false }
        while let chunk = try source.nextChunk() {
            if !chunk.allSatisfy(white) {
                rest += chunk
                return false
            }
        }
        return true
    }

    /// The byte order of a UTF-16 file (from its BOM), `nil` otherwise.
    var utf16ByteOrder: UTF16Transcoder.ByteOrder? { UTF16Transcoder.byteOrderMark(head[...]) }

    /// True when the first ``encodingBytes`` of content (after a UTF-8 BOM)
    /// are valid UTF-8; reads on from the head to get them.
    /// - Throws: ``InputError`` `.malformed` for a corrupt gzip stream.
    func startsAsUTF8() throws -> Bool {
        var bytes = head + rest
        while bytes.count < Self.encodingBytes, let chunk = try source.nextChunk() { bytes += chunk }
        var start = bytes.prefix(Self.encodingBytes)
        if start.starts(with: [0xEF, 0xBB, 0xBF]) { start = start.dropFirst(3) }
        return TextSource.isValidUTF8Prefix(Array(start))
    }
}

@available(*, unavailable)
extension FileHead: Sendable {}
