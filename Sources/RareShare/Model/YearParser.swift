/// Reads a publication year out of the many ways exports print one.
public enum YearParser {
    /// Years outside this range are treated as typing errors.
    public static let plausible = 1600...2100

    /// The year at the start of `text` ("1996", "1996-1997", "2019 Mar 12",
    /// "1978 Jul-Sep"), or `nil` when the text does not begin with a plausible
    /// four-digit year.
    public static func year(from text: some StringProtocol) -> Int? {
        year(fromBytes: text.trimmingSpaces.utf8)
    }

    /// ``year(from:)`` on the UTF-8 bytes of an already trimmed field.
    static func year(fromBytes t: some Collection<UInt8>) -> Int? {
        var value = 0
        var digits = 0
        for b in t {
            guard b >= 48 && b <= 57 else { break }
            value = value * 10 + Int(b - 48)
            digits += 1
            if digits > 4 { return nil }
        }
        guard digits == 4 else { return nil }
        if let next = t.dropFirst(4).first, next >= 48 && next <= 57 { return nil }
        return plausible.contains(value) ? value : nil
    }
}
