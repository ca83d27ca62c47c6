@testable import RareShare

/// Hand-made records where the producers' counting rules disagree, attributed
/// the way a run attributes them (first affiliation, the other policy kept).
/// Every expected weight in ``CountingPresetTests`` was worked out on paper
/// from the author lists below.
enum PresetFixtures {
    static func author(_ codes: String...) -> Author {
        Author(affiliations: codes.map { Affiliation(countryCode: CountryCode($0)) })
    }
    /// An author with one affiliation that names no country.
    static let noCountry = Author(affiliations: [Affiliation(raw: nil, countryCode: nil)])

    /// CN; US+CN (two affiliations, US first); HK; one author without a country.
    static let mixed = Work(doi: "10.1/a", year: 2022, authors: [author("CN"), author("US", "CN"), author("HK"), noCountry], source: .openAlexJSON)
    /// TW; MO; US.
    static let territories = Work(doi: "10.1/b", year: 2022, authors: [author("TW"), author("MO"), author("US")], source: .openAlexJSON)
    /// Only an author without a country: a record found, no country.
    static let noCountryOnly = Work(doi: "10.1/c", year: 2022, authors: [noCountry], source: .openAlexJSON)
    /// NSF's own example: four authors, two in the US, one in China, one in Brazil.
    static let nsfExample = Work(doi: "10.1/e", year: 2022, authors: [author("US"), author("US"), author("CN"), author("BR")], source: .openAlexJSON)

    /// The unit of `work` as a run makes it (first affiliations, both policies).
    static func unit(_ work: Work, policy: AffiliationPolicy = .first) -> AttributedUnit {
        var attributor = CountryAttributor(resolver: EvidenceResolver(), policy: policy)
        attributor.keepsOtherPolicy = true
        var unit = AttributedUnit(year: work.year ?? 0, regions: .all, authorship: attributor.attribute(work))
        unit.affiliations = policy
        unit.otherAffiliations = attributor.attributeOtherPolicy(work)
        return unit
    }

    /// The four records plus a unit that matched no record: N = 5, 3 attributed.
    static var year2022: [AttributedUnit] {
        [unit(mixed), unit(territories), unit(noCountryOnly), AttributedUnit(year: 2022, regions: .all, authorship: nil), unit(nsfExample)]
    }
}
