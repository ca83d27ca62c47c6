/// How one unit's credit is shared among countries.
///
/// The reference study uses ``authorFractional``; reviewers ask how a result
/// moves under the other methods bibliometricians use, so every method works
/// on the same ``Authorship`` and only the weights differ. Measures that do
/// not depend on weights (exact sets, "alone", full and joint counts,
/// coverage) are the same under every method.
///
/// With `--affiliations all` an author may hold several countries; every
/// method then splits that author equally among them, as
/// ``Authorship/fractionalWeights()`` does.
public enum CountingMethod: String, CaseIterable, Sendable, Codable, CustomStringConvertible {
    /// `a_c,s / |A(s)|`: each attributed author carries an equal part (the paper's method).
    case authorFractional = "author-fractional"
    /// Whole counting: 1 to every distinct country of `S(s)`; sums to `|S(s)|` per unit.
    case full
    /// `1 / |S(s)|` to every distinct country, however many authors each has.
    case publicationFractional = "publication-fractional"
    /// The first byline author's country; unknown when that author has no country.
    case firstAuthor = "first-author"
    /// The corresponding authors' countries, equally split among them; unknown
    /// when the source does not name one, or names none with a country.
    case correspondingAuthor = "corresponding-author"

    /// The reference study's method, whose output files keep the paper's names.
    public static let paper = CountingMethod.authorFractional

    public var description: String { rawValue }

    /// True when the weights of a credited unit sum to 1 (every method but ``full``).
    public var isFractional: Bool { self != .full }

    /// Text put before a file's extension for this method (`nil` for the
    /// paper's method, so its files keep the paper's names).
    public var fileTag: String? { self == .paper ? nil : rawValue }

    /// `Country_weighted_allSubs.tsv` → `Country_weighted_allSubs.full.tsv`.
    public func fileName(_ name: String) -> String {
        guard let tag = fileTag else { return name }
        guard let dot = name.lastIndex(of: ".") else { return name + "." + tag }
        return String(name[..<dot]) + "." + tag + String(name[dot...])
    }

    /// Parses `full,first-author` (commas or spaces; `all` for every method), dropping
    /// repeats; fails on the first unknown word.
    public static func parseList(_ text: String) -> Result<[CountingMethod], UnknownMethod> {
        var out: [CountingMethod] = []
        for word in text.split(whereSeparator: { $0 == "," || $0 == " " }) {
            if word.lowercased() == "all" {
                for m in allCases where !out.contains(m) { out.append(m) }
                continue
            }
            guard let m = CountingMethod(rawValue: String(word).lowercased()) else {
                return .failure(UnknownMethod(word: String(word)))
            }
            if !out.contains(m) { out.append(m) }
        }
        return .success(out)
    }

    /// A counting method name that is not one of ``allCases``.
    public struct UnknownMethod: Error, Sendable, Equatable {
        public var word: String
    }

    /// The credit each country gets from one unit under this method, in
    /// ascending code order; empty when the method cannot credit the unit
    /// (no attributed author, or the first or corresponding author unknown).
    public func weights(of authorship: Authorship) -> [(CountryCode, Double)] {
        guard authorship.authorCount > 0 else { return [] }
        switch self {
        case .authorFractional:
            return authorship.fractionalWeights()
        case .full:
            return authorship.countrySet.members.map { ($0, 1.0) }
        case .publicationFractional:
            let members = authorship.countrySet.members
            let share = 1.0 / Double(members.count)
            return members.map { ($0, share) }
        case .firstAuthor:
            guard let i = authorship.firstAuthorIndex, i < authorship.authorCount else { return [] }
            return Self.split(authors: [i], of: authorship)
        case .correspondingAuthor:
            let indexes = (authorship.correspondingIndexes ?? []).filter { $0 >= 0 && $0 < authorship.authorCount }
            return Self.split(authors: indexes, of: authorship)
        }
    }

    /// Equal parts to the given authors, each author's part split equally
    /// among their countries; summed per country in code order.
    private static func split(authors: [Int], of authorship: Authorship) -> [(CountryCode, Double)] {
        var distinct: [Int] = []
        for i in authors where !distinct.contains(i) { distinct.append(i) }
        guard !distinct.isEmpty else { return [] }
        var parts: [(CountryCode, Double)] = []
        let perAuthor = 1.0 / Double(distinct.count)
        for i in distinct {
            let countries = authorship.countries(ofAuthor: i)
            let share = perAuthor / Double(countries.count)
            for c in countries {
                if let k = parts.firstIndex(where: { $0.0 == c }) { parts[k].1 += share } else { parts.append((c, share)) }
            }
        }
        return parts.sorted { $0.0 < $1.0 }
    }
}
