/// What a phrase found in an affiliation string says about the country.
struct PhraseMeaning: Sendable {
    enum Kind: UInt8, Sendable, Comparable {
        case override = 0, country, splitState, subnational, organization, city
        static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
    }
    var kind: Kind
    /// Candidate countries; one for a decisive name, several when the same
    /// name is used in several countries (largest first for cities).
    var countries: [CountryCode]
    /// City populations matching `countries` (cities only).
    var populations: [Int] = []
    /// Read only if every letter was a capital in the original.
    var capitalsOnly = false
    /// A country name that also names something else (see ``CountryNames/weak``).
    var isWeak = false
    /// Row of the user's overrides file, for evidence.
    var overrideLine = 0
}

/// Phrases (sequences of normalized word hashes) → meanings, searched at
/// every word of a string for the longest phrase starting there.
///
/// Keys are a running hash of word hashes, so a walk from one word costs one
/// `Set` probe per word until no longer phrase can start that way (most
/// words start none). Several meanings can share a phrase ("Mexico" is a
/// country and a city; "Georgia" a country and a former name of nothing).
struct PhraseTable: Sendable {
    /// Running hash → index into ``entries`` of its meanings, or -1 for a
    /// prefix of some longer phrase only. One probe per word, no retain.
    private var index = HashIndex()
    private var entries: [[PhraseMeaning]] = []
    private(set) var longest = 0

    static func combine(_ h: UInt64, _ word: UInt64) -> UInt64 {
        var x = (h ^ word) &* 0x9E3779B97F4A7C15
        x ^= x >> 29
        return x
    }
    static let seed: UInt64 = 0x51_7C_C1_B7_27_22_0A_95

    /// Adds `meaning` under the words of `name`; an empty name is ignored.
    mutating func add(_ name: String, _ meaning: PhraseMeaning) {
        add(words: AffiliationText.wordHashes(of: name), meaning)
    }

    mutating func add(words: [UInt64], _ meaning: PhraseMeaning) {
        guard !words.isEmpty else { return }
        var h = PhraseTable.seed
        for (i, w) in words.enumerated() {
            h = PhraseTable.combine(h, w)
            if i < words.count - 1, index[h] == nil { index[h] = -1 }
        }
        longest = max(longest, words.count)
        var slot = Int(index[h] ?? -1)
        if slot < 0 {
            slot = entries.count
            entries.append([])
            index[h] = Int32(slot)
        }
        var list = entries[slot]
        // One meaning per kind and country set: repeated names merge.
        if let i = list.firstIndex(where: { $0.kind == meaning.kind }) {
            if meaning.kind == .city || meaning.kind == .organization { list[i] = PhraseTable.merge(list[i], meaning) }
            else if !list[i].countries.contains(meaning.countries[0]) { list.append(meaning) }
        } else {
            list.append(meaning)
        }
        entries[slot] = list
    }

    private static func merge(_ a: PhraseMeaning, _ b: PhraseMeaning) -> PhraseMeaning {
        var out = a
        for (i, c) in b.countries.enumerated() {
            let pop = i < b.populations.count ? b.populations[i] : 0
            if let j = out.countries.firstIndex(of: c) {
                if j < out.populations.count { out.populations[j] = max(out.populations[j], pop) }
            } else {
                out.countries.append(c)
                if !b.populations.isEmpty || !out.populations.isEmpty { out.populations.append(pop) }
            }
        }
        if !out.populations.isEmpty && out.populations.count == out.countries.count {
            let order = out.countries.indices.sorted { out.populations[$0] > out.populations[$1] }
            out.countries = order.map { out.countries[$0] }
            out.populations = order.map { out.populations[$0] }
        }
        return out
    }

    /// A phrase found in a string: words `range`, with what it means.
    struct Match {
        var range: Range<Int>
        var meanings: [PhraseMeaning]
    }

    /// Every phrase occurrence in `text`, the longest at each starting word.
    func matches(in text: AffiliationText) -> [Match] {
        var found: [Match] = []
        let words = text.words
        for i in words.indices {
            var h = PhraseTable.seed
            var bestEnd = 0, bestSlot: Int32 = -1
            var j = i
            while j < words.count && j - i < longest {
                h = PhraseTable.combine(h, words[j].hash)
                guard let slot = index[h] else { break }
                if slot >= 0 { bestEnd = j + 1; bestSlot = slot }
                j += 1
            }
            if bestSlot >= 0 { found.append(Match(range: i..<bestEnd, meanings: entries[Int(bestSlot)])) }
        }
        return found
    }
}
