import Testing
@testable import RareShare

@Suite struct AffiliationTextTests {
    @Test func wordsAreFoldedAndAbbreviationsExpanded() {
        #expect(AffiliationText.wordHashes(of: "Univ Toronto") == AffiliationText.wordHashes(of: "University of Toronto"))
        #expect(AffiliationText.wordHashes(of: "Universität Zürich") == AffiliationText.wordHashes(of: "universitat zurich"))
        #expect(AffiliationText.wordHashes(of: "Korea, Republic of") == AffiliationText.wordHashes(of: "Korea Republic"))
    }

    @Test func partsAndOffsets() {
        let t = AffiliationText("Dept Chem, Ames, IA 50011 USA")
        #expect(t.words.count == 6)
        #expect(t.words.map(\.part) == [0, 0, 1, 2, 2, 2])
        #expect(t.original(word: 3) == "IA")
        #expect(t.words[3].isUppercase && t.words[4].isDigits)
        #expect(t.original(2..<6) == "Ames, IA 50011 USA")
    }

    @Test func hanCharactersAreWordsOfTheirOwn() {
        let t = AffiliationText("中国科学院")
        #expect(t.words.count == 5)
        #expect(t.original(0..<2) == "中国")
    }
}
