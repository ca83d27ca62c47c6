/// Streams `<substance>` records out of Reaxys substance exports (XML).
///
/// A record holds the registry number `IDE.XRN`, the formula `IDE.MF` (whose
/// text Reaxys splits with `<sub>`/`<sup>` children; the pieces are joined),
/// and one or more citation blocks, each a citation id `CNR.CNR` and a year
/// `CIT.PY`. Ids and years are paired in the order they appear, whichever of
/// the two comes first in a block, so a block missing one of them does not
/// shift the pairs after it.
///
/// - Complexity: O(file size) time; memory O(one record).
public struct ReaxysSubstanceReader: Sendable {
    public init() {}

    /// Reads every substance of `path`, calling `body` once per usable record.
    /// Unusable records are skipped and listed in `log`.
    public func read(path: String, log: inout ProblemLog, _ body: (Substance) throws -> Void) throws -> ReadStatistics {
        let source = try ByteSource(path: path)
        var stats = ReadStatistics(file: path, format: .reaxysSubstances)
        var thrown: Error?
        try withoutActuallyEscaping(body) { body in
            let handler = Handler(file: path)
            let parser = XMLPushParser(handler: handler, fileName: path)
            handler.parser = parser
            handler.emit = { [unowned handler] substance in
                do { try body(substance) } catch { thrown = error; handler.stopped = true }
            }
            // The handler keeps the closure; release it before the block ends
            // so `body` does not outlive this call.
            defer { handler.emit = { _ in } }
            let failure = try parser.parse(source)
            if let thrown { throw thrown }
            stats = handler.stats
            stats.bytes = source.bytesRead
            for p in handler.log.problems { log.record(p) }
            if let failure {
                let what = handler.inRecord ? "substance \(handler.stats.recordsRead + 1) is incomplete and was not used: " : ""
                if handler.inRecord {
                    stats.recordsRead += 1
                    stats.recordsSkipped += 1
                }
                log.record(Problem(handler.inRecord ? .skippedRecord : .truncated,
                                   at: SourcePosition(file: path, line: failure.line),
                                   recordKind: nil, field: nil,
                                   reason: "XML parsing stopped: \(failure.message) (\(what)records before this point were kept)"))
            }
        }
        return stats
    }

    /// What one batch of a file yields.
    public typealias BatchResult = XMLBatchResult<Substance>

    /// Parses one batch cut by ``XMLRecordChunker`` (complete `<substance>`
    /// records), reporting lines and record numbers of the whole file; a
    /// damaged record costs only itself (see ``XMLBatchRecovery``).
    public func parse(_ batch: XMLRecordChunker.Batch, file: String) -> BatchResult {
        XMLBatchRecovery.parse(batch, closingTag: "</substance>") { parseOnce($0, file: file) }
    }

    private func parseOnce(_ batch: XMLRecordChunker.Batch, file: String) -> (BatchResult, failed: Bool) {
        let handler = Handler(file: file)
        handler.lineBase = batch.firstLine - 1
        handler.recordBase = batch.recordsBefore
        var substances: [Substance] = []
        handler.emit = { substances.append($0) }
        let parser = XMLPushParser(handler: handler, fileName: file)
        handler.parser = parser
        let ok = XMLBatchRecovery.feed(batch, to: parser)
        handler.emit = { _ in }
        if ok { return (BatchResult(records: substances, stats: handler.stats, log: handler.log), false) }
        let failure = parser.firstError ?? (parser.line, "malformed XML")
        // Every record of the piece not read is counted as skipped.
        let opens = XMLBatchRecovery.countOpens("substance", in: batch.bytes)
        let lost = max(max(batch.records, opens), 1)
        var result = BatchResult(stats: ReadStatistics(file: file, format: .reaxysSubstances))
        result.stats.recordsRead = lost
        result.stats.recordsSkipped = lost
        result.log.record(Problem(.skippedRecord, at: SourcePosition(file: file, line: handler.lineBase + failure.line,
                                                                      record: batch.recordsBefore + 1),
                                  recordKind: "substance",
                                  reason: "XML error: \(failure.message); \(lost == 1 ? "the record was" : "\(lost) records were") skipped"))
        return (result, true)
    }

    private final class Handler: XMLEventHandler {
        enum Field { case xrn, formula, citationID, year }
        let file: String
        weak var parser: XMLPushParser?
        var emit: (Substance) -> Void = { _ in }
        var stopped = false
        var stats: ReadStatistics
        var log = ProblemLog()

        /// Added to the parser's line numbers when parsing a batch cut from the file.
        var lineBase = 0
        /// Records of the file before this batch.
        var recordBase = 0
        var currentLine: Int { lineBase + (parser?.line ?? 0) }

        var inRecord = false
        var recordLine = 0
        var field: Field?
        var text: [UInt8] = []
        var xrn: String?
        var formula: String?
        var reports: [SubstanceReport] = []
        var problems: [Problem] = []

