/// Clues that cannot stand on their own: a one-word city inside a name, a
/// place's other name, a generic organization name beside a real one.
extension ResolverEvidence {
    /// Words that follow a city's name in its own part without making it a
    /// name ("Tainan City 701", "Haidian District").
    private static let addressWords: Set<UInt64> = Set(["city", "district", "county", "province", "prefecture",
                                                        "municipality", "region", "metropolitan", "area", "campus"]
                                                       .map(AffiliationText.hash))

    /// A city of at least this many people, under its own name, is read
    /// even inside a name ("Tohoku Univ Sendai", "Sveučilište u Zagrebu").
    static let cityReadInsideNames = 300_000

    /// The words of `range` are followed, in their part, by a word that is
    /// neither a number nor an address word.
    func isInsideName(_ range: Range<Int>) -> Bool {
        let words = text.words
        let part = words[range.lowerBound].part
        var k = range.upperBound
        while k < words.count, words[k].part == part {
            if !words[k].isDigits, !ResolverEvidence.addressWords.contains(words[k].hash) { return true }
            k += 1
        }
        return false
    }

    /// Word `i` (a lone part) spells the ISO code of a country named in the string.
    func isCodeOfCountryNamed(_ i: Int) -> Bool {
        let raw = text.original(word: i)
        return countries.contains { $0.kind == .country && $0.countries.first?.description == raw }
    }

    /// A one-word city needs corroboration: its own part of the address, a
    /// postcode beside it, a region of its country, or a large place's own
    /// name. Otherwise it is a word of a name ("Ashok Leyland Ltd",
    /// "National Cheng-Kung University", "Lee Kong Chian School of
    /// Medicine") or a place's other name that is an ordinary word.
    mutating func dropUncorroboratedCities() {
        guard !cities.isEmpty else { return }
        let regionCountries = Set((divisions + standaloneDivisions).flatMap(\.countries))
        let drop = cities.map { c -> Bool in
            guard c.range.count == 1 else { return false }
            if !c.isInsideName && !sharesPartWithWords(c.range) { return false }
            if postcodeBeside(c.range) || c.countries.contains(where: regionCountries.contains) { return false }
            return c.isWeak || (c.populations.first ?? 0) < ResolverEvidence.cityReadInsideNames
        }
        guard drop.contains(true) else { return }
        cities = zip(cities, drop).filter { !$0.1 }.map(\.0)
    }

    /// Other letter words precede the words of `range` in their part.
    private func sharesPartWithWords(_ range: Range<Int>) -> Bool {
        let words = text.words
        let part = words[range.lowerBound].part
        var k = range.lowerBound - 1
        while k >= 0, words[k].part == part {
            if !words[k].isDigits { return true }
            k -= 1
        }
        return false
    }

    /// A number of three or more digits right before or after `range` in its part.
    private func postcodeBeside(_ range: Range<Int>) -> Bool {
        let words = text.words
        let part = words[range.lowerBound].part
        for k in [range.lowerBound - 1, range.upperBound] where k >= 0 && k < words.count && words[k].part == part {
            if words[k].isDigits && words[k].length >= 3 { return true }
        }
        return false
    }

    /// A name of generic words only ("Western University", "National
    /// Institutes of Health") counts only as the whole string: inside a
    /// longer one it is far more often a department's or another
    /// institution's name ("Faculty of Science, University of Newcastle").
    mutating func dropWeakOrganizations() {
        let all = 0..<text.words.count
        organizations.removeAll { $0.isWeak && $0.range != all }
    }
}
