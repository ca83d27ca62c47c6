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
        try XMLRecordFile.read(path: path, log: &log, handler: { Handler(file: path, builder: builder) }, body)
    }

    /// Parses one batch cut by ``XMLRecordChunker`` (complete `<citation>`
    /// records), so citation files are read on several cores; a damaged
    /// record costs only itself (see ``XMLBatchRecovery``).
    public func parse(_ batch: XMLRecordChunker.Batch, file: String) -> XMLBatchResult<Citation> {
        parse(batch, file: file, building: CitationValueBuilder())
    }

    /// Parses one batch, handing each usable record to `builder`.
    func parse<B: CitationRecordBuilder>(_ batch: XMLRecordChunker.Batch, file: String, building builder: B) -> XMLBatchResult<B.Record> {
        XMLRecordFile.parse(batch: batch, file: file, handler: { Handler(file: file, builder: builder) })
    }

    final class Handler<Builder: CitationRecordBuilder>: XMLRecordHandler {
        static var recordElement: String { "citation" }
        static var format: SourceFormat { .reaxysCitations }
        var isInsideRecord: Bool { depth > 0 }

        enum Field { case id, doi, year, preprintYear, authors }
        let file: String
        let builder: Builder
        var position = XMLSAXParser.Position()
        var emit: (Builder.Record) -> Void = { _ in }
        var stopped = false
        var stats: ReadStatistics
        var log = ProblemLog()

        /// Added to the parser's line numbers when parsing a batch cut from the file.
        var lineBase = 0
        /// Records of the file before this batch.
        var recordBase = 0

        /// Nesting depth of `<citation>` elements; only the outermost is a record.
        var depth = 0
        var recordLine = 0
        var field: Field?
        /// The record's kept field text, trimmed, back to back; reused from record to record.
        var text: [UInt8] = []
        var fieldStart = 0
        var id: Range<Int>?, rawDOI: Range<Int>?, authors: Range<Int>?
        var doi: String?, year: Int?, preprintYear: Int?
        var badYear: String?

        init(file: String, builder: Builder) {
            self.file = file
            self.builder = builder
            stats = ReadStatistics(file: file, format: .reaxysCitations)
        }

        func startElement(_ name: UnsafePointer<UInt8>) {
            if XMLName.equals(name, "citation") {
                depth += 1
                if depth == 1 {
                    recordLine = lineBase + position.line
                    id = nil; doi = nil; rawDOI = nil; year = nil; preprintYear = nil; authors = nil; badYear = nil
                    text.removeAll(keepingCapacity: true)
                }
                return
            }
            guard depth > 0, field == nil else { return }
            if XMLName.equals(name, "CNR.CNR") { field = .id }
            else if XMLName.equals(name, "CIT.DOI") { field = .doi }
            else if XMLName.equals(name, "CIT.PY") { field = .year }
            else if XMLName.equals(name, "CIT.PREPY") { field = .preprintYear }
            else if XMLName.equals(name, "CIT.AU") { field = .authors }
            else { return }
            fieldStart = text.count
        }

        func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
            if field != nil { text.append(contentsOf: bytes) }
        }

        func endElement(_ name: UnsafePointer<UInt8>) {
            guard depth > 0 else { return }
            if XMLName.equals(name, "citation") {
                depth -= 1
                if depth == 0 { finishRecord() }
                return
            }
            guard let current = field else { return }
            let closes: Bool
            switch current {
            case .id: closes = XMLName.equals(name, "CNR.CNR")
            case .doi: closes = XMLName.equals(name, "CIT.DOI")
            case .year: closes = XMLName.equals(name, "CIT.PY")
            case .preprintYear: closes = XMLName.equals(name, "CIT.PREPY")
            case .authors: closes = XMLName.equals(name, "CIT.AU")
            }
            guard closes else { return }
            field = nil
            let value = FieldText.trimInPlace(&text, from: fieldStart)
            var keep = false
            defer { if !keep { text.removeSubrange(value.lowerBound...) } }
            guard !value.isEmpty else { return }
            switch current {
            case .id: if id == nil { id = value; keep = true }
            case .doi:
                if rawDOI == nil {
                    rawDOI = value
                    keep = true
                    doi = text.withUnsafeBufferPointer { DOI.normalize(bytes: UnsafeBufferPointer(rebasing: $0[value])) }
                }
            case .year:
                if year == nil {
                    year = YearParser.year(fromBytes: text[value])
                    if year == nil { badYear = String(decoding: text[value], as: UTF8.self) }
                }
            case .preprintYear: if preprintYear == nil { preprintYear = YearParser.year(fromBytes: text[value]) }
            case .authors: if authors == nil { authors = value; keep = true }
            }
        }

        private func finishRecord() {
            field = nil
            stats.recordsRead += 1
            guard let id else {
                stats.recordsSkipped += 1
                log.record(Problem(.skippedRecord, at: recordPosition, recordKind: "citation", field: "CNR.CNR",
                                   reason: "no citation id; record skipped"))
                return
            }
            if let badYear {
                log.record(Problem(.warning, at: recordPosition, recordKind: "citation", recordID: "CNR \(string(id))", field: "CIT.PY",
                                   reason: "\"\(badYear)\" is not a year"))
            }
            if let rawDOI, doi == nil {
                log.record(Problem(.warning, at: recordPosition, recordKind: "citation", recordID: "CNR \(string(id))", field: "CIT.DOI",
                                   reason: "\"\(string(rawDOI))\" is not a DOI; the citation cannot be joined to a bibliographic record"))
            }
            stats.recordsUsed += 1
            let y = year ?? preprintYear
            stats.noteYear(y)
            if stopped { return }
            let record = text.withUnsafeBufferPointer { bytes in
                builder.record(from: CitationFields(text: bytes, id: id, doi: doi, year: y, authors: authors))
            }
            emit(record)
        }

        private var recordPosition: SourcePosition {
            SourcePosition(file: file, line: recordLine, record: recordBase + stats.recordsRead)
        }

        private func string(_ r: Range<Int>) -> String { String(decoding: text[r], as: UTF8.self) }
    }
}
