/// Streams `<substance>` records out of Reaxys substance exports (XML).
///
/// A record holds the registry number `IDE.XRN`, the formula `IDE.MF` (whose
/// text Reaxys splits with `<sub>`/`<sup>` children; the pieces are joined),
/// and one or more citation blocks, each a citation id `CNR.CNR` and a year
/// `CIT.PY`. Ids and years are paired in the order they appear, whichever of
/// the two comes first in a block, so a block missing one of them does not
/// shift the pairs after it.
///
/// The reader hands each record's fields over as borrowed bytes
/// (``SubstanceFields``) to a ``SubstanceRecordBuilder``, which makes the
/// value a caller keeps: a ``Substance`` for the public API, or the compact
/// first-report candidate of an analysis run, which never builds a string
/// for a registry number or citation id.
///
/// - Complexity: O(file size) time; memory O(one record).
public struct ReaxysSubstanceReader: Sendable {
    public init() {}

    /// Reads every substance of `path` in one pass, calling `body` once per
    /// usable record. Unusable records are skipped and listed in `log`.
    public func read(path: String, log: inout ProblemLog, _ body: (Substance) throws -> Void) throws -> ReadStatistics {
        try read(path: path, building: SubstanceValueBuilder(), log: &log, body)
    }

    /// Reads every substance of `path` in one pass, handing `body` what `builder` makes of each usable record.
    func read<B: SubstanceRecordBuilder>(path: String, building builder: B, log: inout ProblemLog,
                                         _ body: (B.Record) throws -> Void) throws -> ReadStatistics {
        try XMLRecordFile.read(path: path, log: &log, handler: { Handler(file: path, prefetch: builder.prefetcher) },
                               building: { builder.record(from: $0) }, body)
    }

    /// What one batch of a file yields.
    public typealias BatchResult = XMLBatchResult<Substance>

    /// Parses one batch cut by ``XMLRecordChunker`` (complete `<substance>`
    /// records); a damaged record costs only itself (see ``XMLBatchRecovery``).
    /// Positions are the batch's own until an ``XMLBatchCursor`` places them.
    public func parse(_ batch: XMLRecordChunker.Batch, file: String) -> BatchResult {
        parse(batch, file: file, building: SubstanceValueBuilder())
    }

    /// Parses one batch, handing each usable record to `builder`.
    func parse<B: SubstanceRecordBuilder>(_ batch: XMLRecordChunker.Batch, file: String, building builder: B) -> XMLBatchResult<B.Record> {
        XMLRecordFile.parse(batch: batch, file: file, handler: { Handler(file: file, prefetch: builder.prefetcher) },
                            building: { builder.record(from: $0) })
    }

    final class Handler: XMLRecordHandler {
        static var recordElement: String { "substance" }
        static var format: SourceFormat { .reaxysSubstances }
        var isInsideRecord: Bool { inRecord }

        static var elementNames: [(name: String, isField: Bool)] {
            [("substance", false), ("IDE.XRN", true), ("IDE.MF", true), ("CNR.CNR", true), ("CIT.PY", true)]
        }
        /// Event code of `substance` (the first name).
        private static var recordCode: Int { 1 }
        /// The fields read, by the event code of their element.
        enum Field: Int { case xrn = 2, formula, citationID, year }
        let file: String
        /// Told of each citation id as it is read (see ``SubstanceRecordBuilder/prefetcher``).
        let prefetch: ((UnsafeBufferPointer<UInt8>) -> Void)?
        var position = XMLSAXParser.Position()
        var onRecord: (SubstanceFields) -> Void = { _ in }
        var stopped = false
        var stats: ReadStatistics
        /// The run's plausible years, read once (``YearParser/plausible``).
        let plausible = YearParser.plausible
        var log = ProblemLog()

        /// Added to the parser's line numbers when parsing a batch cut from the file.
        var lineBase = 0
        /// Records of the file before this batch.
        var recordBase = 0
        var currentLine: Int { lineBase + position.line }

