/// Stage 4 of a substance run: each substance's first report, through its
/// citation, to the authorship of the record with that citation's DOI.
///
/// Built once works and citations are read: `authorshipOfSlot` holds, per
/// citation slot, the position of its record's authorship, or
/// ``CitationIndex/noDOI`` for a citation without DOI, or -1 for a DOI no
/// record was read for. The join is done per unit as the aggregate asks for
/// it, so no table of all units is made.
struct SubstanceJoin: Sendable {
    let authorships: [Authorship]
    /// The authorship under the other affiliation policy, where it differs (preset comparison).
    let otherAuthorships: [Int32: Authorship]
    /// The affiliation policy `authorships` were made with.
    let policy: AffiliationPolicy
    let authorshipOfSlot: [Int32]

    /// The counted unit for substance `i`, `nil` for one without a year (left out of `N_t`).
    @inline(__always)
    func unit(_ table: FirstReportTable, _ i: Int) -> AttributedUnit? {
        let year = Int(table.years[i])
        guard year != 0 else { return nil }
        let slot = table.citationSlot(i)
        let a = slot >= 0 ? authorshipOfSlot[Int(slot)] : -1
        var unit = AttributedUnit(year: year, regions: table.regions[i], authorship: a >= 0 ? authorships[Int(a)] : nil,
                                  composition: table.composition(i))
        unit.affiliations = policy
        if a >= 0, !otherAuthorships.isEmpty { unit.otherAffiliations = otherAuthorships[a] }
        return unit
    }

    /// Counts, for the data-quality report, why units have no country: no
    /// year, a citation id no citation file holds, no DOI, no record for the
    /// DOI, or a record without any author's country. The first `listing`
    /// substances without a year are listed by registry number.
    func noteQuality(of table: FirstReportTable, in quality: inout DataQuality, listing: Int) {
        var dropped: [Int] = []
        var withoutCitation = 0, withoutDOI = 0, withoutRecord = 0, withoutCountry = 0
        for i in 0..<table.count {
            guard table.years[i] != 0 else {
                dropped.append(i)
                continue
            }
            let slot = table.citationSlot(i)
            guard slot >= 0 else { withoutCitation += 1; continue }
            let a = authorshipOfSlot[Int(slot)]
            guard a != CitationIndex.noDOI else { withoutDOI += 1; continue }
            guard a >= 0 else { withoutRecord += 1; continue }
            if authorships[Int(a)].authorCount == 0 { withoutCountry += 1 }
        }
        quality.substancesWithoutYear = dropped.count
        quality.substancesWithoutYearListed = table.registryNumbers(at: Array(dropped.prefix(listing)))
        quality.reportsWithUnknownCitation = withoutCitation
        quality.reportsWithoutDOI = withoutDOI
        quality.unitsWithoutRecord = withoutRecord
        quality.unitsWithoutCountry = withoutCountry
    }
}
