/// Cuts a stream of JSON text into records without parsing them: each
/// top-level value (JSON Lines, or values simply concatenated) is one record,
/// and when the stream is one top-level array, each of its elements is.
///
/// It tracks only strings, escapes and bracket depth, so it runs at memory
/// speed; each record is then parsed in full by a ``JSONScanner``. Memory is
/// one record, capped at ``maximumRecordBytes``.
public struct JSONRecordSplitter {
    /// A record's bytes and where it started (1-based line, 0-based byte offset in the stream).
    public struct Record {
        public var bytes: [UInt8]
        public var line: Int
        public var offset: Int
    }

    /// Records larger than this are an error rather than a memory exhaustion.
    public var maximumRecordBytes = 512 << 20

    private var buffer: [UInt8] = []
    private var depth = 0
    private var inString = false
    private var escaped = false
    private var arrayMode: Bool?
    private var line = 1
    private var recordLine = 1
    private var recordOffset = 0
    private var consumed = 0
    private var arrayClosed = false
    public private(set) var junk: (line: Int, byte: UInt8)?

    public init() {}

    /// Feeds a chunk; calls `body` with each record completed in it.
    public mutating func feed(_ chunk: [UInt8], _ body: (Record) throws -> Void) throws {
        for b in chunk {
            defer {
                consumed += 1
                if b == 0x0A { line += 1 }
            }
            let top = arrayMode == true ? 1 : 0
            if depth > top {
                // Inside a record.
                buffer.append(b)
                if inString {
                    if escaped { escaped = false }
                    else if b == UInt8(ascii: "\\") { escaped = true }
                    else if b == UInt8(ascii: "\"") { inString = false }
                    continue
                }
                switch b {
                case UInt8(ascii: "\""): inString = true
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == top { try emit(body) }
                default: break
                }
                if buffer.count > maximumRecordBytes {
                    throw JSONSyntaxError(offset: recordOffset, "record longer than \(maximumRecordBytes) bytes")
                }
                continue
            }
            // Between records.
            switch b {
            case 0x20, 0x0A, 0x0D, 0x09:
                continue
            case 0xEF, 0xBB, 0xBF:
                if consumed < 3 && arrayMode == nil { continue }   // UTF-8 byte order mark
                junkBytes += 1
                if junk == nil { junk = (line, b) }
            case UInt8(ascii: "[") where arrayMode == nil:
                arrayMode = true
                depth = 1
            case UInt8(ascii: ",") where arrayMode == true && !arrayClosed:
                continue
            case UInt8(ascii: "]") where arrayMode == true && !arrayClosed:
                arrayClosed = true
                depth = 0
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                if arrayClosed {
                    junkBytes += 1
                    if junk == nil { junk = (line, b) }
                    continue
                }
                if arrayMode == nil { arrayMode = false }
                recordLine = line
                recordOffset = consumed
                buffer = [b]
                depth += 1
            default:
                junkBytes += 1
                if junk == nil { junk = (line, b) }
            }
        }
    }

    /// Bytes found between records that belong to no record (reported, not read).
    public private(set) var junkBytes = 0

    private mutating func emit(_ body: (Record) throws -> Void) throws {
        let record = Record(bytes: buffer, line: recordLine, offset: recordOffset)
        buffer.removeAll(keepingCapacity: true)
        try body(record)
    }

    /// Call at the end of the stream: returns the bytes of a record left
    /// incomplete (a truncated file), if any.
    public mutating func finish() -> Record? {
        defer { buffer.removeAll() }
        let leftover = buffer.drop(while: { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 })
        if leftover.isEmpty && (arrayMode != true || arrayClosed) { return nil }
        return Record(bytes: Array(leftover), line: recordLine, offset: recordOffset)
    }

    /// True when the stream was one top-level array that was never closed.
    public var isUnclosedArray: Bool { arrayMode == true && !arrayClosed }
}
