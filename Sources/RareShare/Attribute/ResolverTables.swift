import Foundation

/// The name tables of ``EvidenceResolver``, built once per process: country
/// and division names from the Swift tables, organization names from ROR and
/// city names from GeoNames (the two resources `Scripts/build-resolver-data.py`
/// writes into `Resources/`).
///
/// Building costs about a second (some 250,000 names are normalized and
/// hashed), so one instance is shared by every resolver; it is immutable
/// afterwards.
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

    static let standard = ResolverTables()

    init(loadResources: Bool = true) {
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
            if !ResolverTables.load("ror-names.tsv.gz", into: &table, row: ResolverTables.organizationRow) { missing.append("ror-names.tsv.gz") }
            if !ResolverTables.load("cities.tsv.gz", into: &table, row: ResolverTables.cityRow) { missing.append("cities.tsv.gz") }
        }
        phrases = table
        missingResources = missing
    }

    /// `name TAB countries TAB kind` (n = name, a = acronym, read only in capitals).
    private static func organizationRow(_ fields: [Substring], _ table: inout PhraseTable) {
        guard fields.count >= 3 else { return }
        let codes = fields[1].split(separator: ",").compactMap(CountryCode.init)
        guard !codes.isEmpty else { return }
        let acronym = fields[2] == "a"
        if acronym && (CountryNames.isoCodes.contains(String(fields[0])) || SubnationalNames.notISO.contains(String(fields[0]))) { return }
        table.add(String(fields[0]), PhraseMeaning(kind: .organization, countries: codes, capitalsOnly: acronym))
    }

    /// `name TAB CC:population,CC:population` (largest first).
    private static func cityRow(_ fields: [Substring], _ table: inout PhraseTable) {
        guard fields.count >= 2 else { return }
        var codes: [CountryCode] = [], pops: [Int] = []
        for item in fields[1].split(separator: ",") {
            let kv = item.split(separator: ":")
            guard kv.count == 2, let c = CountryCode(kv[0]), let p = Int(kv[1]) else { continue }
            codes.append(c); pops.append(p)
        }
        guard !codes.isEmpty else { return }
        let words = AffiliationText(String(fields[0])).words
        guard words.reduce(0, { $0 + Int($1.length) }) >= 3, words.allSatisfy({ $0.length >= 2 || $0.isDigits }) else { return }
        table.add(words: words.map(\.hash), PhraseMeaning(kind: .city, countries: codes, populations: pops))
    }

    /// Reads a gzip TSV resource line by line (header skipped); `false` if absent or unreadable.
    private static func load(_ name: String, into table: inout PhraseTable, row: ([Substring], inout PhraseTable) -> Void) -> Bool {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Resources")
                ?? Bundle.module.url(forResource: name, withExtension: nil) else { return false }
        guard let source = try? ByteSource(path: url.path) else { return false }
        var carry: [UInt8] = []
        var header = true
        func handle(_ line: ArraySlice<UInt8>) {
            if header { header = false; return }
            let text = String(decoding: line, as: UTF8.self)
            row(text.split(separator: "\t", omittingEmptySubsequences: false), &table)
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
        } catch {
            return false
        }
        if !carry.isEmpty { handle(carry[...]) }
        return true
    }
}
