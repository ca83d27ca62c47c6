import Foundation

/// The name tables of ``EvidenceResolver``, built once per process: country
/// and division names from the Swift tables, organization names from ROR and
/// city names from GeoNames (the two resources `Scripts/build-resolver-data.py`
/// writes into `Resources/`).
///
/// Building costs about half a second (some 250,000 names are normalized
/// and hashed; the two resources can be read on two cores), so one instance
/// is shared by every resolver; it is immutable afterwards.
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

    /// `readingOn`: cores for decompressing and splitting the resources; the
    /// names are added to the table in the same order whatever the count,
    /// so the table is the same.
    init(loadResources: Bool = true, readingOn threads: Int = 1) {
        var table = PhraseTable()
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
        var missing: [String] = []
        if loadResources {
            let resources = ["ror-names.tsv.gz", "cities.tsv.gz"]
            let read = { @Sendable (i: Int) -> [PreparedRow]? in
                ResolverTables.rows(of: resources[i], i == 0 ? ResolverTables.organizationRow : ResolverTables.cityRow)
            }
            let rows = ConcurrentMap.values(count: resources.count, concurrently: threads > 1, read)
            for (i, list) in rows.enumerated() {
                guard let list else { missing.append(resources[i]); continue }
                for row in list { table.add(words: row.words, row.meaning) }
            }
        }
        phrases = table
        missingResources = missing
    }

    /// A resource row ready for ``PhraseTable/add(words:_:)``.
    private struct PreparedRow: Sendable {
        var words: [UInt64]
        var meaning: PhraseMeaning
    }

    /// `name TAB countries TAB kind` (n = name, a = acronym, read only in capitals).
    private static func organizationRow(_ fields: [Substring]) -> PreparedRow? {
        guard fields.count >= 3 else { return nil }
        let codes = fields[1].split(separator: ",").compactMap(CountryCode.init)
        guard !codes.isEmpty else { return nil }
        let acronym = fields[2] == "a"
        if acronym && (CountryNames.isoCodes.contains(String(fields[0])) || SubnationalNames.notISO.contains(String(fields[0]))) { return nil }
        return PreparedRow(words: AffiliationText.wordHashes(of: String(fields[0])),
                           meaning: PhraseMeaning(kind: .organization, countries: codes, capitalsOnly: acronym))
    }

    /// `name TAB CC:population,CC:population` (largest first).
    private static func cityRow(_ fields: [Substring]) -> PreparedRow? {
        guard fields.count >= 2 else { return nil }
        var codes: [CountryCode] = [], pops: [Int] = []
        for item in fields[1].split(separator: ",") {
            let kv = item.split(separator: ":")
            guard kv.count == 2, let c = CountryCode(kv[0]), let p = Int(kv[1]) else { continue }
            codes.append(c); pops.append(p)
        }
        guard !codes.isEmpty else { return nil }
        let words = AffiliationText(String(fields[0])).words
        guard words.reduce(0, { $0 + Int($1.length) }) >= 3, words.allSatisfy({ $0.length >= 2 || $0.isDigits }) else { return nil }
        return PreparedRow(words: words.map(\.hash), meaning: PhraseMeaning(kind: .city, countries: codes, populations: pops))
    }

    /// Reads a gzip TSV resource line by line (header skipped) into rows; nil if absent or unreadable.
    private static func rows(of name: String, _ row: ([Substring]) -> PreparedRow?) -> [PreparedRow]? {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Resources")
                ?? Bundle.module.url(forResource: name, withExtension: nil) else { return nil }
        guard let source = try? ByteSource(path: url.path) else { return nil }
        var carry: [UInt8] = []
        var header = true
        var out: [PreparedRow] = []
        func handle(_ line: ArraySlice<UInt8>) {
            if header { header = false; return }
            let text = String(decoding: line, as: UTF8.self)
            if let r = row(text.split(separator: "\t", omittingEmptySubsequences: false)) { out.append(r) }
        }
        do {
            while let chunk = try source.nextChunk() {
                var start = 0
                for i in chunk.indices where chunk[i] == UInt8(ascii: "\n") {
                    if carry.isEmpty { handle(chunk[start..<i]) } else { carry += chunk[start..<i]; handle(carry[...]); carry.removeAll() }
                    start = i + 1
                }
                carry += chunk[start...]
            }
            try source.throwIfDamaged()
        } catch {
            return nil
        }
        if !carry.isEmpty { handle(carry[...]) }
        return out
    }
}
