/// A file's content as UTF-8 text, streamed: gunzipped by ``ByteSource``,
/// UTF-16 (with a BOM) converted to UTF-8, and a UTF-8 BOM dropped.
///
/// Text exports (Web of Science, Scopus, MEDLINE, Dimensions, Lens) all read
/// through this, so every reader sees the same bytes whatever "Save as"
/// encoding the database offered.
public final class TextSource {
    public let path: String
    private let bytes: ByteSource
    private var transcoder: UTF16Transcoder?
    private var started = false
    private var finished = false

    /// The encoding found at the start, for reports: `utf-8`, `utf-16le`, `utf-16be`.
    public private(set) var encoding = "utf-8"

    /// Opens `path`, reading `chunkSize` bytes at a time (at least 16, so
    /// that a byte-order mark always arrives whole in the first chunk).
    /// - Throws: ``InputError`` `.missing` or `.unreadable`.
    public init(path: String, chunkSize: Int = 1 << 20) throws {
        self.path = path
        bytes = try ByteSource(path: path, chunkSize: max(chunkSize, 16))
    }

    /// Bytes of the file on disk read so far (compressed, for gzip).
    public var bytesRead: Int { bytes.bytesRead }

    /// True once the last chunk has been handed out.
    public var isAtEnd: Bool { finished }

    /// The next chunk of UTF-8 text, or `nil` at the end.
    /// - Throws: ``InputError`` `.malformed` when a gzip stream is corrupt or cut short.
    public func nextChunk() throws -> [UInt8]? {
        if finished { return nil }
        while true {
            guard var chunk = try bytes.nextChunk() else {
                finished = true
                if var t = transcoder {
                    let tail = t.finish()
                    transcoder = t
                    return tail.isEmpty ? nil : tail
                }
                return nil
            }
            if !started {
                // A BOM is at most 3 bytes and the first chunk is at least 16
                // unless the file is shorter.
                started = true
                if let order = UTF16Transcoder.byteOrderMark(chunk) {
                    transcoder = UTF16Transcoder(byteOrder: order)
                    encoding = order == .littleEndian ? "utf-16le" : "utf-16be"
                    chunk.removeFirst(2)
                } else if chunk.starts(with: [0xEF, 0xBB, 0xBF]) {
                    chunk.removeFirst(3)
                }
            }
            if var t = transcoder {
                chunk = t.convert(chunk)
                transcoder = t
            }
            if !chunk.isEmpty { return chunk }
        }
    }
}

@available(*, unavailable)
extension TextSource: Sendable {}

/// Cuts a ``TextSource`` into lines, one at a time.
///
/// A line ends at LF; a CR before it is dropped, so CRLF and LF files read
/// the same. Line numbers are 1-based. A line longer than
/// ``maximumLineBytes`` is an error rather than a memory exhaustion.
public final class LineReader {
    public let source: TextSource
    public var maximumLineBytes = 256 << 20
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    /// The 1-based number of the line last returned.
    public private(set) var lineNumber = 0
    /// False when the last line returned had no line break after it.
    public private(set) var lastLineTerminated = true

    public init(_ source: TextSource) { self.source = source }

    public convenience init(path: String) throws { self.init(try TextSource(path: path)) }

    /// The next line without its line break, or `nil` at the end of the file.
    public func nextLine() throws -> [UInt8]? {
        while true {
            if let nl = buffer[position...].firstIndex(of: 0x0A) {
                var end = nl
                if end > position && buffer[end - 1] == 0x0D { end -= 1 }
                let line = Array(buffer[position..<end])
                position = nl + 1
                lineNumber += 1
                lastLineTerminated = true
                return line
            }
            if atEnd {
                guard position < buffer.count else { return nil }
                var line = Array(buffer[position...])
                if line.last == 0x0D { line.removeLast() }
                position = buffer.count
                lineNumber += 1
                lastLineTerminated = false
                return line
            }
            if position > 0 {
                buffer.removeFirst(position)
                position = 0
            }
            if buffer.count > maximumLineBytes {
                throw InputError(.malformed, at: SourcePosition(file: source.path, line: lineNumber + 1),
                                 "a line is longer than \(maximumLineBytes) bytes; this is not a text export")
            }
            if let chunk = try source.nextChunk() { buffer.append(contentsOf: chunk) } else { atEnd = true }
        }
    }
}

@available(*, unavailable)
extension LineReader: Sendable {}
