import Testing
@testable import RareShare

/// One affiliation string and the country it must resolve to (nil: unresolved).
struct ResolverCase: Sendable, CustomTestStringConvertible {
    var affiliation: String
    var country: String?
    var testDescription: String { "\(affiliation) → \(country ?? "unresolved")" }
    init(_ affiliation: String, _ country: String?) { self.affiliation = affiliation; self.country = country }
}

private let resolver = EvidenceResolver()

private func check(_ c: ResolverCase, sourceLocation: SourceLocation = #_sourceLocation) {
    let answer = resolver.resolve(c.affiliation)
    #expect(answer.country?.description == c.country, "evidence: \(answer.evidence)", sourceLocation: sourceLocation)
    #expect(!answer.evidence.isEmpty, sourceLocation: sourceLocation)
}

@Suite struct EvidenceResolverTests {
    static let countryNames: [ResolverCase] = [
        .init("Tohoku Univ, Sendai, Miyagi 9808578, Japan", "JP"),
        .init("Dept Chem, Ames, IA 50011 USA", "US"),
        .init("Nanjing Univ, Sch Chem, Nanjing 210093, Peoples R China", "CN"),
        .init("Khalifa Univ, Abu Dhabi, U Arab Emirates", "AE"),
        .init("Univ Papua New Guinea, Port Moresby, Papua N Guinea", "PG"),
        .init("Natl Taiwan Univ, Taipei 10617, Taiwan", "TW"),
        .init("Institut für Anorganische Chemie, Universität Leipzig, Deutschland", "DE"),
        .init("中国科学院化学研究所", "CN"),
        .init("서울대학교, 대한민국", "KR"),
        .init("Институт органической химии, Москва, Россия", "RU"),
        .init("Univ Oxford, Oxford, England", "GB"),
        .init("Univ Edinburgh, Edinburgh, Scotland", "GB"),
        // The last country name in the string decides.
        .init("Visiting from Univ Lyon, France; Kyoto Univ, Kyoto, Japan", "JP"),
        // Whole words only: "India" is not in "Indiana", "UK" not in "Chungbuk".
        .init("Purdue Univ, West Lafayette, Indiana 47907", "US"),
        .init("Chungbuk Natl Univ, Cheongju, Chungbuk", "KR"),
        // A name inside another name is not the country ("Beth Israel", "New South Wales").
        .init("Beth Israel Deaconess Med Ctr, Boston, MA 02215", "US"),
        .init("Univ New S Wales, Sydney, NSW 2052", "AU"),
        .init("Long Island Jewish Med Ctr, New Hyde Park, NY", "US"),
    ]

    @Test(arguments: countryNames) func countryName(_ c: ResolverCase) { check(c) }

    static let disputed: [ResolverCase] = [
        .init("Hong Kong, Peoples R China", "HK"),
        .init("Hong Kong SAR, China", "HK"),
        .init("Univ Macau, Taipa, Macau, Peoples R China", "MO"),
        .init("Acad Sinica, Taipei, Taiwan, ROC", "TW"),
        .init("Inst Chem, Taipei, Republic of China", "TW"),
        .init("Univ Puerto Rico, San Juan, Puerto Rico, USA", "PR"),
        .init("Seoul Natl Univ, Seoul, Korea", "KR"),
        .init("KAIST, Daejeon, Republic of Korea", "KR"),
        .init("Pohang, Korea (South)", "KR"),
        .init("Kim Il Sung Univ, Pyongyang, DPR Korea", "KP"),
        .init("Inst Organ Chem, USSR", nil),
        .init("Zelinsky Inst Organ Chem, Moscow, USSR", "RU"),
        .init("Inst Phys Chem, Kiev, USSR", "UA"),
        .init("Charles Univ, Prague, Czechoslovakia", "CZ"),
        .init("Slovak Tech Univ, Bratislava, Czechoslovakia", "SK"),
        .init("Czechoslovakia", nil),
        .init("Univ Zagreb, Zagreb, Yugoslavia", "HR"),
        .init("Univ Bonn, Bonn, Fed Rep Ger", "DE"),
        .init("Akad Wissensch, Berlin, DDR", "DE"),
        .init("Univ Leipzig, Leipzig, Ger Dem Rep", "DE"),
        .init("Tbilisi State Univ, Tbilisi, Georgia", "GE"),
        .init("Emory Univ, Atlanta, Georgia", "US"),
        .init("Univ Pristina, Pristina, Kosovo", "XK"),
        .init("Univ Marien Ngouabi, Brazzaville, Congo", "CG"),
        .init("Univ Kinshasa, Kinshasa, Dem Rep Congo", "CD"),
        .init("Univ Yangon, Yangon, Burma", "MM"),
        .init("Peking Univ, Beijing, People's Republic of China", "CN"),
        .init("Natl Tsing Hua Univ, Hsinchu, Taiwan, China", "TW"),
        .init("Univ Leicester, Leicester, Wales", "GB"),
        .init("Birzeit Univ, Birzeit, Palestine", "PS"),
        .init("Univ La Laguna, Tenerife, Canary Islands", "ES"),
    ]

    @Test(arguments: disputed) func disputedName(_ c: ResolverCase) { check(c) }

