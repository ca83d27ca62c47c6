/// Reading a file of JSON works, whatever the schema: records are cut by
/// ``JSONRecordBatcher`` and each is parsed by the schema's own function
/// (OpenAlex, Crossref). Stream problems (a cut record, an unclosed array,
/// junk between records, corrupt gzip) are reported the same way for all.
public enum JSONWorkFile {
    /// Parses one JSON value into works; throws on invalid JSON.
    public typealias ValueParser = @Sendable (inout JSONScanner, inout [Work]) throws(JSONSyntaxError) -> Void

    /// The works of one record (an API page holds several), or the problem that made it unusable.
    public struct ParsedRecord: Sendable {
        public var works: [Work] = []
        public var problem: Problem?
        /// Problems of works that are used anyway (a year outside the plausible range).
        public var warnings: [Problem] = []
        /// Junk found between the records of a line cut again (see ``JSONRecordSplitter/resplit(_:)``),
        /// for the stream's report (``JSONRecordBatcher/noteJunk(_:)``).
        public var junk: JSONRecordSplitter.Junk?
        /// Records this counts as: the works read, or 1 for a skipped record.
        public var records: Int { problem == nil ? works.count : 1 }
    }

    /// Parses one record cut by ``JSONRecordBatcher`` into `out`: a whole line
    /// (``JSONRecordSplitter/Record/isWholeLine``) that is one valid value is
    /// one record, as the structural cut would have made it; any other line
    /// is cut again with the structural rules and each of its records parsed,
    /// so what is read and reported does not depend on how the line was cut.
    public static func parse(_ record: JSONRecordSplitter.Record, file: String, ordinal: Int,
                             with parseValue: ValueParser, into out: inout [ParsedRecord]) {
        let first = parse(record, file: file, ordinal: ordinal, with: parseValue)
        guard record.isWholeLine, first.problem != nil else {
            out.append(first)
            return
        }
        let (records, junk) = JSONRecordSplitter.resplit(record)
        var ordinal = ordinal
        for (i, r) in records.enumerated() {
            var parsed = parse(r, file: file, ordinal: ordinal, with: parseValue)
            if i == 0 { parsed.junk = junk }
            ordinal += parsed.records
            out.append(parsed)
        }
    }

    /// Parses one record cut by ``JSONRecordSplitter``. `ordinal` is the
    /// number of records before it in the file. Pure, so batches of records
    /// can be parsed on several tasks.
    public static func parse(_ record: JSONRecordSplitter.Record, file: String, ordinal: Int,
                             with parseValue: ValueParser) -> ParsedRecord {
        record.bytes.withUnsafeBufferPointer { buffer in
            var scanner = JSONScanner(buffer)
            do {
                var works: [Work] = []
                try parseValue(&scanner, &works)
                if !scanner.isAtEnd() { throw JSONSyntaxError(offset: scanner.offset, "text after the end of the value") }
                var parsed = ParsedRecord(works: works)
                screenYears(&parsed, position: SourcePosition(file: file, line: record.line, record: ordinal + 1, byteOffset: record.offset))
                return parsed
            } catch let error as JSONSyntaxError {
                return ParsedRecord(problem: Problem(.skippedRecord, at: SourcePosition(file: file, line: record.line, record: ordinal + 1,
                                                                                      byteOffset: record.offset + error.offset),
                                                     recordKind: "work", reason: "invalid JSON (\(error)); record skipped"))
            } catch {
                return ParsedRecord(problem: Problem(.skippedRecord, at: SourcePosition(file: file, line: record.line, record: ordinal + 1,
                                                                                      byteOffset: record.offset),
                                                     recordKind: "work", reason: "invalid JSON (\(error)); record skipped"))
            }
        }
    }

    /// JSON exports give years as numbers, any number: one outside
    /// ``YearParser/plausible`` (`0`, `-5`, `9999`, `9223372036854775807`)
    /// is dropped with a warning, so it neither crashes the year tables nor
    /// widens them. `position.record` is the first work's; the others follow.
    static func screenYears(_ parsed: inout ParsedRecord, position: SourcePosition) {
        let range = YearParser.plausible
        for i in parsed.works.indices {
            guard let year = parsed.works[i].year, !range.contains(year) else { continue }
            parsed.works[i].year = nil
            var at = position
            at.record = (position.record ?? 1) + i
            parsed.warnings.append(Problem(.warning, at: at, recordKind: "work", recordID: parsed.works[i].sourceID,
                                           field: parsed.works[i].source == .crossrefJSON ? "issued" : "publication_year",
                                           reason: "\(year) is outside the plausible years \(YearParser.describe(range)) (--years-plausible); the work is used without a year"))
        }
    }

    /// Reads every record of `path` in order, calling `body` once per work.
    public static func read(path: String, format: SourceFormat, log: inout ProblemLog, with parseValue: ValueParser,
                            cutsLinesWhole: Bool = true, _ body: (Work) throws -> Void) throws -> ReadStatistics {
        let source = try ByteSource(path: path)
        var batcher = JSONRecordBatcher(source: source, cutsLinesWhole: cutsLinesWhole)
        var stats = ReadStatistics(file: path, format: format)
        var parsedRecords: [ParsedRecord] = []
        while let batch = try batcher.next() {
            for record in batch.records {
                parsedRecords.removeAll(keepingCapacity: true)
                parse(record, file: path, ordinal: stats.recordsRead, with: parseValue, into: &parsedRecords)
                for parsed in parsedRecords {
                    if let junk = parsed.junk { batcher.noteJunk(junk) }
                    stats.recordsRead += parsed.records
                    if let problem = parsed.problem {
                        stats.recordsSkipped += 1
                        log.record(problem)
                    }
                    for warning in parsed.warnings { log.record(warning) }
                    for work in parsed.works {
                        stats.recordsUsed += 1
                        stats.noteYear(work.year)
                        try body(work)
                    }
                }
            }
        }
        finish(batcher, stats: &stats, log: &log)
        stats.bytes = source.bytesRead
        return stats
    }

    /// Adds what the batcher found about the stream itself to the counts and the log.
    static func finish(_ batcher: JSONRecordBatcher, stats: inout ReadStatistics, log: inout ProblemLog) {
        for p in batcher.streamProblems { log.record(p) }
        log.note(batcher.damage, file: stats.file, recordsKept: stats.recordsRead, recordKind: "work")
        if let cut = batcher.truncatedRecord {
            stats.recordsRead += 1
            stats.recordsSkipped += 1
            log.record(Problem(.skippedRecord, at: SourcePosition(file: stats.file, line: cut.line, record: stats.recordsRead,
                                                                   byteOffset: cut.offset),
                               recordKind: "work",
                               reason: "record cut off at the end of the file (truncated download?); records before it were kept"))
        }
    }
}
