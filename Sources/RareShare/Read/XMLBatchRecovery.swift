/// What parsing one batch of XML records gives: records, counts, problems.
public struct XMLBatchResult<Record: Sendable>: Sendable {
    public var records: [Record] = []
    public var stats: ReadStatistics
    public var log = ProblemLog()
    /// Line breaks in the batch's bytes: where the next batch starts.
    public var lines = 0

    public init(records: [Record] = [], stats: ReadStatistics, log: ProblemLog = ProblemLog()) {
        self.records = records
        self.stats = stats
        self.log = log
    }

    mutating func append(_ other: XMLBatchResult<Record>) {
        records += other.records
        stats.add(other.stats)
        log.merge(other.log)
    }
}

/// Parsing a batch of records so that a damaged record costs only itself.
///
/// The batch is parsed whole; only when that fails is it parsed again record
/// by record (cut after each closing tag), so the records before and after a
/// damaged one are kept and the damaged one is counted and listed as skipped.
enum XMLBatchRecovery {
    /// `parseOnce` parses one piece and returns its result, or the failure
    /// (line, message) that stopped it, with the failed records already counted.
    static func parse<Record>(_ batch: XMLRecordChunker.Batch, closingTag: String,
                              parseOnce: (XMLRecordChunker.Batch) -> (XMLBatchResult<Record>, failed: Bool)) -> XMLBatchResult<Record> {
        let whole = parseOnce(batch)
        if !whole.failed { return whole.0 }
        var result = XMLBatchResult<Record>(stats: ReadStatistics(file: whole.0.stats.file, format: whole.0.stats.format))
        let close = Array(closingTag.utf8)
        let bytes = Array(batch.bytes)
        var start = 0
        var line = batch.firstLine
        var recordsBefore = batch.recordsBefore
        while start < bytes.count {
            var end = bytes.count
            if let hit = find(close, in: bytes, from: start) { end = hit + close.count }
            let slice = Array(bytes[start..<end])
            let piece = XMLRecordChunker.Batch(index: batch.index, bytes: slice, firstLine: line, recordsBefore: recordsBefore,
                                               declaration: batch.declaration)
            let one = parseOnce(piece).0
            result.append(one)
            recordsBefore += one.stats.recordsRead
            line += LineBreaks.count(slice)
            start = end
        }
        return result
    }

    static func find(_ needle: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        guard bytes.count - from >= needle.count else { return nil }
        var i = from
        while i <= bytes.count - needle.count {
            if bytes[i] == needle[0] {
                var match = true
                for k in 1..<needle.count where bytes[i + k] != needle[k] { match = false; break }
                if match { return i }
            }
            i += 1
        }
        return nil
    }

    /// Opening tags `<name` (followed by space, `>`, `/` or a line break) in `bytes`.
    static func countOpens(_ name: String, in bytes: [UInt8]) -> Int {
        let open = Array("<\(name)".utf8)
        var n = 0, i = 0
        while let j = find(open, in: bytes, from: i) {
            let next = j + open.count < bytes.count ? bytes[j + open.count] : 0
            if next == 0x20 || next == 0x3E || next == 0x2F || next == 0x0A || next == 0x09 || next == 0x0D { n += 1 }
            i = j + 1
        }
        return n
    }
}
