import Foundation

/// The name tables of ``EvidenceResolver``, built once per process: country
/// and division names from the Swift tables, organization names from ROR and
/// city names from GeoNames (the two resources `Scripts/build-resolver-data.py`
/// writes into `Resources/`).
///
/// Building hashes some 400,000 names straight from the decompressed bytes
/// (``NameBatch``; the two resources can be read on two cores), and one
/// instance is shared by every resolver; it is immutable afterwards.
final class ResolverTables: Sendable {
    let phrases: PhraseTable
    /// Resources that could not be read: the resolver then works without
    /// organizations or cities, and says so in its evidence.
    let missingResources: [String]

    /// A city decides alone when it is this many times larger than the
    /// largest place of the same name in any other country ("London" GB
    /// against London, Ontario), and not otherwise ("Cambridge" GB and US)...
    static let dominance = 10
    /// ... or, for a city of at least `largeCity` people, this many times
    /// ("Geneva" CH against Geneva, Illinois; not "Manchester" GB against
    /// Manchester, New Hampshire).
    static let largeCityDominance = 5
    static let largeCity = 100_000

    /// The shared tables, built on first use (on one core, unless
    /// ``shared(threads:)`` built them first).
    static var standard: ResolverTables { shared(threads: 1) }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var built: ResolverTables?

    /// The shared tables; the first call builds them, reading the two
    /// resources side by side when `threads` allows.
    static func shared(threads: Int) -> ResolverTables {
        lock.lock()
        defer { lock.unlock() }
        if let built { return built }
        let tables = ResolverTables(readingOn: threads)
        built = tables
        return tables
    }

    /// `readingOn`: cores for decompressing and hashing the resources; the
    /// names are added to the table in the same order whatever the count,
    /// so the table is the same.
    init(loadResources: Bool = true, readingOn threads: Int = 1) {
        guard loadResources else {
            var table = PhraseTable(capacity: 4096)
            ResolverTables.addBuiltIn(to: &table)
            phrases = table
            missingResources = []
            return
        }
        // One core reads the organizations and starts the table with them
        // while the other reads the cities; the cities are added last.
        let resources = ResolverTables.resources
        let parts = ConcurrentMap.values(count: 2, concurrently: threads > 1) { i -> Part in
            let batch = ResolverTables.batch(resources[i].name, resources[i].layout)
            guard i == 0 else { return Part(table: nil, batch: batch) }
            var table = PhraseTable(capacity: 4096 + ResolverTables.expectedPhrases)
            ResolverTables.addBuiltIn(to: &table)
            if let batch { ResolverTables.add(batch, to: &table) }
            return Part(table: table, batch: batch)
        }
        var table = parts[0].table!
        if let cities = parts[1].batch { ResolverTables.add(cities, to: &table) }
        phrases = table
        missingResources = parts.indices.filter { parts[$0].batch == nil }.map { resources[$0].name }
    }

    /// What one core of the build hands back.
    private struct Part: Sendable {
        var table: PhraseTable?
        var batch: NameBatch?
    }

    /// Phrases and prefixes the shipped resources make (measured: about
    /// 1.3 per row), so the index is sized once and never rehashed.
    private static let expectedPhrases = 700_000

    private static let resources: [(name: String, layout: NameBatch.Layout)] = [
        ("ror-names.tsv.gz", .organizations), ("cities.tsv.gz", .cities),
    ]

    /// Country, former-state and division names from the Swift tables.
    private static func addBuiltIn(to table: inout PhraseTable) {
        for (code, list) in CountryNames.table {
            guard let c = CountryCode(code) else { continue }
            for name in list.split(separator: "|").map(String.init) {
                table.add(name, PhraseMeaning(kind: .country, countries: [c],
                                              capitalsOnly: CountryNames.capitalsOnly.contains(name),
                                              isWeak: CountryNames.weak.contains(name)))
            }
        }
        for (names, successors) in CountryNames.splitStates {
            let codes = successors.split(separator: " ").compactMap(CountryCode.init)
            for name in names.split(separator: "|") {
                table.add(String(name), PhraseMeaning(kind: .splitState, countries: codes,
                                                      capitalsOnly: name.count <= 5 && name.uppercased() == name))
            }
        }
        for (code, list) in SubnationalNames.names {
            guard let c = CountryCode(code) else { continue }
            for name in list.split(separator: "|") {
                table.add(String(name), PhraseMeaning(kind: .subnational, countries: [c]))
            }
        }
    }

    private static func add(_ batch: NameBatch, to table: inout PhraseTable) {
        let kind: PhraseMeaning.Kind = batch.layout == .cities ? .city : .organization
        let acronyms = batch.acronyms
        for r in 0..<batch.count {
            let row = batch.row(r)
            table.add(hashes: row.words, kind: kind, countries: row.countries, populations: row.populations,
                      capitalsOnly: kind == .organization && acronyms[r])
        }
    }

    /// Reads a gzip TSV resource whole and parses it; nil if absent or unreadable.
    private static func batch(_ name: String, _ layout: NameBatch.Layout) -> NameBatch? {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Resources")
                ?? Bundle.module.url(forResource: name, withExtension: nil) else { return nil }
        guard let source = try? ByteSource(path: url.path, chunkSize: 4 << 20) else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(source.fileSize * 4)
        do {
            while let chunk = try source.nextChunk() { bytes += chunk }
            try source.throwIfDamaged()
        } catch {
            return nil
        }
        return NameBatch(layout: layout, bytes: bytes)
    }
}
