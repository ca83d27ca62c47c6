/// An inclusive span of publication years, e.g. `1996-2009`, over which a
/// collaboration network or an average rank is summed.
public struct YearRange: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let first: Int
    public let last: Int

    /// `nil` when `last < first`.
    public init?(_ first: Int, _ last: Int) {
        guard first <= last else { return nil }
        self.first = first
        self.last = last
    }

    /// Parses `1996-2009`, `1996:2009` or a single year `2010`.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == ":" })
        guard (1...2).contains(parts.count), let a = Int(parts[0].trimmingSpaces),
              let b = Int(parts[parts.count - 1].trimmingSpaces) else { return nil }
        self.init(a, b)
    }

    public var years: ClosedRange<Int> { first...last }

    public func contains(_ year: Int) -> Bool { years.contains(year) }

    /// `1996-2009`, or `2010` for a single year: the form used in file names.
    public var description: String { first == last ? String(first) : "\(first)-\(last)" }

    public static func < (l: YearRange, r: YearRange) -> Bool { (l.first, l.last) < (r.first, r.last) }
}
