/// Streams `<citation>` records out of Reaxys citation exports (XML).
///
/// Of each record it keeps the citation id `CNR.CNR` (the key substance
/// records refer to), the DOI `CIT.DOI` (normalized), the year `CIT.PY`
/// (falling back to `CIT.PREPY`, the preprint year) and the authors `CIT.AU`.
///
/// - Complexity: O(file size) time; memory O(one record).
public struct ReaxysCitationReader: Sendable {
    public init() {}

    /// Reads every citation of `path` in one pass, calling `body` once per usable record.
    public func read(path: String, log: inout ProblemLog, _ body: (Citation) throws -> Void) throws -> ReadStatistics {
        try XMLRecordFile.read(path: path, log: &log, handler: { Handler(file: path) }, body)
    }

    /// Parses one batch cut by ``XMLRecordChunker`` (complete `<citation>`
    /// records), so citation files are read on several cores; a damaged
    /// record costs only itself (see ``XMLBatchRecovery``).
    public func parse(_ batch: XMLRecordChunker.Batch, file: String) -> XMLBatchResult<Citation> {
        XMLRecordFile.parse(batch: batch, file: file, handler: { Handler(file: file) })
    }

    final class Handler: XMLRecordHandler {
        static let recordElement = "citation"
        static let format = SourceFormat.reaxysCitations
        var isInsideRecord: Bool { depth > 0 }

        enum Field { case id, doi, year, preprintYear, authors }
        let file: String
        var position = XMLSAXParser.Position()
        var emit: (Citation) -> Void = { _ in }
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
        var text: [UInt8] = []
        var id: String?, doi: String?, rawDOI: String?, year: Int?, preprintYear: Int?, authors: String?
        var badYear: String?

        init(file: String) {
            self.file = file
            stats = ReadStatistics(file: file, format: .reaxysCitations)
        }

        func startElement(_ name: UnsafePointer<UInt8>) {
            if XMLName.equals(name, "citation") {
                depth += 1
                if depth == 1 {
                    recordLine = lineBase + position.line
                    id = nil; doi = nil; rawDOI = nil; year = nil; preprintYear = nil; authors = nil; badYear = nil
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
            text.removeAll(keepingCapacity: true)
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
            let value = String(decoding: text, as: UTF8.self).trimmingSpaces
            guard !value.isEmpty else { return }
            switch current {
            case .id: if id == nil { id = String(value) }
            case .doi: if rawDOI == nil { rawDOI = String(value); doi = DOI.normalize(value) }
            case .year:
                if year == nil {
                    year = YearParser.year(from: value)
                    if year == nil { badYear = String(value) }
                }
            case .preprintYear: if preprintYear == nil { preprintYear = YearParser.year(from: value) }
            case .authors: if authors == nil { authors = String(value) }
            }
        }

        private func finishRecord() {
            field = nil
            stats.recordsRead += 1
            let position = SourcePosition(file: file, line: recordLine, record: recordBase + stats.recordsRead)
            guard let id else {
                stats.recordsSkipped += 1
                log.record(Problem(.skippedRecord, at: position, recordKind: "citation", field: "CNR.CNR",
                                   reason: "no citation id; record skipped"))
                return
            }
            if let badYear {
                log.record(Problem(.warning, at: position, recordKind: "citation", recordID: "CNR \(id)", field: "CIT.PY",
                                   reason: "\"\(badYear)\" is not a year"))
            }
            if let rawDOI, doi == nil {
                log.record(Problem(.warning, at: position, recordKind: "citation", recordID: "CNR \(id)", field: "CIT.DOI",
                                   reason: "\"\(rawDOI)\" is not a DOI; the citation cannot be joined to a bibliographic record"))
            }
            stats.recordsUsed += 1
            let y = year ?? preprintYear
            stats.noteYear(y)
            if !stopped { emit(Citation(id: id, doi: doi, year: y, authors: authors)) }
        }
    }
}
