/// Streams `<citation>` records out of Reaxys citation exports (XML).
///
/// Of each record it keeps the citation id `CNR.CNR` (the key substance
/// records refer to), the DOI `CIT.DOI` (normalized), the year `CIT.PY`
/// (falling back to `CIT.PREPY`, the preprint year) and the authors `CIT.AU`.
///
/// As for substances, a record's fields are lent as bytes
/// (``CitationFields``) to a ``CitationRecordBuilder``: the public API gets
/// a ``Citation``; an analysis run gets a compact index entry, without a
/// string for an integer id or for the authors it never uses.
///
/// - Complexity: O(file size) time; memory O(one record).
public struct ReaxysCitationReader: Sendable {
    public init() {}

    /// Reads every citation of `path` in one pass, calling `body` once per usable record.
    public func read(path: String, log: inout ProblemLog, _ body: (Citation) throws -> Void) throws -> ReadStatistics {
        try read(path: path, building: CitationValueBuilder(), log: &log, body)
    }

    /// Reads every citation of `path` in one pass, handing `body` what `builder` makes of each usable record.
    func read<B: CitationRecordBuilder>(path: String, building builder: B, log: inout ProblemLog,
                                        _ body: (B.Record) throws -> Void) throws -> ReadStatistics {
        try XMLRecordFile.read(path: path, log: &log, handler: { Handler(file: path) }, building: { builder.record(from: $0) }, body)
    }

    /// Parses one batch cut by ``XMLRecordChunker`` (complete `<citation>`
    /// records), so citation files are read on several cores; a damaged
    /// record costs only itself (see ``XMLBatchRecovery``).
    public func parse(_ batch: XMLRecordChunker.Batch, file: String) -> XMLBatchResult<Citation> {
        parse(batch, file: file, building: CitationValueBuilder())
    }

    /// Parses one batch, handing each usable record to `builder`.
    func parse<B: CitationRecordBuilder>(_ batch: XMLRecordChunker.Batch, file: String, building builder: B) -> XMLBatchResult<B.Record> {
        XMLRecordFile.parse(batch: batch, file: file, handler: { Handler(file: file) }, building: { builder.record(from: $0) })
    }

    final class Handler: XMLRecordHandler {
        static var recordElement: String { "citation" }
        static var format: SourceFormat { .reaxysCitations }
        var isInsideRecord: Bool { depth > 0 }

        static var elementNames: [(name: String, isField: Bool)] {
            [("citation", false), ("CNR.CNR", true), ("CIT.DOI", true), ("CIT.PY", true), ("CIT.PREPY", true), ("CIT.AU", true)]
        }
        /// Event code of `citation` (the first name).
        private static var recordCode: Int { 1 }
        /// The fields read, by the event code of their element.
        enum Field: Int { case id = 2, doi, year, preprintYear, authors }
        let file: String
        var position = XMLSAXParser.Position()
        var onRecord: (CitationFields) -> Void = { _ in }
        var stopped = false
        var stats: ReadStatistics
        /// The run's plausible years, read once (``YearParser/plausible``).
        let plausible = YearParser.plausible
        var log = ProblemLog()

        /// Added to the parser's line numbers when parsing a batch cut from the file.
        var lineBase = 0
        /// Records of the file before this batch.
        var recordBase = 0

        /// Nesting depth of `<citation>` elements; only the outermost is a record.
        var depth = 0
        var recordLine = 0
        /// The record's kept field text, trimmed, back to back; reused from record to record.
        var text = XMLFieldText()
        var id: Range<Int>?, rawDOI: Range<Int>?, authors: Range<Int>?
        var doi: String?, year: Int?, preprintYear: Int?
        var badYear: String?

        init(file: String) {
            self.file = file
            stats = ReadStatistics(file: file, format: .reaxysCitations)
        }

        func startElement(code: Int) {
            if code == Self.recordCode {
                depth += 1
                if depth == 1 {
                    recordLine = lineBase + position.line
                    id = nil; doi = nil; rawDOI = nil; year = nil; preprintYear = nil; authors = nil; badYear = nil
                    text.openRecord()
                }
            }
        }

        func endElement(code: Int) {
            guard depth > 0 else { return }
            if code == Self.recordCode {
                depth -= 1
                if depth == 0 { finishRecord() }
                return
            }
            // A field closed (a field name nested in it is part of its text).
            guard let current = Field(rawValue: code) else { return }
            let value = text.trimField(from: text.fieldStart)
            var keep = false
            defer { if !keep { text.truncate(to: value.lowerBound) } }
            guard !value.isEmpty else { return }
            switch current {
            case .id: if id == nil { id = value; keep = true }
            case .doi:
                if rawDOI == nil {
                    rawDOI = value
                    keep = true
                    doi = DOI.normalize(bytes: text.bytes(value))
                }
            case .year:
                if year == nil {
                    year = YearParser.year(fromBytes: text.bytes(value), plausible: plausible)
                    if year == nil { badYear = text.string(value) }
                }
            case .preprintYear: if preprintYear == nil { preprintYear = YearParser.year(fromBytes: text.bytes(value), plausible: plausible) }
            case .authors: if authors == nil { authors = value; keep = true }
            }
        }

        private func finishRecord() {
            text.closeRecord()
            stats.recordsRead += 1
            guard let id else {
                stats.recordsSkipped += 1
                log.record(Problem(.skippedRecord, at: recordPosition, recordKind: "citation", field: "CNR.CNR",
                                   reason: "no citation id; record skipped"))
                return
            }
            if let badYear {
                log.record(Problem(.warning, at: recordPosition, recordKind: "citation", recordID: "CNR \(string(id))", field: "CIT.PY",
                                   reason: YearParser.whyNotAYear(badYear)))
            }
            if let rawDOI, doi == nil {
                log.record(Problem(.warning, at: recordPosition, recordKind: "citation", recordID: "CNR \(string(id))", field: "CIT.DOI",
                                   reason: "\"\(string(rawDOI))\" is not a DOI; the citation cannot be joined to a bibliographic record"))
            }
            stats.recordsUsed += 1
            let y = year ?? preprintYear
            stats.noteYear(y)
            if stopped { return }
            onRecord(CitationFields(text: text.all, id: id, doi: doi, year: y, authors: authors))
        }

        private var recordPosition: SourcePosition {
            SourcePosition(file: file, line: recordLine, record: recordBase + stats.recordsRead)
        }

        private func string(_ r: Range<Int>) -> String { text.string(r) }
    }
}
