/// Digital Object Identifier normalization, the join key between Reaxys
/// citations and bibliographic records.
///
/// Sources write the same DOI many ways (`https://doi.org/10.1021/ABC`,
/// `doi:10.1021/abc`, `DOI 10.1021/abc.`); DOIs are case-insensitive by
/// definition, so the normal form is lower-case, with no resolver prefix and
/// no surrounding space or trailing punctuation.
public enum DOI {
    /// The normal form, or `nil` when the text holds no `10.` prefix with a suffix.
    public static func normalize(_ raw: some StringProtocol) -> String? {
        var s = String(raw.trimmingSpaces).lowercased()
        if s.isEmpty { return nil }
        let prefixes = ["https://dx.doi.org/", "http://dx.doi.org/", "https://doi.org/", "http://doi.org/",
                        "dx.doi.org/", "doi.org/", "doi:", "doi "]
        var changed = true
        while changed {
            changed = false
            for p in prefixes where s.hasPrefix(p) {
                s.removeFirst(p.count)
                s = String(s.trimmingSpaces)
                changed = true
            }
        }
        if s.contains("%2f") { s = s.replacingOccurrences(of: "%2f", with: "/") }
        while let last = s.last, last == "." || last == "," || last == ";" || last.isWhitespace {
            s.removeLast()
        }
        guard s.hasPrefix("10."), let slash = s.firstIndex(of: "/"), s.index(after: slash) < s.endIndex else {
            return nil
        }
        return s
    }
}
