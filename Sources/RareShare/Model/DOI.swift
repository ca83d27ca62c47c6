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
        normalize(bytes: raw.utf8)
    }

    /// ``normalize(_:)`` on UTF-8 bytes, as readers hold them: this runs once
    /// per record, so it works on bytes, not Foundation string search.
    static func normalize(bytes raw: some Collection<UInt8>) -> String? {
        var bytes = Array(raw)
        for k in bytes.indices where bytes[k] >= 65 && bytes[k] <= 90 { bytes[k] += 32 }   // ASCII lower case
        var lo = 0, hi = bytes.count
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        while lo < hi, isSpace(bytes[lo]) { lo += 1 }
        var changed = true
        while changed {
            changed = false
            for p in prefixes where hi - lo >= p.count && bytes[lo..<(lo + p.count)].elementsEqual(p) {
                lo += p.count
                while lo < hi, isSpace(bytes[lo]) { lo += 1 }
                changed = true
            }
        }
        while hi > lo, isSpace(bytes[hi - 1]) || bytes[hi - 1] == 0x2E || bytes[hi - 1] == 0x2C || bytes[hi - 1] == 0x3B {
            hi -= 1
        }
        var s = Array(bytes[lo..<hi])
        // A URL-encoded slash ("10.1000%2Fabc") is a slash.
        if s.contains(0x25) {
            var out: [UInt8] = []
            var k = 0
            while k < s.count {
                if s[k] == 0x25, k + 2 < s.count, s[k + 1] == 0x32, s[k + 2] == 0x66 { out.append(0x2F); k += 3 } else { out.append(s[k]); k += 1 }
            }
            s = out
        }
        guard s.count > 3, s[0] == 0x31, s[1] == 0x30, s[2] == 0x2E,
              let slash = s.firstIndex(of: 0x2F), slash + 1 < s.count else { return nil }
        return String(decoding: s, as: UTF8.self)
    }

    private static let prefixes: [[UInt8]] = ["https://dx.doi.org/", "http://dx.doi.org/", "https://doi.org/", "http://doi.org/",
                                              "dx.doi.org/", "doi.org/", "doi:", "doi "].map { Array($0.utf8) }
}
