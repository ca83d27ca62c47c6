import Testing
@testable import RareShare

/// Every preset on hand-made records (``PresetFixtures``): each weight and
/// share worked out on paper, and the invariants every preset must keep.
@Suite struct CountingPresetTests {
    typealias F = PresetFixtures

    func weights(_ preset: CountingPreset, _ work: Work, method: CountingMethod = .authorFractional) -> [String: Double] {
        let s = YearlyTally.UnitSummary(F.unit(work), rules: preset.rules.with(method))
        var out: [String: Double] = [:]
        for (c, w) in s.weights { out[c.description] = w }
        return out
    }

    func expectWeights(_ got: [String: Double], _ want: [String: Double], _ note: Comment) {
        #expect(got.keys.sorted() == want.keys.sorted(), note)
        for (k, w) in want { #expect(approximatelyEqual(got[k], w), "\(note) \(k): \(got[k] ?? .nan) ≠ \(w)") }
    }

    @Test func nsfOwnExampleUnderEveryPreset() {
        for p in CountingPreset.allCases {
            expectWeights(weights(p, F.nsfExample), ["US": 0.5, "CN": 0.25, "BR": 0.25], "\(p)")
        }
    }

    @Test func multiAffiliationTerritoryAndNoCountryAuthor() {
        // CN; US+CN; HK; no country. Study and NSF: first affiliations, |A(s)| = 3.
        expectWeights(weights(.study, F.mixed), ["CN": 1.0 / 3, "US": 1.0 / 3, "HK": 1.0 / 3], "study")
        expectWeights(weights(.nsf, F.mixed), ["CN": 1.0 / 3, "US": 1.0 / 3, "HK": 1.0 / 3], "nsf")
        // Leiden: n = 4; CN 1/4 + 1/8 (half of author 2) + 1/4 (HK → CN), US 1/8; 1/4 to nobody.
        expectWeights(weights(.leiden, F.mixed), ["CN": 5.0 / 8, "US": 1.0 / 8], "leiden")
        // Nature Index: n = 3; CN 1/3 + 1/6, US 1/6, HK 1/3.
        expectWeights(weights(.natureIndex, F.mixed), ["CN": 0.5, "US": 1.0 / 6, "HK": 1.0 / 3], "nature-index")
    }

    @Test func territoriesFoldAsEachRuleSays() {
        expectWeights(weights(.study, F.territories), ["TW": 1.0 / 3, "MO": 1.0 / 3, "US": 1.0 / 3], "study")
        expectWeights(weights(.leiden, F.territories), ["TW": 1.0 / 3, "CN": 1.0 / 3, "US": 1.0 / 3], "leiden")
        var cnAll = CountingRules.study
        cnAll.territories = .cnAll
        let s = YearlyTally.UnitSummary(F.unit(F.territories), rules: cnAll)
        #expect(s.weights.map(\.0.description) == ["CN", "US"])
        #expect(approximatelyEqual(s.weights[0].1, 2.0 / 3) && approximatelyEqual(s.weights[1].1, 1.0 / 3))
        #expect(s.countrySet?.description == "CN,US")
        // An author in Beijing and Hong Kong is one CN author once HK is folded.
        let both = Work(year: 2022, authors: [F.author("CN", "HK"), F.author("US")], source: .openAlexJSON)
        expectWeights(weights(.leiden, both), ["CN": 0.5, "US": 0.5], "leiden CN+HK")
        expectWeights(weights(.natureIndex, both), ["CN": 0.25, "HK": 0.25, "US": 0.5], "nature-index CN+HK")
    }

    @Test func unitsWithoutACountryCreditNobody() {
        for p in CountingPreset.allCases {
            for m in CountingMethod.allCases {
                #expect(weights(p, F.noCountryOnly, method: m).isEmpty)
                #expect(YearlyTally.UnitSummary(AttributedUnit(year: 2022, regions: .all, authorship: nil), rules: p.rules.with(m)).countrySet == nil)
            }
        }
    }

    /// Shares of the year: N = 5 (two unattributed), 3 attributed.
    func shares(_ preset: CountingPreset) -> (ShareMeasures, ShareTally) {
        var tally = ShareTally(pairs: [], rules: preset.rules)
        for u in F.year2022 { tally.add(u) }
        return (tally.measures(.all, 2022), tally)
    }

    @Test func sharesOfEveryPreset() {
        let cn = CountryCode("CN")!, us = CountryCode("US")!, hk = CountryCode("HK")!, tw = CountryCode("TW")!
        let mo = CountryCode("MO")!, br = CountryCode("BR")!
        let (study, _) = shares(.study)
        #expect(study.units == 5 && study.tally.attributed == 3 && study.base == 5)
        // CN 1/3 + 1/4, US 1/3 + 1/3 + 1/2, HK, TW, MO 1/3, BR 1/4: of 5.
        let studyWeights: [(CountryCode, Double)] = [(cn, 7.0 / 12), (us, 7.0 / 6), (hk, 1.0 / 3), (tw, 1.0 / 3), (mo, 1.0 / 3), (br, 0.25)]
        for (c, w) in studyWeights {
            #expect(approximatelyEqual(study.weight(c), w))
            #expect(approximatelyEqual(study.share(c), 100 * w / 5))
        }
        // The ceiling adds the two unattributed units: CN (7/12 + 2) / 5.
        #expect(approximatelyEqual(study.shareCeiling(cn), 100 * (7.0 / 12 + 2) / 5))
        let (nsf, _) = shares(.nsf)
        #expect(nsf.base == 3)
        #expect(approximatelyEqual(nsf.share(cn), 100 * (7.0 / 12) / 3) && approximatelyEqual(nsf.share(us), 100 * (7.0 / 6) / 3))
        #expect(approximatelyEqual(nsf.coverage, 60))
        let (leiden, leidenTally) = shares(.leiden)
        // CN 5/8 + 1/3 + 1/4, US 1/8 + 1/3 + 1/2, TW 1/3, BR 1/4; HK and MO are CN.
        let leidenWeights: [(CountryCode, Double)] = [(cn, 29.0 / 24), (us, 23.0 / 24), (tw, 1.0 / 3), (br, 0.25)]
        for (c, w) in leidenWeights {
            #expect(approximatelyEqual(leiden.share(c), 100 * w / 5))
        }
        #expect(leiden.tally.weights[hk] == nil && leiden.tally.weights[mo] == nil)
        #expect(leidenTally.tally(.all, 2022).exactSets == [CountrySet([cn, us]): 1, CountrySet([cn, tw, us]): 1, CountrySet([br, cn, us]): 1])
        let (nature, _) = shares(.natureIndex)
        let natureWeights: [(CountryCode, Double)] = [(cn, 0.75), (us, 1.0), (hk, 1.0 / 3), (tw, 1.0 / 3), (mo, 1.0 / 3), (br, 0.25)]
        for (c, w) in natureWeights {
            #expect(approximatelyEqual(nature.share(c), 100 * w / 3))
        }
    }

    @Test func weightsSumToOneOrToTheAttributedFraction() {
        let works = [F.mixed, F.territories, F.nsfExample,
                     Work(year: 2022, authors: [F.noCountry, F.author("DE", "FR", "DE"), F.noCountry, F.author("JP")], source: .openAlexJSON)]
        for work in works {
            let unit = F.unit(work)
            let everyAuthor = Double(work.authors.count)
            let withCountry = Double(work.authors.filter { $0.affiliations.contains { $0.countryCode != nil } }.count)
            for p in CountingPreset.allCases {
                let s = YearlyTally.UnitSummary(unit, rules: p.rules)
                let sum = s.weights.reduce(0) { $0 + $1.1 }
                // Leiden: the authors with a country (under all affiliations) over every author.
                let want = p == .leiden ? withCountry / everyAuthor : 1
                #expect(abs(sum - want) < 1e-9, "\(p) \(work.authors.count) authors: \(sum)")
                let full = YearlyTally.UnitSummary(unit, rules: p.rules.with(.full))
                for (c, w) in s.weights {
                    #expect((full.weights.first { $0.0 == c }?.1 ?? 0) >= w, "full ≥ fractional for \(c) under \(p)")
                }
            }
        }
    }

    @Test func presetsAreBundlesOfTheRules() {
        #expect(CountingPreset.study.rules == .study)
        #expect(CountingPreset.nsf.rules.description == "author-fractional, affiliations first, territories as-delivered, denominator attributed, author-count with-country")
        #expect(CountingPreset.leiden.rules.description == "author-fractional, affiliations all, territories leiden, denominator all, author-count all")
        #expect(CountingPreset.natureIndex.rules.description == "author-fractional, affiliations all, territories as-delivered, denominator attributed, author-count with-country")
    }
}
