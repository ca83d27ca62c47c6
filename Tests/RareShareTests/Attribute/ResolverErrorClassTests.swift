import Testing
@testable import RareShare

private let resolver = EvidenceResolver()

private func country(_ s: String) -> String? { resolver.resolve(s).country?.description }

/// One test per class of errors seen on real affiliation strings: each class
/// is fixed by a rule, and each string here failed before it.
@Suite struct ResolverErrorClassTests {
    /// Abbreviations are expanded before the look-up ("Mol" → molecular,
    /// "Mus" → museum), so towns of those names would be found in every
    /// "Molecular" or "Museum".
    @Test func abbreviationExpansionsAreNoTowns() {
        #expect(country("Dept Mol Biol, Museum Nat Hist") == nil)
        #expect(country("Laboratory of Molecular Genetics, Museum of Zoology") == nil)
    }

    /// Another name of a place that is an ordinary word ("Basic", an old
    /// name of Henderson, Nevada) is no place.
    @Test func alternateNamesThatAreWordsAreNoPlaces() {
        #expect(country("Basic Medical Sciences, Fudan University, Shanghai") == "CN")
    }

    /// A one-word town inside a name needs corroboration.
    @Test func oneWordTownInsideANameNeedsCorroboration() {
        #expect(country("Lee Kong Chian School of Medicine, Nanyang Technological University") == "SG")
        #expect(country("National Cheng-Kung University") == "TW")
        #expect(country("Ashok Leyland Ltd") == nil)
        // Corroborated: its own part, a postcode beside it.
        #expect(country("Dept Chem, Leyland") == "GB")
        #expect(country("Pediatric Dentistry, Eastman Institute, Stockholm") == "SE")
    }

    /// Names of generic words only, short forms and names shared abroad.
    @Test func organizationOnlyStrings() {
        #expect(country("Western University") == "CA")
        #expect(country("Imperial College") == "GB")
        #expect(country("Purdue University") == "US")
        #expect(country("Northwestern University") == "US")
        #expect(country("University College London") == "GB")
        // A generic name yields to a real one beside it.
        #expect(country("Western University, Department of Chemistry, Kyoto University") == "JP")
    }

    /// An ISO code after a country name is that country, not a US state.
    @Test func isoCodeAfterCountryName() {
        #expect(country("Tel Aviv University, Tel Aviv, Israel, IL") == "IL")
        #expect(country("Max Planck Institute for Polymer Research, Mainz, Germany, DE") == "DE")
        #expect(country("Indian Institute of Science, Bangalore, India, IN") == "IN")
        #expect(country("Hospital de Clinicas, Porto Alegre, RS") == "BR")
        #expect(country("Faculty of Chemistry, Belgrade, RS") == "RS")
    }

    /// Parts an export ran together are read apart.
    @Test func runTogetherParts() {
        #expect(country("College of Chemistry and Molecular Sciences, Wuhan University, Wuhan430072HubeiPeople's Republic of China") == "CN")
        #expect(country("Department of Chemistry, Tsinghua University, Beijing100084China") == "CN")
        #expect(AffiliationText("McGill Univ, CB2 1EW").words.count == 4)
    }

    /// When a string names several territories, the last decides.
    @Test func lastTerritoryWins() {
        #expect(country("Department of Physics, Hong Kong Baptist University; Institute of Physics, Academia Sinica, Taiwan, China") == "TW")
    }

    /// A country name inside an organization's name yields to the place the
    /// organization is named after.
    @Test func countryNameInsideAName() {
        #expect(country("Institute for East China Sea Research, Nagasaki University") == "JP")
        #expect(country("Korea University, Seoul") == "KR")
    }

    /// Croatian, Serbian and Hungarian names decline the city.
    @Test func inflectedLocalForms() {
        #expect(country("Sveučilište u Zagrebu, Fakultet kemijskog inženjerstva i tehnologije") == "HR")
        #expect(country("Univerzitet u Beogradu, Hemijski fakultet") == "RS")
        #expect(country("Univerzitet u Novom Sadu, Prirodno-matematički fakultet") == "RS")
        #expect(country("Debreceni Egyetem, Kémiai Intézet") == "HU")
    }

    /// City names hold no comma.
    @Test func noCityAcrossParts() {
        #expect(country("University of Southampton, Southampton SO, UK") == "GB")
    }

    /// The same string gives the same answer and evidence in any resolver.
    @Test func evidenceIsDeterministic() {
        let strings = ["Guangzhou Center for Disease Control, Boston", "Trinity College, Cambridge", "San Jose", "Department of Chemistry"]
        let other = EvidenceResolver(tables: ResolverTables(readingOn: 2))
        for s in strings { #expect(resolver.resolve(s) == other.resolve(s), "\(s)") }
    }
}
