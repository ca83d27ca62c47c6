/// A small resolver that reads the country from the last comma-separated
/// part of an affiliation string that names a country.
///
/// It knows the English short names, the forms Web of Science and Scopus
/// print ("Peoples R China", "USA", "England", "South Korea") and a few
/// historical names; it never guesses from cities or institutions. Used
/// where no richer resolver is configured.
public struct CountryNameResolver: AffiliationResolver {
    /// Lower-cased name → code.
    private let names: [String: CountryCode]

    public init(extraNames: [String: CountryCode] = [:]) {
        var table: [String: CountryCode] = [:]
        for (code, list) in CountryNameResolver.builtIn {
            guard let c = CountryCode(code) else { continue }
            for n in list { table[n.lowercased()] = c }
        }
        for (n, c) in extraNames { table[n.lowercased()] = c }
        names = table
    }

    public func resolve(_ affiliation: String) -> CountryResolution {
        let parts = affiliation.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "\n" })
        for part in parts.reversed() {
            var candidate = part.trimmingSpaces.lowercased()
            while let last = candidate.last, last == "." || last == ")" || last == "(" { candidate.removeLast() }
            if let code = names[candidate] { return CountryResolution(country: code, evidence: "country name \"\(part.trimmingSpaces)\"") }
            // "Ames, IA 50011 USA": the country may follow a postcode in the same part.
            if let lastWord = candidate.split(separator: " ").last, let code = names[String(lastWord)], lastWord.count > 2 || lastWord == "uk" {
                return CountryResolution(country: code, evidence: "country name \"\(lastWord)\" ending \"\(part.trimmingSpaces)\"")
            }
        }
        return .unresolved("no country name in the string")
    }

    /// ISO 3166-1 alpha-2 codes with the English names and export abbreviations they appear under.
    static let builtIn: [(String, [String])] = [
        ("US", ["USA", "United States", "United States of America", "U.S.A", "U.S.A."]),
        ("CN", ["China", "Peoples R China", "People's Republic of China", "P. R. China", "PR China", "P.R. China", "PRC"]),
        ("HK", ["Hong Kong", "Hong Kong SAR", "Hong Kong, China"]),
        ("MO", ["Macao", "Macau"]),
        ("TW", ["Taiwan", "Taiwan, ROC", "Republic of China"]),
        ("JP", ["Japan"]), ("DE", ["Germany", "Deutschland", "Fed Rep Ger", "West Germany", "East Germany"]),
        ("GB", ["United Kingdom", "UK", "England", "Scotland", "Wales", "North Ireland", "Northern Ireland", "Great Britain"]),
        ("FR", ["France"]), ("IT", ["Italy"]), ("ES", ["Spain"]), ("IN", ["India"]), ("KR", ["South Korea", "Korea", "Republic of Korea", "Korea (South)", "Korea, Republic of"]),
        ("KP", ["North Korea", "Democratic People's Republic of Korea"]),
        ("RU", ["Russia", "Russian Federation", "USSR"]), ("CA", ["Canada"]), ("AU", ["Australia"]), ("BR", ["Brazil"]),
        ("NL", ["Netherlands", "The Netherlands"]), ("CH", ["Switzerland"]), ("SE", ["Sweden"]), ("PL", ["Poland"]),
        ("BE", ["Belgium"]), ("AT", ["Austria"]), ("DK", ["Denmark"]), ("FI", ["Finland"]), ("NO", ["Norway"]),
        ("IE", ["Ireland"]), ("PT", ["Portugal"]), ("GR", ["Greece"]), ("CZ", ["Czech Republic", "Czechia"]),
        ("SK", ["Slovakia"]), ("HU", ["Hungary"]), ("RO", ["Romania"]), ("BG", ["Bulgaria"]), ("UA", ["Ukraine"]),
        ("TR", ["Turkey", "Türkiye", "Turkiye"]), ("IL", ["Israel"]), ("IR", ["Iran"]), ("SA", ["Saudi Arabia"]),
        ("EG", ["Egypt"]), ("ZA", ["South Africa"]), ("MX", ["Mexico"]), ("AR", ["Argentina"]), ("CL", ["Chile"]),
        ("CO", ["Colombia"]), ("SG", ["Singapore"]), ("MY", ["Malaysia"]), ("TH", ["Thailand"]), ("VN", ["Vietnam", "Viet Nam"]),
        ("ID", ["Indonesia"]), ("PK", ["Pakistan"]), ("NZ", ["New Zealand"]), ("PR", ["Puerto Rico"]),
        ("AE", ["United Arab Emirates", "U Arab Emirates", "UAE"]), ("SI", ["Slovenia"]), ("HR", ["Croatia"]),
        ("RS", ["Serbia"]), ("LT", ["Lithuania"]), ("LV", ["Latvia"]), ("EE", ["Estonia"]), ("BY", ["Belarus"]),
        ("KZ", ["Kazakhstan"]), ("TN", ["Tunisia"]), ("MA", ["Morocco"]), ("DZ", ["Algeria"]), ("NG", ["Nigeria"]),
        ("BD", ["Bangladesh"]), ("LK", ["Sri Lanka"]), ("PH", ["Philippines"]), ("QA", ["Qatar"]), ("KW", ["Kuwait"]),
        ("JO", ["Jordan"]), ("LB", ["Lebanon"]), ("IQ", ["Iraq"]), ("PE", ["Peru"]), ("VE", ["Venezuela"]),
        ("UY", ["Uruguay"]), ("CU", ["Cuba"]), ("LU", ["Luxembourg"]), ("IS", ["Iceland"]), ("CY", ["Cyprus"]),
    ]
}
