/// Resolves a raw affiliation string to a country from the evidence in it,
/// in a fixed order, and says which evidence decided.
///
/// Order (the first kind present decides; later kinds only break ties):
/// 0. the user's overrides (``AffiliationOverrides``), which win over every
///    built-in rule;
/// 1. an explicit country name (``CountryNames``), the last one in the
///    string; a territory named beside its state keeps its own code ("Hong
///    Kong, Peoples R China" is HK); a former state that split (USSR,
///    Czechoslovakia, Yugoslavia) goes to the successor holding the city
///    named, or stays unresolved; a bare two-letter ISO code counts only as
///    the whole last part and never when it is a US, Canadian or Australian
///    abbreviation;
/// 2. divisions (``SubnationalNames``): state and province names, postal
///    abbreviations with their postcode or alone as a part, and UK and
///    Canadian postcodes;
/// 3. research organizations from ROR; a name several countries use does
///    not decide alone, only together with a city in one of them;
/// 4. cities from GeoNames, when one country's place of that name dominates;
/// 5. the country domain of an e-mail address.
///
/// Words are matched whole (see ``AffiliationText``), so "UK" is not found in
/// "Chungbuk" nor "CA" in "Cancer". Where evidence conflicts and no rule
/// settles it the answer is "unresolved" with the reason: a wrong country
/// costs the study more than a missing one.
///
/// Each rule has an id (``ResolverRule``) reported with the answer; the
/// clues are gathered by ``ResolverEvidence`` and the rules are the short
/// functions of `ResolverEvidence+Rules.swift`.
///
/// - Complexity: O(words × longest name) hash probes per string; no
///   allocation beyond the word list and the matches.
public struct EvidenceResolver: AffiliationResolver {
    /// `nil`: the shared standard tables, loaded on the first string resolved
    /// (so that making a resolver, e.g. in default options, costs nothing).
    private let customTables: ResolverTables?
    public let overrides: AffiliationOverrides?

    /// A resolver over the shipped tables (loaded on first use, then shared).
    public init(overrides: AffiliationOverrides? = nil) {
        self.customTables = nil
        self.overrides = overrides
    }

    init(tables: ResolverTables, overrides: AffiliationOverrides? = nil) {
        self.customTables = tables
        self.overrides = overrides
    }

    var tables: ResolverTables { customTables ?? ResolverTables.standard }

    /// Loads the shared tables if they are not loaded yet, reading their
    /// resources on up to `threads` cores.
    public func prepare(threads: Int) {
        if customTables == nil { _ = ResolverTables.shared(threads: threads) }
    }

    /// Resources the tables could not load (empty when all are present).
    public var missingResources: [String] { tables.missingResources }

    public func resolve(_ affiliation: String) -> CountryResolution {
        let text = AffiliationText(affiliation)
        if let overrides, let answer = overrides.resolve(text) { return answer }
        guard !text.words.isEmpty else { return .unresolved("no words in the string", rule: .noWords) }
        var e = ResolverEvidence(text: text, matches: select(tables.phrases.matches(in: text), in: text))
        e.collect()
        return e.decide()
    }

    /// Keeps the longest phrases that do not overlap (ties: the earlier),
    /// in string order, dropping capitals-only readings of lower-case words.
    private func select(_ found: [PhraseTable.Match], in text: AffiliationText) -> [PhraseTable.Match] {
        var usable: [PhraseTable.Match] = []
        // Old exports print whole addresses in capitals; elsewhere a short
        // word in capitals is an acronym ("ISE", "CREMA"), not a town.
        var capitalWords = 0
        for w in text.words where w.isUppercase { capitalWords += 1 }
        let shouting = capitalWords * 2 > text.words.count
        usable.reserveCapacity(found.count)
        let mail = emailSpans(in: text)
        for var m in found {
            // Words of an e-mail address are no place ("alfonso.aguirre@…").
            if !mail.isEmpty {
                let start = Int(text.words[m.range.lowerBound].start)
                if mail.contains(where: { $0.contains(start) }) { continue }
            }
            let capitals = text.words[m.range].allSatisfy(\.isUppercase)
            // Meanings are shared arrays: copy only when one must go.
            if !capitals, m.meanings.contains(where: \.capitalsOnly) { m.meanings.removeAll(where: \.capitalsOnly) }
            // In an address printed all in capitals an acronym cannot be told
            // from an abbreviated word ("INST HENRI POINCARE").
            if shouting, m.meanings.contains(where: { $0.capitalsOnly && $0.kind == .organization }) {
                m.meanings.removeAll { $0.capitalsOnly && $0.kind == .organization }
            }
            // "US", "UK", "ROC" stand for a country only where an address puts
            // the country: at the end of a part ("Norwich, UK"), not inside
            // a name ("China-US Hormel Cancer Institute").
            if capitals, m.meanings.contains(where: { $0.capitalsOnly && $0.kind == .country }) {
                let endsPart = m.range.upperBound == text.words.count
                    || text.words[m.range.upperBound].part != text.words[m.range.upperBound - 1].part
                if !endsPart { m.meanings.removeAll { $0.capitalsOnly && $0.kind == .country } }
            }
            if capitals, !shouting, m.range.count == 1, text.words[m.range.lowerBound].length <= 5,
               m.meanings.contains(where: { $0.kind == .city }) {
                m.meanings.removeAll { $0.kind == .city }
            }
            if !m.meanings.isEmpty { usable.append(m) }
        }
        // Phrases come in string order, longest at each start; most strings
        // have no overlap at all, and then every phrase stays.
        var overlapping = false
        for k in usable.indices.dropFirst() where usable[k].range.lowerBound < usable[k - 1].range.upperBound { overlapping = true; break }
        if !overlapping { return usable }
        let order = usable.indices.sorted {
            let a = usable[$0].range, b = usable[$1].range
            return a.count != b.count ? a.count > b.count : a.lowerBound < b.lowerBound
        }
        var taken = [Bool](repeating: false, count: text.words.count)
        var kept: [PhraseTable.Match] = []
        for i in order {
            let r = usable[i].range
            if r.contains(where: { taken[$0] }) { continue }
            for w in r { taken[w] = true }
            kept.append(usable[i])
        }
        return kept.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// Byte ranges of e-mail addresses: around each "@", up to a space,
    /// comma, semicolon or bracket.
    private func emailSpans(in text: AffiliationText) -> [Range<Int>] {
        let bytes = text.bytes
        guard bytes.contains(UInt8(ascii: "@")) else { return [] }
        func isBoundary(_ b: UInt8) -> Bool {
            b == 32 || b == 9 || b == 10 || b == 44 || b == 59 || b == 40 || b == 41 || b == 60 || b == 62 || b == 91 || b == 93
        }
        var spans: [Range<Int>] = []
        for (i, b) in bytes.enumerated() where b == UInt8(ascii: "@") {
            var lo = i, hi = i + 1
            while lo > 0, !isBoundary(bytes[lo - 1]) { lo -= 1 }
            while hi < bytes.count, !isBoundary(bytes[hi]) { hi += 1 }
            spans.append(lo..<hi)
        }
        return spans
    }
}
