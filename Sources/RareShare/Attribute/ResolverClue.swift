/// One piece of evidence: which words, what kind, which countries.
struct ResolverClue {
    var kind: PhraseMeaning.Kind
    var range: Range<Int>
    var countries: [CountryCode]
    var populations: [Int] = []
    var isWeak = false
    /// The words are a postcode ("postcode CB2 1EW" in evidence).
    var isPostcode = false
    /// A postal abbreviation ("MA", "CA 94720"), not a division's name.
    var isAbbreviation = false
    var part: Int

    /// A city with no namesake of even a tenth its size abroad.
    var isUnambiguous: Bool {
        countries.count == 1 || (populations.count >= 2 && populations[0] >= ResolverTables.dominance * max(populations[1], 1))
    }

    /// The one country this clue names on its own, if any.
    var decisive: CountryCode? {
        if countries.count == 1 { return countries[0] }
        if kind == .city, populations.count >= 2 {
            let ratio = populations[0] >= ResolverTables.largeCity ? ResolverTables.largeCityDominance : ResolverTables.dominance
            if populations[0] >= ratio * max(populations[1], 1) { return countries[0] }
        }
        return nil
    }
}
