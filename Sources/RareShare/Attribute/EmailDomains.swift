/// Country-code top-level domains for e-mail evidence.
enum EmailDomains {
    /// Country domains sold worldwide as generic names (.io, .ai, .tv, .me …) prove nothing.
    static let generic: Set<String> = ["io", "ai", "tv", "me", "cc", "fm", "ws", "co", "ly", "am", "to", "nu", "tk", "la", "gg", "eu"]

    /// Disputed choice: `.edu`, `.gov` and `.mil` are US registries (US
    /// institutions only); other countries' universities use `.edu.xx`,
    /// which ends in their own code and is read as that.
    static func country(ofTopLevel tld: String) -> CountryCode? {
        switch tld {
        case "edu", "gov", "mil": return CountryCode("US")
        case "uk": return CountryCode("GB")
        default:
            guard tld.count == 2, !generic.contains(tld), CountryNames.isoCodes.contains(tld.uppercased()) else { return nil }
            return CountryCode(tld)
        }
    }
}
