import Testing
@testable import RareShare

@Suite struct FormulaTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var formula: String
        var elements: [String]
        var organic: Bool
        var organometallic: Bool
        var rareEarth: Bool
        var testDescription: String { formula }
    }

    static let cases: [Case] = [
        Case(formula: "H2SO4", elements: ["H", "O", "S"], organic: false, organometallic: false, rareEarth: false),
        Case(formula: "C6H6", elements: ["C", "H"], organic: true, organometallic: false, rareEarth: false),
        Case(formula: "CO", elements: ["C", "O"], organic: true, organometallic: false, rareEarth: false),
        Case(formula: "Co", elements: ["Co"], organic: false, organometallic: false, rareEarth: false),
        Case(formula: "C4CoO4", elements: ["C", "Co", "O"], organic: true, organometallic: true, rareEarth: false),
        Case(formula: "CsCl", elements: ["Cl", "Cs"], organic: false, organometallic: false, rareEarth: false),
        Case(formula: "SnCl4", elements: ["Cl", "Sn"], organic: false, organometallic: false, rareEarth: false),
        Case(formula: "Sb2O3", elements: ["O", "Sb"], organic: false, organometallic: false, rareEarth: false),
        Case(formula: "CeO2", elements: ["Ce", "O"], organic: false, organometallic: false, rareEarth: true),
        Case(formula: "YbCl3", elements: ["Cl", "Yb"], organic: false, organometallic: false, rareEarth: true),
        Case(formula: "Y2O3", elements: ["O", "Y"], organic: false, organometallic: false, rareEarth: true),
        Case(formula: "C10H10Fe", elements: ["C", "Fe", "H"], organic: true, organometallic: true, rareEarth: false),
        // Salt: the metal is in another component, so not organometallic.
        Case(formula: "C2H3O2*Na", elements: ["C", "H", "Na", "O"], organic: true, organometallic: false, rareEarth: false),
        Case(formula: "C2H3NaO2", elements: ["C", "H", "Na", "O"], organic: true, organometallic: true, rareEarth: false),
        // A decimal point is not a component separator.
        Case(formula: "C2H6O*0.5H2O", elements: ["C", "H", "O"], organic: true, organometallic: false, rareEarth: false),
        Case(formula: "C15H15Nd", elements: ["C", "H", "Nd"], organic: true, organometallic: true, rareEarth: true),
        Case(formula: "C6D6", elements: ["C", "H"], organic: true, organometallic: false, rareEarth: false),
        Case(formula: "C6H5O7(3-)*3Na(1+)", elements: ["C", "H", "Na", "O"], organic: true, organometallic: false, rareEarth: false),
        Case(formula: "C<sub>6</sub>H<sub>6</sub>", elements: ["C", "H"], organic: true, organometallic: false, rareEarth: false),
        Case(formula: "(C2H4)n", elements: ["C", "H"], organic: true, organometallic: false, rareEarth: false),
        Case(formula: "Cl2.Pt", elements: ["Cl", "Pt"], organic: false, organometallic: false, rareEarth: false),
        Case(formula: "C2H6.ScCl3", elements: ["C", "Cl", "H", "Sc"], organic: true, organometallic: false, rareEarth: true),
    ]

    /// The analysis run classifies with ``FormulaProfile``; it must agree
    /// with ``Formula`` and ``RegionClassifier`` on every case.
    @Test(arguments: cases)
    func profileAgreesWithFormula(_ c: Case) {
        var text = c.formula
        let profile = text.withUTF8 { FormulaProfile(bytes: $0) }
        let f = Formula(c.formula)
        #expect(profile.regions == RegionClassifier().regions(of: f))
        #expect(profile.elements.compositionKey == f.compositionKey)
        #expect(profile.elements.compositionKey == c.elements.joined())
        #expect(profile.regions.contains(.rareEarth) == c.rareEarth)
        #expect(profile.regions.contains(.organometallic) == c.organometallic)
    }

    @Test(arguments: cases)
    func classifies(_ c: Case) {
        let f = Formula(c.formula)
        #expect(f.elements == c.elements)
        let r = RegionClassifier().regions(of: f)
        #expect(r.contains(.all))
        #expect(r.contains(.organic) == c.organic)
        #expect(r.contains(.organometallic) == c.organometallic)
        #expect(r.contains(.rareEarth) == c.rareEarth)
    }

    @Test func compositionKeyMatchesThePaper() {
        // The paper's composition rows sort symbols alphabetically: CClHORu.
        #expect(Formula("C10H12Cl2O2Ru").compositionKey == "CClHORu")
    }

    @Test func unknownSymbolsAreKeptApart() {
        let f = Formula("C6H5R")
        #expect(f.elements == ["C", "H"])
        #expect(f.unknownSymbols == ["R"])
    }
}
