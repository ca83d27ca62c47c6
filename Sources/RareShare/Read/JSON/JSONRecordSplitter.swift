#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Cuts a stream of JSON text into records without parsing them: each
/// top-level value (JSON Lines, or values simply concatenated) is one record,
/// and when the stream is one top-level array, each of its elements is.
///
/// It tracks only strings, escapes and bracket depth, scanning each chunk in
/// place and copying whole spans, so it runs near memory speed; each record is
/// then parsed in full by a ``JSONScanner``. Memory is one record, capped at
/// ``maximumRecordBytes``.
public struct JSONRecordSplitter {
    /// A record's bytes and where it started (1-based line, 0-based byte offset in the stream).
    public struct Record: Sendable {
        public var bytes: [UInt8]
        public var line: Int
        public var offset: Int
        /// Cut at the line break without a structural scan (see ``cutsLinesWhole``):
        /// the bytes are the whole line, which may hold something other than
        /// exactly one value.
        public var isWholeLine = false
    }

    /// Bytes between records that belong to no record: the first one, its line, and how many.
    public struct Junk: Sendable, Equatable {
        public var line: Int
        public var byte: UInt8
        public var count: Int
    }

    /// Records larger than this are an error rather than a memory exhaustion.
    public var maximumRecordBytes = 512 << 20

    /// Once the stream is known to be JSON Lines, hand each line that starts a
    /// record on whole, found with `memchr`, instead of scanning it for
    /// strings and brackets: the parser reads every byte of it anyway. A line
    /// that is exactly one valid value gives the record the structural scan
    /// would have given; for any other line the reader cuts it again with
    /// ``resplit(_:)``, so records, problems and junk stay the same. Off by
    /// default, since the records then need that second look.
    public var cutsLinesWhole = false

    private var buffer: [UInt8] = []
    private var depth = 0
    private var inString = false
    private var escaped = false
    private var arrayMode: Bool?
    private var arrayClosed = false
    private var line = 1
    private var recordLine = 1
    private var recordOffset = 0
    /// Bytes of the stream before the current chunk.
    private var consumed = 0
    /// First byte found between records that belongs to no record.
    public private(set) var junk: (line: Int, byte: UInt8)?
    /// Bytes found between records that belong to no record (reported, not read).
    public private(set) var junkBytes = 0

    public init() {}

    private var top: Int { arrayMode == true ? 1 : 0 }

    /// Feeds a chunk; calls `body` with each record completed in it.
    public mutating func feed(_ chunk: [UInt8], _ body: (Record) throws -> Void) throws {
        try chunk.withUnsafeBufferPointer { buf in
            let n = buf.count
            var i = 0
            // Start of the part of the current record that lies in this chunk.
            var spanStart: Int? = depth > top ? 0 : nil
            while i < n {
                if depth > top {
                    // Inside a record: the hot loop.
                    if inString {
                        i = scanStringBody(buf, from: i)
                        continue
                    }
                    let b = buf[i]
                    i += 1
                    switch b {
                    case 0x22: inString = true
                    case 0x7B, 0x5B: depth += 1
                    case 0x7D, 0x5D:
                        depth -= 1
                        if depth == top {
                            if isJSONLines == nil { isJSONLines = arrayMode == false && line == recordLine }
                            try emit(buf, from: spanStart ?? 0, to: i, body)
                            spanStart = nil
                        }
                    case 0x0A:
                        if isJSONLines == true {
                            // JSON Lines: a record never spans lines, so this one is
                            // broken. Hand it on (the parser reports it) and resume
                            // with the next line, so one bad line costs only itself.
                            try emit(buf, from: spanStart ?? 0, to: i - 1, body)
                            spanStart = nil
                            depth = top
                            inString = false
                            escaped = false
                        }
                        line += 1
                    default: break
                    }
                    continue
                }
                // Between records.
                let b = buf[i]
                if cutsLinesWhole, isJSONLines == true, b == UInt8(ascii: "{") || b == UInt8(ascii: "["),
                   let nl = memchr(buf.baseAddress! + i, 0x0A, n - i) {
                    let end = buf.baseAddress!.distance(to: nl.assumingMemoryBound(to: UInt8.self))
                    if end - i <= maximumRecordBytes {
                        recordLine = line
                        recordOffset = consumed + i
                        try body(Record(bytes: Array(buf[i..<end]), line: line, offset: recordOffset, isWholeLine: true))
                        i = end   // the line break is counted below, between records
                        continue
                    }
                }
                switch b {
                case 0x20, 0x0D, 0x09:
                    break
                case 0x0A:
                    line += 1
                case 0xEF, 0xBB, 0xBF:
                    // A UTF-8 byte order mark at the very start; anything else is junk.
                    if !(consumed + i < 3 && arrayMode == nil) {
                        junkBytes += 1
                        if junk == nil { junk = (line, b) }
                    }
                case UInt8(ascii: "["):
                    if arrayMode == nil {
                        arrayMode = true
                        depth = 1
                    } else {
                        startRecord(at: i, &spanStart)
                    }
                case UInt8(ascii: ",") where arrayMode == true && !arrayClosed:
                    break
                case UInt8(ascii: "]") where arrayMode == true && !arrayClosed:
                    arrayClosed = true
                    depth = 0
                case UInt8(ascii: "{"):
                    if arrayMode == nil { arrayMode = false }
                    startRecord(at: i, &spanStart)
                default:
                    junkBytes += 1
                    if junk == nil { junk = (line, b) }
                }
                i += 1
            }
            if let start = spanStart, depth > top {
                buffer.append(contentsOf: buf[start..<n])
                if buffer.count > maximumRecordBytes {
                    throw JSONSyntaxError(offset: recordOffset, "record longer than \(maximumRecordBytes) bytes")
                }
            }
            consumed += n
        }
    }

