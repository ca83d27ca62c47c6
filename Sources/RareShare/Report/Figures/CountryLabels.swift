/// Country names as the paper's figures print them ("China", "US", "UK"…).
///
/// Figures are read by people, not joined by programs, so they carry short
/// names; codes without a name here print as the code itself.
public enum CountryLabels {
    /// Stand-in member for the paper's unresolved authors: its
    /// `Absolute_collab_*` keys such as `CN,US,null` or `JP,None` keep an
    /// author whose country was not found. Keeping those sets (under this
    /// user-assigned ISO code) is what makes inclusive joint counts agree with
    /// the paper's Figure 1c; the code is never listed as a country.
    public static let unresolved = CountryCode(rawValue: UInt16(UInt8(ascii: "Z")) << 8 | UInt16(UInt8(ascii: "Z")))

    private static let names: [String: String] = [
        "AR": "Argentina", "AT": "Austria", "AU": "Australia", "BE": "Belgium", "BR": "Brazil",
        "CA": "Canada", "CH": "Switzerland", "CN": "China", "CZ": "Czechia", "DE": "Germany",
        "DK": "Denmark", "EG": "Egypt", "ES": "Spain", "FI": "Finland", "FR": "France",
        "GB": "UK", "GR": "Greece", "HK": "Hong Kong", "HU": "Hungary", "IE": "Ireland",
        "IL": "Israel", "IN": "India", "IR": "Iran", "IT": "Italy", "JP": "Japan",
        "KR": "Korea", "MX": "Mexico", "NL": "Netherlands", "NO": "Norway", "NZ": "New Zealand",
        "PK": "Pakistan", "PL": "Poland", "PT": "Portugal", "RU": "Russia", "SA": "Saudi Arabia",
        "SE": "Sweden", "SG": "Singapore", "TN": "Tunisia", "TR": "Turkey", "TW": "Taiwan",
        "UA": "Ukraine", "US": "US", "ZA": "South Africa", "ZZ": "unresolved",
    ]

    /// The figure label of one country.
    public static func name(_ code: CountryCode) -> String { names[code.description] ?? code.description }

    /// The figure label of a country set: names in code order joined by `-`
    /// ("China-US", "Germany-France"), which is also the paper's order.
    public static func name(_ set: CountrySet) -> String { set.members.map(name).joined(separator: "-") }

    /// The code for a figure label or a code, e.g. `"China"` or `"CN"` → CN.
    public static func code(named text: String) -> CountryCode? {
        if let hit = names.first(where: { $0.value.lowercased() == text.lowercased() }).flatMap({ CountryCode($0.key) }) {
            return hit
        }
        return CountryCode(text)
    }

    /// Full names where the resolver's first name is an abbreviation or a
    /// formal variant nobody would print.
    private static let fullNames: [String: String] = [
        "US": "United States", "KR": "South Korea", "ZZ": "unresolved",
    ]

    /// The name a summary prints: full name and code, "China (CN)",
    /// "United States (US)"; the code alone when the code is unknown. Codes
    /// travel with the name so the line can be matched with the tables.
    public static func named(_ code: CountryCode) -> String {
        let key = code.description
        guard let name = fullNames[key] ?? CountryNames.englishName(key) else { return key }
        return "\(name) (\(key))"
    }
}
