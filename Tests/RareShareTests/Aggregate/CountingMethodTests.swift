import Testing
@testable import RareShare

@Suite struct CountingMethodTests {
    typealias F = CountingFixtures

    /// Weights as a dictionary keyed by code text, for readable expectations.
    func weights(_ m: CountingMethod, _ a: Authorship) -> [String: Double] {
        var out: [String: Double] = [:]
        for (c, w) in m.weights(of: a) { out[c.description] = w }
        return out
    }

    @Test func threeAuthorsInTwoCountries() {
        let a = F.threeAuthorsTwoCountries
        #expect(weights(.authorFractional, a) == ["CN": 2.0 / 3.0, "US": 1.0 / 3.0])
        #expect(weights(.full, a) == ["CN": 1, "US": 1])
        #expect(weights(.publicationFractional, a) == ["CN": 0.5, "US": 0.5])
        #expect(weights(.firstAuthor, a) == ["CN": 1])
        #expect(weights(.correspondingAuthor, a) == ["US": 1])
    }

    @Test func multiAffiliationAuthorSplitsEqually() {
        let a = F.multiAffiliation
        // Author 1 gives DE 1/2 and FR 1/2, author 2 gives DE 1; |A(s)| = 2.
        #expect(weights(.authorFractional, a) == ["DE": 0.75, "FR": 0.25])
        #expect(weights(.full, a) == ["DE": 1, "FR": 1])
        #expect(weights(.publicationFractional, a) == ["DE": 0.5, "FR": 0.5])
        #expect(weights(.firstAuthor, a) == ["DE": 0.5, "FR": 0.5])
        // The source does not say who corresponds: the unit cannot be credited.
        #expect(weights(.correspondingAuthor, a).isEmpty)
    }

    @Test func noCorrespondingAuthorFlagged() {
        let a = F.threeCountries
        #expect(weights(.correspondingAuthor, a).isEmpty)
        #expect(weights(.firstAuthor, a) == ["CN": 1])
        #expect(weights(.publicationFractional, a) == ["CN": 1.0 / 3.0, "DE": 1.0 / 3.0, "US": 1.0 / 3.0])
        #expect(weights(.full, a) == ["CN": 1, "DE": 1, "US": 1])
        #expect(weights(.firstAuthor, F.noFirstNoCorresponding).isEmpty)
    }

    @Test func twoCorrespondingAuthorsShare() {
        var a = Authorship(authors: [[F.cn], [F.us], [F.us, F.gb]])
        a.correspondingIndexes = [0, 2]
        #expect(weights(.correspondingAuthor, a) == ["CN": 0.5, "GB": 0.25, "US": 0.25])
    }

    @Test func emptyAuthorshipGetsNoWeight() {
        for m in CountingMethod.allCases { #expect(m.weights(of: Authorship()).isEmpty) }
    }

    @Test(arguments: CountingMethod.allCases)
    func soloUnitCountsTheSame(_ m: CountingMethod) {
        #expect(weights(m, F.soloGB) == ["GB": 1])
    }

    /// The attribution stage decides nil versus empty corresponding lists.
    @Test func attributorMarksUnknownAndNoneFlagged() {
        var attributor = CountryAttributor(resolver: CountryNameResolver(), policy: .all)
        let silent = Work(authors: [Author(affiliations: [Affiliation(countryCode: F.jp)])], source: .openAlexJSON)
        let noneFlagged = Work(authors: [Author(affiliations: [Affiliation(countryCode: F.jp)], isCorresponding: false)],
                               source: .openAlexJSON)
        let multi = Work(authors: [Author(affiliations: [Affiliation(countryCode: F.de), Affiliation(countryCode: F.fr)],
                                          isCorresponding: true),
                                   Author(affiliations: [Affiliation(countryCode: F.de)], isCorresponding: false)],
                         source: .openAlexJSON)
        let a1 = attributor.attribute(silent), a2 = attributor.attribute(noneFlagged), a3 = attributor.attribute(multi)
        #expect(a1.correspondingIndexes == nil)
        #expect(a2.correspondingIndexes == [])
        #expect(weights(.correspondingAuthor, a1).isEmpty)
        #expect(weights(.correspondingAuthor, a2).isEmpty)
        #expect(weights(.firstAuthor, a2) == ["JP": 1])
        #expect(weights(.correspondingAuthor, a3) == ["DE": 0.5, "FR": 0.5])
        #expect(weights(.authorFractional, a3) == ["DE": 0.75, "FR": 0.25])
    }

    @Test func fileNamesCarryTheMethod() {
        #expect(CountingMethod.authorFractional.fileName("Country_weighted_allSubs.tsv") == "Country_weighted_allSubs.tsv")
        #expect(CountingMethod.full.fileName("Country_weighted_allSubs.tsv") == "Country_weighted_allSubs.full.tsv")
        #expect(CountingMethod.correspondingAuthor.fileName("measures.csv") == "measures.corresponding-author.csv")
    }

    @Test func parsesLists() throws {
        #expect(try CountingMethod.parseList("full,First-Author full").get() == [.full, .firstAuthor])
        #expect(try CountingMethod.parseList("full,all").get() == [.full, .authorFractional, .publicationFractional, .firstAuthor, .correspondingAuthor])
        #expect(throws: CountingMethod.UnknownMethod(word: "whole")) { try CountingMethod.parseList("full,whole").get() }
    }
}