    /// Skips string content from `i`: finds the closing quote with `memchr`
    /// (an escaped quote has an odd run of backslashes before it) and returns
    /// the index after it, or `n` when the string goes on into the next chunk.
    @inline(__always)
    private mutating func scanStringBody(_ buf: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let n = buf.count
        var i = start
        if escaped {
            escaped = false
            i += 1
            if i >= n { return n }
        }
        let base = buf.baseAddress!
        while i < n {
            guard let hit = memchr(base + i, 0x22, n - i) else {
                if isJSONLines == true, let nl = memchr(base + i, 0x0A, n - i) {
                    // A raw line break cannot be inside a JSON string: the line is broken.
                    inString = false
                    escaped = false
                    return base.distance(to: nl.assumingMemoryBound(to: UInt8.self))
                }
                // No quote left in this chunk: remember whether it ends inside an escape.
                var run = 0
                var k = n - 1
                while k >= i && base[k] == 0x5C { run += 1; k -= 1 }
                escaped = run % 2 == 1
                return n
            }
            let j = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if isJSONLines == true, let nl = memchr(base + i, 0x0A, j - i) {
                inString = false
                escaped = false
                return base.distance(to: nl.assumingMemoryBound(to: UInt8.self))
            }
            var run = 0
            var k = j - 1
            while k >= i && base[k] == 0x5C { run += 1; k -= 1 }
            if run % 2 == 0 {
                inString = false
                return j + 1
            }
            i = j + 1
        }
        return n
    }

    /// True once the first record ended on the line it began: the stream is
    /// JSON Lines, and a record still open at a line break is broken.
    private var isJSONLines: Bool?

    private mutating func emit(_ buf: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int,
                               _ body: (Record) throws -> Void) throws {
        let record: Record
        if buffer.isEmpty {
            record = Record(bytes: Array(buf[start..<max(start, end)]), line: recordLine, offset: recordOffset)
        } else {
            buffer.append(contentsOf: buf[start..<max(start, end)])
            record = Record(bytes: buffer, line: recordLine, offset: recordOffset)
            buffer.removeAll(keepingCapacity: true)
        }
        try body(record)
    }

    private mutating func startRecord(at i: Int, _ spanStart: inout Int?) {
        if arrayClosed {
            junkBytes += 1
            if junk == nil { junk = (line, UInt8(ascii: "{")) }
            return
        }
        recordLine = line
        recordOffset = consumed + i
        spanStart = i
        buffer.removeAll(keepingCapacity: true)
        depth += 1
    }

    /// Call at the end of the stream: returns the bytes of a record left
    /// incomplete (a truncated file), or an empty record for a top-level array
    /// never closed; `nil` when the stream ended cleanly.
    public mutating func finish() -> Record? {
        defer { buffer.removeAll() }
        if depth > top || (depth > 0 && !buffer.isEmpty) {
            return Record(bytes: buffer, line: recordLine, offset: recordOffset)
        }
        if arrayMode == true && !arrayClosed { return Record(bytes: [], line: line, offset: consumed) }
        return nil
    }

    /// True when the stream was one top-level array that was never closed.
    public var isUnclosedArray: Bool { arrayMode == true && !arrayClosed }

    /// The junk met so far, if any.
    public var junkTally: Junk? { junk.map { Junk(line: $0.line, byte: $0.byte, count: junkBytes) } }

    /// Adds junk found elsewhere in the same stream (by ``resplit(_:)``): the
    /// earliest line's byte is the one reported first.
    public mutating func absorb(_ other: Junk) {
        junkBytes += other.count
        if junk.map({ other.line < $0.line }) ?? true { junk = (other.line, other.byte) }
    }

    /// Cuts a line handed on whole (``Record/isWholeLine``) exactly as the
    /// structural scan would have cut it in a JSON Lines stream: the records
    /// in it (the last one broken if the line ends inside it) and the junk
    /// between them.
    public static func resplit(_ line: Record) -> (records: [Record], junk: Junk?) {
        var splitter = JSONRecordSplitter()
        splitter.arrayMode = false
        splitter.isJSONLines = true
        splitter.line = line.line
        splitter.consumed = line.offset
        var records: [Record] = []
        // Splitting bytes in memory only throws for records over the size cap, which a line handed on whole is not.
        try? splitter.feed(line.bytes) { records.append($0) }
        if let broken = splitter.finish() { records.append(broken) }
        return (records, splitter.junkTally)
    }
}
