/// Turns the authors of a ``Work`` into an ``Authorship``: one country per
/// author from the first affiliation (or every affiliation, by policy).
///
/// A country the source resolved itself (OpenAlex `country_code`) is taken
/// as it is; otherwise the raw string goes to the resolver. Answers for raw
/// strings are cached, since the same affiliation recurs thousands of times
/// in an export, and every string left unresolved is counted for the
/// data-quality report.
public struct CountryAttributor {
    public let resolver: any AffiliationResolver
    public let policy: AffiliationPolicy
    private var cache: [String: CountryCode?] = [:]
    /// Unresolved raw affiliation strings with how often they were met.
    public private(set) var unresolved: [String: Int] = [:]
    /// Authors seen, and those left out of `A(s)` for lack of a country.
    public private(set) var authorsSeen = 0
    public private(set) var authorsWithoutCountry = 0
    public private(set) var authorsWithoutAffiliation = 0

    /// Answers shared with other attributors of the same run (parallel batches), if any.
    public let sharedCache: ResolutionCache?
    /// Also attribute under the other affiliation policy (``attributeOtherPolicy(_:)``),
    /// for runs that compare counting presets.
    public var keepsOtherPolicy = false

    public init(resolver: any AffiliationResolver, policy: AffiliationPolicy = .first, sharedCache: ResolutionCache? = nil) {
        self.resolver = resolver
        self.policy = policy
        self.sharedCache = sharedCache
    }

    /// What attributing one work added to the counts, so a caller that
    /// discards the work (a duplicate) can leave its counts out.
    public struct Counts: Sendable {
        public var authorsSeen = 0
        public var authorsWithoutCountry = 0
        public var authorsWithoutAffiliation = 0
        public var unresolved: [String] = []
    }

    /// Attributes `work` with a private copy of the counters and returns what it added.
    public mutating func attributeCounting(_ work: Work) -> (Authorship, Counts) {
        let before = (authorsSeen, authorsWithoutCountry, authorsWithoutAffiliation)
        let savedUnresolved = unresolved
        unresolved = [:]
        let authorship = attribute(work)
        var counts = Counts(authorsSeen: authorsSeen - before.0, authorsWithoutCountry: authorsWithoutCountry - before.1,
                            authorsWithoutAffiliation: authorsWithoutAffiliation - before.2)
        if !unresolved.isEmpty {
            for (k, v) in unresolved.sorted(by: { $0.key < $1.key }) { counts.unresolved += Array(repeating: k, count: v) }
        }
        (authorsSeen, authorsWithoutCountry, authorsWithoutAffiliation) = before
        unresolved = savedUnresolved
        return (authorship, counts)
    }

    /// Adds counts returned by ``attributeCounting(_:)`` for a work that was kept.
    public mutating func add(_ counts: Counts) {
        authorsSeen += counts.authorsSeen
        authorsWithoutCountry += counts.authorsWithoutCountry
        authorsWithoutAffiliation += counts.authorsWithoutAffiliation
        for u in counts.unresolved { unresolved[u, default: 0] += 1 }
    }

    public mutating func attribute(_ work: Work) -> Authorship {
        var authorship = Authorship()
        var corresponding: [Int] = []
        var anyCorrespondingFlag = false
        authorship.reserve(work.authors.count)
        for (index, author) in work.authors.enumerated() {
            authorsSeen += 1
            if author.isCorresponding != nil { anyCorrespondingFlag = true }
            if author.affiliations.isEmpty { authorsWithoutAffiliation += 1 }
            let position = authorship.authorCount
            if policy == .first {
                // One country at most: no list per author.
                guard let first = author.affiliations.first, let code = country(of: first) else {
                    authorsWithoutCountry += 1
                    authorship.unattributedAuthors += 1
                    continue
                }
                authorship.append(single: code)
            } else {
                var countries: [CountryCode] = []
                for affiliation in author.affiliations {
                    if let code = country(of: affiliation) { countries.append(code) }
                }
                if countries.isEmpty {
                    authorsWithoutCountry += 1
                    authorship.unattributedAuthors += 1
                    continue
                }
                authorship.append(countries)
            }
            if index == 0 { authorship.firstAuthorIndex = position }
            if author.isCorresponding == true { corresponding.append(position) }
        }
        if anyCorrespondingFlag { authorship.correspondingIndexes = corresponding }
        return authorship
    }

    /// The authorship under the other affiliation policy (all affiliations
    /// when ``policy`` is `first`, and the reverse), so one run can compare
    /// counting presets that differ in it; `nil` when no author has more than
    /// one affiliation, where both policies give the same list. Leaves every
    /// counter alone: the data-quality figures follow ``policy`` only.
    /// - Complexity: one resolution per extra affiliation, mostly cache hits.
    public mutating func attributeOtherPolicy(_ work: Work) -> Authorship? {
        guard work.authors.contains(where: { $0.affiliations.count > 1 }) else { return nil }
        let saved = (authorsSeen, authorsWithoutCountry, authorsWithoutAffiliation, unresolved)
        var other = CountryAttributor(resolver: resolver, policy: policy == .first ? .all : .first, sharedCache: sharedCache)
        swap(&other.cache, &cache)
        let authorship = other.attribute(work)
        swap(&other.cache, &cache)
        (authorsSeen, authorsWithoutCountry, authorsWithoutAffiliation, unresolved) = saved
        return authorship
    }

    public mutating func country(of affiliation: Affiliation) -> CountryCode? {
        if let code = affiliation.countryCode { return code }
        guard let raw = affiliation.raw, !raw.isEmpty else { return nil }
        if let cached = cache[raw] {
            if cached == nil { unresolved[raw, default: 0] += 1 }
            return cached
        }
        let country: CountryCode?
        if let shared = sharedCache?.country(of: raw) {
            country = shared
        } else {
            country = resolver.resolve(raw).country
            sharedCache?.store(country, for: raw)
        }
        cache[raw] = country
        if country == nil { unresolved[raw, default: 0] += 1 }
        return country
    }

    /// Adds another attributor's counts (after parallel work), in a fixed order.
    public mutating func absorbCounts(of other: CountryAttributor) {
        authorsSeen += other.authorsSeen
        authorsWithoutCountry += other.authorsWithoutCountry
        authorsWithoutAffiliation += other.authorsWithoutAffiliation
        for (k, v) in other.unresolved { unresolved[k, default: 0] += v }
    }
}
