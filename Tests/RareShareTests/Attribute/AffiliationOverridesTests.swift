import Testing
@testable import RareShare

@Suite struct AffiliationOverridesTests {
    @Test func tsvRulesWinOverBuiltInRules() throws {
        let rules = try AffiliationOverrides.parse("pattern\tcountry\nUSSR\tRU\nCambridge\tGB\n# comment\nNowhere Lab\tnull\n", file: "o.tsv")
        #expect(rules.count == 3)
        let r = EvidenceResolver(overrides: rules)
        #expect(r.resolve("Inst Organ Chem, USSR") == CountryResolution(country: CountryCode("RU"), evidence: "override \"USSR\" (o.tsv:2)", rule: .override))
        #expect(r.resolve("Dept Chem, Cambridge").country == CountryCode("GB"))
        #expect(r.resolve("Nowhere Lab, Paris, France").country == nil)
        // Untouched strings keep the built-in answer.
        #expect(r.resolve("Tohoku Univ, Sendai, Japan").country == CountryCode("JP"))
    }

    @Test func yamlRulesMatchWholeWordsIgnoringCaseAndSmallWords() throws {
        let rules = try AffiliationOverrides.parse("---\n\"Univ Toronto\": CA\n- 'York University': ca # Toronto\n", file: "o.yaml")
        let r = EvidenceResolver(overrides: rules)
        #expect(r.resolve("Department of Chemistry, University of Toronto").country == CountryCode("CA"))
        #expect(r.resolve("YORK UNIVERSITY").country == CountryCode("CA"))
        #expect(r.resolve("Yorkshire University Hospital").country != CountryCode("CA"))
    }

    @Test func unresolvedListWithACodeColumnIsAnOverridesFile() throws {
        let text = "count\taffiliation\n12\tInst Organ Chem, USSR\tRU\n3\tDept Chem, Cambridge\n"
        let rules = try AffiliationOverrides.parse(text, file: "unresolved_affiliations.tsv")
        #expect(rules.count == 1)
        let r = EvidenceResolver(overrides: rules)
        #expect(r.resolve("Inst Organ Chem, USSR") == CountryResolution(country: CountryCode("RU"), evidence: "override \"Inst Organ Chem, USSR\" (unresolved_affiliations.tsv:2)", rule: .override))
        #expect(r.resolve("Dept Chem, Cambridge").country == nil)
    }

    @Test func longestPatternWins() throws {
        let rules = try AffiliationOverrides.parse("Paris\tFR\nParis Texas\tUS\n")
        let r = EvidenceResolver(overrides: rules)
        #expect(r.resolve("Clinic, Paris, Texas").country == CountryCode("US"))
        #expect(r.resolve("Clinic, Paris").country == CountryCode("FR"))
    }

    @Test func malformedRuleNamesItsLine() {
        #expect {
            _ = try AffiliationOverrides.parse("USSR\tRU\nFoo\tGermany\n", file: "bad.tsv")
        } throws: { error in
            guard let e = error as? InputError else { return false }
            return e.position.file == "bad.tsv" && e.position.line == 2 && e.kind == .malformed
        }
    }

    @Test func attributorSplitsAnAuthorAcrossCountriesWithAll() throws {
        let work = Work(doi: "10.1/x", sourceID: nil, year: 2000, documentType: nil, title: nil, authors: [
            Author(name: "A", affiliations: [Affiliation(raw: "Tohoku Univ, Sendai, Japan"), Affiliation(raw: "Harvard Med Sch, Boston, MA")]),
            Author(name: "B", affiliations: [Affiliation(raw: "Tohoku Univ, Sendai, Japan")]),
        ], source: .openAlexJSON)
        var all = CountryAttributor(resolver: EvidenceResolver(), policy: .all)
        let weights = all.attribute(work).fractionalWeights()
        #expect(weights.map(\.0.description) == ["JP", "US"])
        #expect(weights.map(\.1) == [0.75, 0.25])
        var first = CountryAttributor(resolver: EvidenceResolver(), policy: .first)
        #expect(first.attribute(work).fractionalWeights().map(\.1) == [1.0])
    }
}
