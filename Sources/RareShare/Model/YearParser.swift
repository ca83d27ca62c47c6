/// Reads a publication year out of the many ways exports print one.
public enum YearParser {
    /// The plausible years when a run names none: wide enough for the
    /// earliest chemical literature Reaxys indexes and any export of this
    /// century, narrow enough that a typing error (`9999`, `0`, `-5`, an
    /// integer overflow in a JSON export) is caught instead of widening every
    /// year table to millions of rows.
    public static let defaultPlausible = 1600...2100

    /// Years outside this range are problems, not years: the record is used
    /// without a year and a warning says so. A run sets it for its readers
    /// (`--years-plausible`, ``AnalysisOptions/plausibleYears``) with
    /// `YearParser.$plausible.withValue`; tasks the run starts inherit it.
    /// Reading it costs a task-local look-up, so readers on a hot path read it
    /// once per batch.
    @TaskLocal public static var plausible = defaultPlausible

    /// The year at the start of `text` ("1996", "1996-1997", "2019 Mar 12",
    /// "1978 Jul-Sep"), or `nil` when the text does not begin with a plausible
    /// four-digit year.
    public static func year(from text: some StringProtocol) -> Int? {
        year(fromBytes: text.trimmingSpaces.utf8)
    }

    /// ``year(from:)`` on the UTF-8 bytes of an already trimmed field.
    static func year(fromBytes t: some Collection<UInt8>, plausible range: ClosedRange<Int> = plausible) -> Int? {
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
        return range.contains(value) ? value : nil
    }

    /// Why a field that gave no year gave none, for the warning: outside the
    /// plausible range, or no year at all.
    public static func whyNotAYear(_ text: some StringProtocol) -> String {
        let t = text.trimmingSpaces
        let number = t.prefix { $0 == "-" || $0.isASCII && $0.isNumber }
        let after = t.dropFirst(number.count).first
        if after?.isLetter != true, let value = Int(number.prefix(20)), !plausible.contains(value) {
            return "\"\(t)\" is outside the plausible years \(describe(plausible)) (--years-plausible)"
        }
        return "\"\(t)\" is not a year"
    }

    /// `1600–2100`.
    public static func describe(_ range: ClosedRange<Int>) -> String { "\(range.lowerBound)–\(range.upperBound)" }
}
