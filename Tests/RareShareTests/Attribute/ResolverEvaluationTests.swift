import Testing
@testable import RareShare

/// The accuracy targets on the labeled evaluation set built from real
/// exports (Fixtures/affiliations/evaluation.tsv, see its build script).
@Suite struct ResolverEvaluationTests {
    @Test func meetsAccuracyTargets() throws {
        let cases = try ResolverEvaluation.load(path: Fixture.path("affiliations/evaluation.tsv"))
        #expect(cases.count == 8848)
        let e = ResolverEvaluation(cases: cases, resolver: EvidenceResolver())
        #expect(e.namingCountry.total + e.notNamingCountry.total == cases.count)
        #expect(e.namingCountry.correctPercent >= 99, "\(e.text(listing: 10))")
        #expect(e.notNamingCountry.correctPercent >= 85, "\(e.text(listing: 10))")
        #expect(e.overall.wrongPercent <= 2, "\(e.text(listing: 10))")
    }

    @Test func tallySeparatesWrongFromUnresolved() {
        let cases = [
            ResolverEvaluation.Case(affiliation: "Tohoku Univ, Sendai, Japan", expected: CountryCode("JP")!, namesCountry: true, source: "t"),
            ResolverEvaluation.Case(affiliation: "Tohoku Univ, Sendai, Japan", expected: CountryCode("FR")!, namesCountry: true, source: "t"),
            ResolverEvaluation.Case(affiliation: "Dept Chem, Cambridge", expected: CountryCode("GB")!, namesCountry: false, source: "u"),
        ]
        let e = ResolverEvaluation(cases: cases, resolver: EvidenceResolver())
        #expect(e.overall == ResolverEvaluation.Tally(correct: 1, wrong: 1, unresolved: 1))
        #expect(e.namingCountry == ResolverEvaluation.Tally(correct: 1, wrong: 1, unresolved: 0))
        #expect(e.bySource.map(\.source) == ["t", "u"])
        #expect(e.wrongAnswers.count == 1 && e.unresolvedCases.count == 1)
    }
}
