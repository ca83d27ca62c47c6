/// The first report of every distinct substance, in the order first read.
///
/// This is the one structure of a substance run that grows with the number
/// of substances, so it is kept as parallel arrays of small values: an
/// `Int16` year, an `Int32` citation slot, a one-byte region set and an
/// interned composition, plus the registry-number key (an integer when the
/// registry number is one, in an ``IntegerKeyIndex``). About 30 bytes a
/// substance, most of it the index.
struct FirstReportTable: Sendable {
    /// One substance record, reduced by a worker to what the table keeps.
    struct Candidate: Sendable {
        /// The registry number as an integer (``CitationIndex/numericKey(_:)-(String)``)
        /// when it is one; `registryText` is nil then.
        var registryKey: UInt64
        /// The registry number when it is not a canonical integer.
        var registryText: String?
        /// Year of the first report; 0 when no block had a year.
        var year: Int16
        /// Slot in the ``CitationIndex``, -1 when unknown.
        var citationSlot: Int32
        var regions: RegionSet
        /// Kept only for organometallic and rare-earth substances (the regions with composition tables).
        var composition: ElementSet?
        var hasFormula: Bool
    }

    private var numericIndex = IntegerKeyIndex()
    private var otherIndex: [String: Int32] = [:]
    private var otherKeys: [Int32: String] = [:]
    /// Year of the first report; 0 when no block had a year.
    private(set) var years: [Int16] = []
    /// Slot of the first report's citation in the ``CitationIndex``; -1 when the id is unknown or absent.
    private var citationSlots: [Int32] = []
    private(set) var regions: [RegionSet] = []
    private var hasFormula: [Bool] = []
    private var compositionIDs: [Int32] = []
    private var compositionIndex: [ElementSet: Int32] = [:]
    /// Composition keys by id, made once per distinct composition.
    private var compositionList: [String] = []

    var count: Int { years.count }

    /// Adds a record. Returns false when its registry number was already
    /// present: the substance keeps its earliest report (ties: the one read first).
    mutating func add(_ c: Candidate) -> Bool {
        let year = c.year
        if let i = index(of: c) {
            let old = years[i]
            if year != 0 && (old == 0 || year < old) {
                years[i] = year
                citationSlots[i] = c.citationSlot
                if !hasFormula[i] && c.hasFormula {
                    // The record read first had no formula; this one classifies the substance.
                    hasFormula[i] = true
                    regions[i] = c.regions
                    compositionIDs[i] = c.composition.map { intern($0) } ?? -1
                }
            }
            return false
        }
        let slot = Int32(years.count)
        if let text = c.registryText {
            otherIndex[text] = slot
            otherKeys[slot] = text
        } else {
            numericIndex.set(c.registryKey, slot)
        }
        years.append(year)
        citationSlots.append(c.citationSlot)
        regions.append(c.regions)
        hasFormula.append(c.hasFormula)
        compositionIDs.append(c.composition.map { intern($0) } ?? -1)
        return true
    }

    private func index(of c: Candidate) -> Int? {
        if let text = c.registryText { return otherIndex[text].map(Int.init) }
        return numericIndex[c.registryKey].map(Int.init)
    }

    private mutating func intern(_ composition: ElementSet) -> Int32 {
        if let id = compositionIndex[composition] { return id }
        let id = Int32(compositionList.count)
        compositionList.append(composition.compositionKey)
        compositionIndex[composition] = id
        return id
    }

    /// The registry numbers of the substances at `positions`, in that order.
    /// Integer registry numbers are not kept per substance (8 bytes each, for
    /// a listing that is rarely long): they are found by one walk of the index.
    func registryNumbers(at positions: [Int]) -> [String] {
        guard !positions.isEmpty else { return [] }
        var wanted: [Int32: UInt64] = [:]
        for p in positions where otherKeys[Int32(p)] == nil { wanted[Int32(p)] = 0 }
        if !wanted.isEmpty {
            numericIndex.forEach { key, slot in
                if wanted[slot] != nil { wanted[slot] = key }
            }
        }
        return positions.map { otherKeys[Int32($0)] ?? String(wanted[Int32($0)] ?? 0) }
    }

    func composition(_ i: Int) -> String? {
        let id = compositionIDs[i]
        return id < 0 ? nil : compositionList[Int(id)]
    }

    /// Slot of the first report's citation in the ``CitationIndex``; -1 when unknown or absent.
    func citationSlot(_ i: Int) -> Int32 { citationSlots[i] }
}
