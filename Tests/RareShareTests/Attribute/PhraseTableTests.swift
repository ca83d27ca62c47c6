import Testing
@testable import RareShare

@Suite struct PhraseTableTests {
    @Test func longestPhraseAtEachStartWins() throws {
        var table = PhraseTable()
        table.add("Korea", PhraseMeaning(kind: .country, countries: [CountryCode("KR")!]))
        table.add("Democratic People's Republic of Korea", PhraseMeaning(kind: .country, countries: [CountryCode("KP")!]))
        table.add("New Mexico", PhraseMeaning(kind: .subnational, countries: [CountryCode("US")!]))
        table.add("Mexico", PhraseMeaning(kind: .country, countries: [CountryCode("MX")!]))
        let text = AffiliationText("Univ New Mexico, Albuquerque; Kim Il Sung Univ, Democratic People's Republic of Korea")
        let found = table.matches(in: text)
        #expect(found.map { text.original($0.range) } == ["New Mexico", "Mexico", "Democratic People's Republic of Korea", "Korea"])
        #expect(found.map { $0.meanings[0].countries[0].description } == ["US", "MX", "KP", "KR"])
    }

    @Test func hashIndexGrowsAndKeepsEveryKey() {
        var index = HashIndex()
        for k in 0..<5000 { index[UInt64(k) &* 0x9E3779B97F4A7C15] = Int32(k) }
        #expect(index.count == 5000)
        #expect((0..<5000).allSatisfy { index[UInt64($0) &* 0x9E3779B97F4A7C15] == Int32($0) })
        #expect(index[12345] == nil)
    }

    @Test func resolverWithoutResourcesStillReadsNamesAndRegions() {
        let bare = EvidenceResolver(tables: ResolverTables(loadResources: false))
        #expect(bare.missingResources.isEmpty)
        #expect(bare.resolve("Tohoku Univ, Sendai, Miyagi 9808578, Japan").country == CountryCode("JP"))
        #expect(bare.resolve("Dept Chem, Ames, IA 50011").country == CountryCode("US"))
        // Without the gazetteer a city alone tells nothing.
        #expect(bare.resolve("Dept Chem, Sendai").country == nil)
    }
}

@Suite struct ResolverTablesBuildTests {
    /// Reading the resources on two cores adds the same rows in the same
    /// order: every answer, evidence included, is the one-core answer.
    @Test func twoCoresBuildTheSameTables() {
        let one = EvidenceResolver(tables: ResolverTables(readingOn: 1))
        let two = EvidenceResolver(tables: ResolverTables(readingOn: 2))
        #expect(one.tables.missingResources.isEmpty)
        let strings = [
            "Department of Chemistry, Tsinghua University, Beijing 100084, China",
            "Institut Charles Gerhardt, Université de Montpellier, CNRS, Montpellier, France",
            "Cambridge, MA",
            "Dept. of Chemistry, University of Cambridge, Lensfield Road, Cambridge CB2 1EW",
            "Max-Planck-Institut für Kohlenforschung, Mülheim an der Ruhr",
            "Indian Institute of Science, Bangalore",
            "Department of Chemistry",
            "RIKEN, Wako, Saitama",
        ]
        for s in strings { #expect(one.resolve(s) == two.resolve(s), "\(s)") }
        #expect(one.resolve(strings[0]).country == CountryCode("CN"))
    }
}
