/// The distinct countries of one unit's authorship list, `S(s)` in METRICS.md.
///
/// Kept sorted so that equal sets compare, hash and print the same way; the
/// printed form (`"CN,US"`) is the row key of the paper's `Absolute_collab_*` tables.
public struct CountrySet: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The countries in ascending code order, without repeats.
    public let members: [CountryCode]

    public init<S: Sequence>(_ codes: S) where S.Element == CountryCode {
        var distinct: [CountryCode] = []
        for c in codes where !distinct.contains(c) { distinct.append(c) }
        members = distinct.sorted()
    }

    /// Wraps codes already sorted and distinct (no checks: callers guarantee it).
    init(sorted codes: [CountryCode]) { members = codes }

    /// Parses the paper's row key, e.g. `"CN,US"`; `nil` when any part is not a code.
    public init?(key: some StringProtocol) {
        var codes: [CountryCode] = []
        for part in key.split(separator: ",") {
            guard let code = CountryCode(part.trimmingSpaces) else { return nil }
            codes.append(code)
        }
        guard !codes.isEmpty else { return nil }
        self.init(codes)
    }

    public var count: Int { members.count }
    public var isEmpty: Bool { members.isEmpty }
    /// One country only: a "solo" unit.
    public var isSolo: Bool { members.count == 1 }
    /// Two or more countries: an international collaboration.
    public var isInternational: Bool { members.count >= 2 }

    public func contains(_ code: CountryCode) -> Bool { members.contains(code) }

    /// True when every member of `other` is also a member here (`K ⊆ S(s)`).
    public func isSuperset(of other: CountrySet) -> Bool {
        other.members.allSatisfy { members.contains($0) }
    }

    /// The paper's row key: codes joined by commas.
    public var description: String { members.map(\.description).joined(separator: ",") }

    public static func < (lhs: CountrySet, rhs: CountrySet) -> Bool {
        lhs.members.lexicographicallyPrecedes(rhs.members)
    }
}

extension StringProtocol {
    /// The text without leading and trailing white space (spaces, tabs, line
    /// breaks, and Unicode spaces such as the no-break space).
    var trimmingSpaces: Substring {
        var s = Substring(self)
        while let f = s.utf8.first, f == 0x20 || f == 0x09 || f == 0x0A || f == 0x0D {
            s = s.dropFirst()
        }
        while let l = s.utf8.last, l == 0x20 || l == 0x09 || l == 0x0A || l == 0x0D {
            s = s.dropLast()
        }
        // Other white space (no-break space, ideographic space) is rare: the
        // slow path, which also takes any ASCII white space next to it.
        if let f = s.utf8.first, f >= 0x80, let c = s.first, c.isWhitespace { s = s.drop(while: \.isWhitespace) }
        if let l = s.utf8.last, l >= 0x80, let c = s.last, c.isWhitespace {
            while let c = s.last, c.isWhitespace { s = s.dropLast() }
        }
        return s
    }
}
