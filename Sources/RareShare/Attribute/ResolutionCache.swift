import Foundation

/// Answers of an ``AffiliationResolver`` shared by the attributors of one
/// run's parallel batches.
///
/// Each batch gets a fresh ``CountryAttributor`` (its counts must stay
/// separate until the batch is accepted), so a cache inside the attributor
/// only lives for one batch while the same affiliation strings recur across
/// the whole export. Resolvers are pure, so which task stores an answer first
/// does not change any answer: results stay identical for any thread count.
///
/// The cache keeps at most ``capacity`` strings (then it stops learning), so
/// an export of millions of distinct affiliations cannot grow memory without
/// bound; answers are the same either way.
public final class ResolutionCache: @unchecked Sendable {
    // Guarded by `lock`.
    private var countries: [String: CountryCode?] = [:]
    private let lock = NSLock()
    public let capacity: Int

    public init(capacity: Int = 500_000) { self.capacity = capacity }

    /// The country cached for `raw`: `.some(nil)` for a string known to be unresolved, `nil` when not cached.
    func country(of raw: String) -> CountryCode?? {
        lock.lock()
        defer { lock.unlock() }
        return countries[raw]
    }

    func store(_ country: CountryCode?, for raw: String) {
        lock.lock()
        defer { lock.unlock() }
        if countries.count < capacity { countries[raw] = country }
    }

    /// Strings cached so far.
    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return countries.count
    }
}
