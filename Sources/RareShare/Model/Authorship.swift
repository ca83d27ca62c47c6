/// The attributed authorship list `A(s)` of one publication: for each author
/// with a resolvable country, the country (or, when all affiliations are
/// used, the author's distinct countries, each carrying an equal part of the
/// author).
///
/// Stored flat (one array of codes plus author boundaries only when some
/// author has several countries) because a join index holds one of these
/// per bibliographic record.
public struct Authorship: Sendable, Hashable {
    /// Country codes, author after author.
    public private(set) var codes: [CountryCode] = []
    /// Start index in ``codes`` of each author, present only when an author has several countries.
    private var starts: [Int32]?
    /// Index (in ``authors``) of the first byline author, when that author is attributed.
    public var firstAuthorIndex: Int?
    /// Indexes (in ``authors``) of corresponding authors that are attributed; `nil` when the source does not say.
    public var correspondingIndexes: [Int]?
    /// Byline authors left out for lack of a country. `|A(s)|` does not count
    /// them; counting with ``CountingRules/AuthorCount/all`` (CWTS Leiden
    /// Ranking) divides by `|A(s)|` plus these, so their parts go to nobody.
    public var unattributedAuthors = 0

    public init() {}

    /// Builds an authorship from per-author country lists (empty lists are left out).
    public init(authors: [[CountryCode]]) {
        for a in authors where !a.isEmpty { append(a) }
    }

    /// Adds one author with their distinct countries.
    public mutating func append(_ countries: [CountryCode]) {
        var distinct: [CountryCode] = []
        for c in countries where !distinct.contains(c) { distinct.append(c) }
        guard !distinct.isEmpty else { return }
        if distinct.count > 1 && starts == nil {
            starts = (0..<codes.count).map { Int32($0) }
        }
        starts?.append(Int32(codes.count))
        codes.append(contentsOf: distinct)
    }

    /// Adds one author with a single country: the paper's first-affiliation
    /// case, without the per-author lists ``append(_:)`` makes (on small
    /// records, allocation led the profile).
    public mutating func append(single country: CountryCode) {
        starts?.append(Int32(codes.count))
        codes.append(country)
    }

    /// Room for `authors` more codes, so a record's authors need one allocation.
    mutating func reserve(_ authors: Int) { codes.reserveCapacity(codes.count + authors) }

    /// `|A(s)|`: authors with a country.
    public var authorCount: Int { starts?.count ?? codes.count }

    /// The countries of author `i`.
    public func countries(ofAuthor i: Int) -> ArraySlice<CountryCode> {
        guard let starts else { return codes[i...i] }
        let end = i + 1 < starts.count ? Int(starts[i + 1]) : codes.count
        return codes[Int(starts[i])..<end]
    }

    /// `S(s)`: the distinct countries.
    public var countrySet: CountrySet { CountrySet(codes) }

    /// `a_c,s / |A(s)|` for each country, in ascending code order. With
    /// several countries per author each gets an equal part of that author.
    /// The weights sum to 1 (up to rounding) for any non-empty list.
    public func fractionalWeights() -> [(CountryCode, Double)] {
        let n = authorCount
        guard n > 0 else { return [] }
        // Most papers are from one country: every author weighs 1, the sum is n, the share n / n.
        if starts == nil, let first = codes.first, codes.allSatisfy({ $0 == first }) {
            return [(first, Double(n) / Double(n))]
        }
        // Few distinct countries per paper: small parallel arrays beat a dictionary.
        var keys: [CountryCode] = []
        var parts: [Double] = []
        keys.reserveCapacity(4)
        parts.reserveCapacity(4)
        func add(_ c: CountryCode, _ w: Double) {
            if let k = keys.firstIndex(of: c) { parts[k] += w } else { keys.append(c); parts.append(w) }
        }
        if starts == nil {
            for c in codes { add(c, 1) }
        } else {
            for i in 0..<n {
                let cs = countries(ofAuthor: i)
                let share = 1.0 / Double(cs.count)
                for c in cs { add(c, share) }
            }
        }
        let order = keys.indices.sorted { keys[$0] < keys[$1] }
        return order.map { (keys[$0], parts[$0] / Double(n)) }
    }

    /// `|A(s)|` plus the byline authors without a country: every authorship of the unit.
    public var bylineCount: Int { authorCount + unattributedAuthors }

    /// The distinct countries in ascending order, without building a set.
    var sortedDistinctCodes: [CountryCode] {
        var out: [CountryCode] = []
        for c in codes where !out.contains(c) { out.append(c) }
        return out.sorted()
    }
}
