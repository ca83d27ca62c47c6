/// A file's content as UTF-8 text, streamed: gunzipped by ``ByteSource``,
/// UTF-16 (with a BOM) converted to UTF-8, and a UTF-8 BOM dropped.
///
/// A file whose first chunk is not valid UTF-8 (a CSV re-saved by Excel in
/// Windows-1252 or Latin-1) is decoded as Windows-1252 rather than passed on
/// as mojibake; ``encoding`` says so, and the pipeline reports it.
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

    /// The encoding found at the start, for reports: `utf-8`, `utf-16le`,
    /// `utf-16be`, or `windows-1252` for a file that is not valid UTF-8.
    public private(set) var encoding = "utf-8"
    private var decided = false
    private var legacy = false

    /// True when `bytes` is valid UTF-8, allowing a multi-byte sequence cut at the very end.
    public static func isValidUTF8Prefix(_ bytes: [UInt8]) -> Bool {
        var end = bytes.count
        // Drop an incomplete sequence at the end (a chunk boundary may cut one).
        var k = end - 1
        var back = 0
        while k >= 0 && back < 3 && bytes[k] & 0xC0 == 0x80 { k -= 1; back += 1 }
        if k >= 0 {
            let lead = bytes[k]
            let need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
            if need > 1 && end - k < need { end = k }
        }
        return String(validating: bytes[0..<end], as: UTF8.self) != nil
    }

    /// Windows-1252 (a superset of Latin-1's printable range) to UTF-8.
    public static func windows1252ToUTF8(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for b in bytes {
            if b < 0x80 { out.append(b); continue }
            let scalar: UInt32 = (0x80...0x9F).contains(b) ? cp1252High[Int(b - 0x80)] : UInt32(b)
            out.append(contentsOf: Array(String(Character(Unicode.Scalar(scalar) ?? "\u{FFFD}")).utf8))
        }
        return out
    }

    /// Code points of bytes 0x80–0x9F in Windows-1252 (undefined ones as U+FFFD).
    private static let cp1252High: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]

    /// Opens `path`, reading `chunkSize` bytes at a time (at least 16, so
    /// that a byte-order mark always arrives whole in the first chunk).
    /// - Throws: ``InputError`` `.missing` or `.unreadable`.
    public init(path: String, chunkSize: Int = 1 << 20) throws {
        self.path = path
        bytes = try ByteSource(path: path, chunkSize: max(chunkSize, 16))
    }

    /// Bytes of the file on disk read so far (compressed, for gzip).
    public var bytesRead: Int { bytes.bytesRead }

    /// How a gzip file's content ended early, if it did (see ``ByteSource/damage``).
    public var damage: GzipDamage? { bytes.damage }

    /// True once the last chunk has been handed out.
    public var isAtEnd: Bool { finished }

    /// The next chunk of UTF-8 text, or `nil` at the end.
    /// A damaged gzip stream ends the text where the damage is (``damage``).
    /// - Throws: ``InputError`` `.unreadable` when reading fails.
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
            if !decided {
                decided = true
                if transcoder == nil && !Self.isValidUTF8Prefix(chunk) {
                    legacy = true
                    encoding = "windows-1252"
                }
            }
            if var t = transcoder {
                chunk = t.convert(chunk)
                transcoder = t
            } else if legacy {
                chunk = Self.windows1252ToUTF8(chunk)
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
