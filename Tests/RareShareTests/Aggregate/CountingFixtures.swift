@testable import RareShare

/// Hand-built units where the counting methods disagree. Expected values in
/// the tests were worked out on paper from these authorship lists.
enum CountingFixtures {
    static let cn = CountryCode("CN")!, us = CountryCode("US")!, de = CountryCode("DE")!
    static let fr = CountryCode("FR")!, gb = CountryCode("GB")!, jp = CountryCode("JP")!, it = CountryCode("IT")!

    /// Three authors in two countries: CN, CN, US; first author CN; the US author corresponds.
    static var threeAuthorsTwoCountries: Authorship {
        var a = Authorship(authors: [[cn], [cn], [us]])
        a.firstAuthorIndex = 0
        a.correspondingIndexes = [2]
        return a
    }

    /// One author with two affiliations (DE and FR, `--affiliations all`) and one
    /// author in DE; the source does not say who corresponds.
    static var multiAffiliation: Authorship {
        var a = Authorship(authors: [[de, fr], [de]])
        a.firstAuthorIndex = 0
        a.correspondingIndexes = nil
        return a
    }

    /// A solo unit: two GB authors, the second corresponds.
    static var soloGB: Authorship {
        var a = Authorship(authors: [[gb], [gb]])
        a.firstAuthorIndex = 0
        a.correspondingIndexes = [1]
        return a
    }

    /// Three countries: CN, DE, US, one author each; first author CN, no corresponding author flagged.
    static var threeCountries: Authorship {
        var a = Authorship(authors: [[cn], [de], [us]])
        a.firstAuthorIndex = 0
        a.correspondingIndexes = []
        return a
    }

    /// An IT author who is neither first (the first byline author had no country) nor corresponding.
    static var noFirstNoCorresponding: Authorship {
        var a = Authorship(authors: [[it]])
        a.firstAuthorIndex = nil
        a.correspondingIndexes = []
        return a
    }

    static func unit(_ a: Authorship?, year: Int = 2020, regions: RegionSet = .all) -> AttributedUnit {
        AttributedUnit(year: year, regions: regions, authorship: a)
    }

    /// Year 2020: the three-author paper, the multi-affiliation paper, the solo
    /// GB paper and one unit without a bibliographic match (N_t = 4, 3 attributed).
    static var year2020: [AttributedUnit] {
        [unit(threeAuthorsTwoCountries), unit(multiAffiliation), unit(soloGB), unit(nil)]
    }
}