        init(file: String) {
            self.file = file
            stats = ReadStatistics(file: file, format: .reaxysSubstances)
        }

        func startElement(_ name: UnsafePointer<UInt8>) {
            if XMLName.equals(name, "substance") {
                inRecord = true
                recordLine = currentLine
                xrn = nil; formula = nil; reports = []; problems = []; field = nil
                return
            }
            guard inRecord, field == nil else { return }
            if XMLName.equals(name, "IDE.XRN") { field = .xrn }
            else if XMLName.equals(name, "IDE.MF") { field = .formula }
            else if XMLName.equals(name, "CNR.CNR") { field = .citationID }
            else if XMLName.equals(name, "CIT.PY") { field = .year }
            else { return }
            text.removeAll(keepingCapacity: true)
        }

        func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
            if field != nil { text.append(contentsOf: bytes) }
        }

        func endElement(_ name: UnsafePointer<UInt8>) {
            guard inRecord else { return }
            if XMLName.equals(name, "substance") {
                finishRecord()
                return
            }
            guard let current = field else { return }
            let closes: Bool
            switch current {
            case .xrn: closes = XMLName.equals(name, "IDE.XRN")
            case .formula: closes = XMLName.equals(name, "IDE.MF")
            case .citationID: closes = XMLName.equals(name, "CNR.CNR")
            case .year: closes = XMLName.equals(name, "CIT.PY")
            }
            guard closes else { return }   // a <sub>/<sup> inside IDE.MF
            field = nil
            // Trim on bytes, then decode once: this runs for every field of every record.
            var lo = 0, hi = text.count
            while lo < hi, text[lo] == 0x20 || text[lo] == 0x0A || text[lo] == 0x0D || text[lo] == 0x09 { lo += 1 }
            while hi > lo, text[hi - 1] == 0x20 || text[hi - 1] == 0x0A || text[hi - 1] == 0x0D || text[hi - 1] == 0x09 { hi -= 1 }
            if current == .year, hi - lo == 4, let y = Self.fourDigitYear(text, lo) {
                if !reports.isEmpty, !lastHasYear {
                    reports[reports.count - 1].year = y
                } else {
                    reports.append(SubstanceReport(citationID: nil, year: y))
                    lastHasID = false
                }
                lastHasYear = true
                return
            }
            let value = String(decoding: text[lo..<hi], as: UTF8.self).trimmingSpaces
            switch current {
            case .xrn:
                if xrn == nil, !value.isEmpty { xrn = String(value) }
            case .formula:
                if formula == nil, !value.isEmpty { formula = String(value) }
            case .citationID:
                let id = value.isEmpty ? nil : String(value)
                if !reports.isEmpty, !lastHasID {
                    reports[reports.count - 1].citationID = id
                } else {
                    reports.append(SubstanceReport(citationID: id, year: nil))
                    lastHasYear = false
                }
                lastHasID = true
            case .year:
                var year: Int?
                if !value.isEmpty {
                    year = YearParser.year(from: value)
                    if year == nil {
                        problems.append(Problem(.warning, at: SourcePosition(file: file, line: currentLine, record: recordBase + stats.recordsRead + 1),
                                                recordKind: "substance", field: "CIT.PY",
                                                reason: "\"\(value)\" is not a year; this citation block is used without a year"))
                    }
                }
                if !reports.isEmpty, !lastHasYear {
                    reports[reports.count - 1].year = year
                } else {
                    reports.append(SubstanceReport(citationID: nil, year: year))
                    lastHasID = false
                }
                lastHasYear = true
            }
        }

        /// A plain four-digit plausible year at `at`, read without making a string.
        @inline(__always)
        static func fourDigitYear(_ t: [UInt8], _ at: Int) -> Int? {
            var v = 0
            for k in at..<(at + 4) {
                let b = t[k]
                guard b >= 48 && b <= 57 else { return nil }
                v = v * 10 + Int(b - 48)
            }
            return YearParser.plausible.contains(v) ? v : nil
        }

        /// Whether the newest citation block already has its id / its year
        /// element; the other half of a block fills the gap, anything else
        /// opens a new block.
        private var lastHasID = false
        private var lastHasYear = false

        private func finishRecord() {
            inRecord = false
            field = nil
            lastHasID = false
            lastHasYear = false
            stats.recordsRead += 1
            let ordinal = recordBase + stats.recordsRead
            for var p in problems {
                p.recordID = xrn.map { "XRN \($0)" }
                log.record(p)
            }
            guard let xrn else {
                stats.recordsSkipped += 1
                log.record(Problem(.skippedRecord, at: SourcePosition(file: file, line: recordLine, record: ordinal),
                                   recordKind: "substance", field: "IDE.XRN", reason: "no registry number; record skipped"))
                return
            }
            stats.recordsUsed += 1
            for r in reports { stats.noteYear(r.year) }
            if !stopped { emit(Substance(registryNumber: xrn, formula: formula, reports: reports)) }
        }
    }
}