    static let twoLetterTokens: [ResolverCase] = [
        .init("Harvard Med Sch, Boston, MA", "US"),
        .init("Dept Chem, Los Angeles, CA", "US"),
        .init("Inst Curie, Paris, FR", "FR"),
        .init("Humboldt Univ, Berlin, DE", "DE"),
        .init("Univ Sydney, Sydney, NSW 2006", "AU"),
        .init("Univ Western Australia, Perth, WA 6009", "AU"),
        .init("Univ Washington, Seattle, WA 98195", "US"),
        .init("Univ Western Ontario, London, ON", "CA"),
        .init("Monash Univ, Clayton, Vic 3800", "AU"),
        // WA is Washington and Western Australia: the university decides.
        .init("Univ Western Australia, Sch Psychiat, Perth, WA", "AU"),
        // Italian province codes are not ISO codes ("BL" Belluno, not Saint Barthélemy).
        .init("Osp San Martino, Belluno, BL", "IT"),
        // "IN" and "AT" are small words unless they stand where a code does.
        .init("Purdue Univ, W Lafayette, IN 47907", "US"),
        .init("Tech Univ Wien, Vienna, AT", "AT"),
    ]

    @Test(arguments: twoLetterTokens) func twoLetterToken(_ c: ResolverCase) { check(c) }

    static let divisions: [ResolverCase] = [
        .init("Tohoku Univ, Sendai, Miyagi 9808578", "JP"),
        .init("Zhejiang Univ, Hangzhou 310027, Zhejiang", "CN"),
        .init("Indian Inst Sci, Bangalore, Karnataka", "IN"),
        .init("Tech Univ Munich, Garching, Bavaria", "DE"),
        .init("Dept Chem, Lensfield Rd, Cambridge CB2 1EW", "GB"),
        .init("Dept Chem, 80 St George St, Toronto, ON M5S 3H6", "CA"),
        .init("Univ Heidelberg, Biochem Ctr, D-69120 Heidelberg", "DE"),
        .init("Hebrew Univ Jerusalem, IL-91905 Jerusalem", "IL"),
        .init("Dartmouth Med Sch, Lebanon, NH", "US"),
    ]

    @Test(arguments: divisions) func division(_ c: ResolverCase) { check(c) }

    static let organizations: [ResolverCase] = [
        .init("Institute of Medical Science, University of Toronto", "CA"),
        .init("Max Planck Institute for Polymer Research", "DE"),
        // "York University" is the display name of records in Toronto (CA)
        // and in York, Nebraska (US); only Toronto's has a funder id, the
        // institution the literature acknowledges.
        .init("York University", "CA"),
        // A generic name matched inside a local one yields to the city.
        .init("Department of Toxicology, Guangzhou Center for Disease Control and Prevention, Guangzhou", "CN"),
    ]

    @Test(arguments: organizations) func organization(_ c: ResolverCase) { check(c) }

    static let cities: [ResolverCase] = [
        .init("Dept Chem, Sendai", "JP"),
        // English exonyms of large cities compete with small namesakes.
        .init("Intl Agency Res Canc, Lyons", "FR"),
        .init("Inst Chem, Novosibirsk", "RU"),
        // Geneva, Switzerland is over five times Geneva, Illinois.
        .init("Swiss Inst Bioinformat, Geneva", "CH"),
        // A later place agreeing with the country name does not override it.
        .init("Royal Mil Coll Canada, Kingston, ON", "CA"),
        // Cambridge, England and Cambridge, Massachusetts are both large.
        .init("Dept Chem, Cambridge", nil),
        // A US town named "University": the word never decides.
        .init("Dept Chem, University", nil),
        // An acronym in capitals is not a town ("ISE", Japan).
        .init("Univ Algarve, ISE, Faro", "PT"),
    ]

    @Test(arguments: cities) func city(_ c: ResolverCase) { check(c) }

    static let email: [ResolverCase] = [
        .init("Dept Chem, contact: a.b@chem.example.ac.jp", "JP"),
        .init("Lab 5, x@example.co.uk", "GB"),
        .init("Lab 5, x@example.edu", "US"),
        .init("Lab 5, x@example.io", nil),
        // The words of an address are not places: "alfonso" is not a town here.
        .init("Grupo Ecologia, Ensenada, Baja California, México, CP 22880. alfonso.aguirre@example.org", "MX"),
    ]

    @Test(arguments: email) func emailDomain(_ c: ResolverCase) { check(c) }

    @Test func evidenceNamesTheRule() {
        #expect(resolver.resolve("Hong Kong, Peoples R China").evidence == "territory \"Hong Kong\" within \"Peoples R China\"")
        #expect(resolver.resolve("Tohoku Univ, Sendai, Miyagi 9808578, Japan").evidence == "country name \"Japan\"")
        #expect(resolver.resolve("Tohoku Univ, Sendai, Miyagi 9808578, Japan").rule == "country-name")
        #expect(resolver.resolve("Tohoku Univ, Sendai, Miyagi 9808578, Japan").evidenceWithRule == "country name \"Japan\" [country-name]")
        #expect(resolver.resolve("Inst Organ Chem, USSR").rule == "former-state")
        #expect(resolver.resolve("Harvard Med Sch, Boston, MA").evidence.contains("\"MA\""))
        #expect(resolver.resolve("Inst Organ Chem, USSR").evidence == "former state \"USSR\" with no city or region naming one successor state")
        #expect(resolver.resolve("").evidence == "no words in the string")
    }

    @Test func resolverIsPure() {
        let s = "Zelinsky Inst Organ Chem, Moscow, USSR"
        #expect(resolver.resolve(s) == resolver.resolve(s))
        #expect(resolver.missingResources.isEmpty)
    }
}