        var inRecord = false
        var recordLine = 0
        /// The record's kept field text, trimmed, back to back; reused from record to record.
        var text = XMLFieldText()
        var xrn: Range<Int>?
        var formula: Range<Int>?
        var blocks: [SubstanceFields.CitationBlock] = []
        var problems: [Problem] = []
        /// Whether the newest citation block already has its id / its year
        /// element; the other half of a block fills the gap, anything else
        /// opens a new block.
        private var lastHasID = false
        private var lastHasYear = false

        init(file: String, prefetch: ((UnsafeBufferPointer<UInt8>) -> Void)? = nil) {
            self.file = file
            self.prefetch = prefetch
            stats = ReadStatistics(file: file, format: .reaxysSubstances)
        }

        func startElement(code: Int) {
            if code == Self.recordCode {
                inRecord = true
                recordLine = currentLine
                xrn = nil; formula = nil
                text.openRecord()
                blocks.removeAll(keepingCapacity: true)
                if !problems.isEmpty { problems = [] }
            }
        }

        func endElement(code: Int) {
            guard inRecord else { return }
            if code == Self.recordCode {
                finishRecord()
                return
            }
            // A field closed (its children, such as <sub>/<sup> in IDE.MF, and a
            // field name nested in it are part of its text).
            guard let current = Field(rawValue: code) else { return }
            let value = text.trimField(from: text.fieldStart)
            switch current {
            case .xrn:
                if xrn == nil, !value.isEmpty { xrn = value } else { text.truncate(to: value.lowerBound) }
            case .formula:
                if formula == nil, !value.isEmpty { formula = value } else { text.truncate(to: value.lowerBound) }
            case .citationID:
                let id: Range<Int>? = value.isEmpty ? nil : value
                if let id, let prefetch { prefetch(text.bytes(id)) }
                if !blocks.isEmpty, !lastHasID {
                    blocks[blocks.count - 1].id = id
                } else {
                    blocks.append(SubstanceFields.CitationBlock(id: id, year: nil))
                    lastHasYear = false
                }
                lastHasID = true
            case .year:
                let year = parseYear(value)
                text.truncate(to: value.lowerBound)
                if !blocks.isEmpty, !lastHasYear {
                    blocks[blocks.count - 1].year = year
                } else {
                    blocks.append(SubstanceFields.CitationBlock(id: nil, year: year))
                    lastHasID = false
                }
                lastHasYear = true
            }
        }

        /// The year of a `CIT.PY` field: a plain four-digit year read without
        /// making a string, anything else through ``YearParser`` (a warning
        /// when it is no year; the block is then used without one).
        private func parseYear(_ r: Range<Int>) -> Int? {
            if r.count == 4 {
                var v = 0, digits = true
                for k in r {
                    let b = text[k]
                    guard b >= 48 && b <= 57 else { digits = false; break }
                    v = v * 10 + Int(b - 48)
                }
                if digits, plausible.contains(v) { return v }
            }
            guard !r.isEmpty else { return nil }
            let value = text.string(r)
            if let year = YearParser.year(fromBytes: value.utf8, plausible: plausible) { return year }
            problems.append(Problem(.warning, at: SourcePosition(file: file, line: currentLine, record: recordBase + stats.recordsRead + 1),
                                    recordKind: "substance", field: "CIT.PY",
                                    reason: YearParser.whyNotAYear(value) + "; this citation block is used without a year"))
            return nil
        }

        private func finishRecord() {
            inRecord = false
            text.closeRecord()
            lastHasID = false
            lastHasYear = false
            stats.recordsRead += 1
            let ordinal = recordBase + stats.recordsRead
            if !problems.isEmpty {
                let id = xrn.map { "XRN " + text.string($0) }
                for var p in problems {
                    p.recordID = id
                    log.record(p)
                }
            }
            guard let xrn else {
                stats.recordsSkipped += 1
                log.record(Problem(.skippedRecord, at: SourcePosition(file: file, line: recordLine, record: ordinal),
                                   recordKind: "substance", field: "IDE.XRN", reason: "no registry number; record skipped"))
                return
            }
            stats.recordsUsed += 1
            for b in blocks { stats.noteYear(b.year) }
            if stopped { return }
            blocks.withUnsafeBufferPointer { blocks in
                onRecord(SubstanceFields(text: text.all, registryNumber: xrn, formula: formula, blocks: blocks))
            }
        }
    }
}
