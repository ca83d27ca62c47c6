import Testing
@testable import RareShare

@Suite struct ResolutionCacheTests {
    /// The shared cache stops learning at its capacity; what it holds stays.
    @Test func stopsLearningAtCapacity() throws {
        let cache = ResolutionCache(capacity: 2)
        let cn = try #require(CountryCode("CN"))
        cache.store(cn, for: "Peking University, Beijing")
        cache.store(nil, for: "Department of Chemistry")
        cache.store(cn, for: "Tsinghua University")
        #expect(cache.count == 2)
        #expect(cache.country(of: "Peking University, Beijing") == .some(cn))
        #expect(cache.country(of: "Department of Chemistry") == .some(nil))
        #expect(cache.country(of: "Tsinghua University") == nil)
    }
}
