/// Reduces a substance record, as the reader lends it, to what the
/// first-report table keeps: registry number as an integer key, the year and
/// citation of the first report, the regions and (for organometallic and
/// rare-earth substances) the composition.
///
/// It runs on the workers, once per record, so it makes no string for an
/// integer registry number or citation id and classifies the formula with
/// ``FormulaProfile`` in one allocation-free walk.
struct FirstReportCandidateBuilder: SubstanceRecordBuilder {
    let citations: CitationIndex

    func record(from fields: SubstanceFields) -> FirstReportTable.Candidate {
        let registry = fields.bytes(fields.registryNumber)
        let key = CitationIndex.numericKey(registry)
        let report = firstReport(fields)
        let profile = fields.formula.map { FormulaProfile(bytes: fields.bytes($0)) }
        let regions = profile?.regions ?? .all
        let keepsComposition = regions.contains(.organometallic) || regions.contains(.rareEarth)
        return FirstReportTable.Candidate(registryKey: key ?? 0,
                                          registryText: key == nil ? fields.string(fields.registryNumber) : nil,
                                          year: Int16(clamping: report.year ?? 0), citationSlot: report.slot,
                                          regions: regions, composition: keepsComposition ? profile?.elements : nil,
                                          hasFormula: profile != nil)
    }

    var prefetcher: (@Sendable (UnsafeBufferPointer<UInt8>) -> Void)? {
        let citations = self.citations
        return { citations.prefetch(id: $0) }
    }

    /// The earliest citation block of a record (its own `CIT.PY`, else the
    /// citation's year); ties go to the block listed first. Without any
    /// year, the first block is kept for its citation. `slot` is -1 when the
    /// chosen block's id is absent or not in the index. An id is looked up
    /// only for a block without its own year, and for the block chosen.
    func firstReport(_ fields: SubstanceFields) -> (year: Int?, slot: Int32) {
        var bestYear: Int?
        var best: Int?
        for (k, block) in fields.blocks.enumerated() {
            var year = block.year
            if year == nil, let id = block.id, let slot = citations.slot(of: fields.bytes(id)) {
                year = citations.year(atSlot: slot)
            }
            guard let year else {
                if bestYear == nil && (best.map { fields.blocks[$0].id == nil } ?? true) { best = k }
                continue
            }
            if bestYear.map({ year < $0 }) ?? true {
                bestYear = year
                best = k
            }
        }
        guard let best, let id = fields.blocks[best].id else { return (bestYear, -1) }
        return (bestYear, citations.slot(of: fields.bytes(id)) ?? -1)
    }
}
