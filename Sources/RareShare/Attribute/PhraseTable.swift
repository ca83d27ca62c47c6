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
/// probe per word until no longer phrase can start that way (most words
/// start none). Several meanings can share a phrase ("Mexico" is a country
/// and a city).
///
/// Meanings are stored flat (``Packed`` records pointing into one array of
/// country codes and one of populations) rather than as arrays of arrays:
/// the shipped tables hold some 400,000 names, and one allocation per name
/// was most of the half second start-up cost. A match turns its meanings
/// back into ``PhraseMeaning`` values, a few per string.
struct PhraseTable: Sendable {
    /// One meaning: `count` countries from `first` in ``codes`` and
    /// ``populations``; `next` chains the meanings of one phrase (-1 ends).
    private struct Packed: Sendable {
        var kind: PhraseMeaning.Kind
        var capitalsOnly: Bool
        var isWeak: Bool
        var hasPopulations: Bool
        var count: UInt16
        var first: Int32
        var next: Int32
        var overrideLine: Int32
    }

    /// Running hash → index into ``packed`` of the phrase's first meaning,
    /// or -1 for a prefix of some longer phrase only.
    private var index: HashIndex
    private var packed: [Packed] = []
    private var codes: [CountryCode] = []
    private var populations: [Int32] = []
    private(set) var longest = 0

    /// `capacity`: phrases expected, so that a bulk load never rehashes.
    init(capacity: Int = 16) {
        index = HashIndex(capacity: capacity)
        packed.reserveCapacity(capacity)
        codes.reserveCapacity(capacity)
        populations.reserveCapacity(capacity)
    }

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
        let pops = meaning.populations.map { Int32(clamping: $0) }
        add(hashes: words[...], kind: meaning.kind, countries: meaning.countries[...], populations: pops[...],
            capitalsOnly: meaning.capitalsOnly, isWeak: meaning.isWeak, overrideLine: meaning.overrideLine)
    }

    /// The bulk form of ``add(words:_:)``: `populations` empty or one per
    /// country, largest first.
    mutating func add(hashes: ArraySlice<UInt64>, kind: PhraseMeaning.Kind, countries: ArraySlice<CountryCode>,
                      populations: ArraySlice<Int32>, capitalsOnly: Bool = false, isWeak: Bool = false,
                      overrideLine: Int = 0) {
        guard !hashes.isEmpty else { return }
        var h = PhraseTable.seed
        var k = 0
        for w in hashes {
            h = PhraseTable.combine(h, w)
            k += 1
            if k < hashes.count { index.insert(h, -1) }
        }
        longest = max(longest, hashes.count)
        let item = pack(kind, countries, populations, capitalsOnly, isWeak, overrideLine)
        let head = index.insert(h, item)
        if head == item { return }
        guard head >= 0 else { index[h] = item; return }
        // One meaning per kind and country set: repeated names merge.
        var i = head, last = head
        while i >= 0 {
            if packed[Int(i)].kind == kind {
                if kind == .city || kind == .organization {
                    let merged = PhraseTable.merge(meaning(Int(i)), meaning(Int(item)))
                    replace(Int(i), with: merged)
                } else if let c = countries.first, !meaning(Int(i)).countries.contains(c) {
                    appendAfterChain(from: head, item)
                }
                return
            }
            last = i
            i = packed[Int(i)].next
        }
        packed[Int(last)].next = item
    }

    private mutating func pack(_ kind: PhraseMeaning.Kind, _ countries: ArraySlice<CountryCode>, _ pops: ArraySlice<Int32>,
                               _ capitalsOnly: Bool, _ isWeak: Bool, _ overrideLine: Int) -> Int32 {
        let first = Int32(codes.count)
        let n = min(countries.count, Int(UInt16.max))
        codes.append(contentsOf: countries.prefix(n))
        if pops.count == countries.count { populations.append(contentsOf: pops.prefix(n)) }
        else { populations.append(contentsOf: repeatElement(0, count: n)) }
        packed.append(Packed(kind: kind, capitalsOnly: capitalsOnly, isWeak: isWeak, hasPopulations: !pops.isEmpty,
                             count: UInt16(n), first: first, next: -1, overrideLine: Int32(clamping: overrideLine)))
        return Int32(packed.count - 1)
    }

    private mutating func appendAfterChain(from head: Int32, _ item: Int32) {
        var i = head
        while packed[Int(i)].next >= 0 { i = packed[Int(i)].next }
        packed[Int(i)].next = item
    }

    /// Points record `i` at the countries of `m` (stored anew at the end).
    private mutating func replace(_ i: Int, with m: PhraseMeaning) {
        let first = Int32(codes.count)
        codes.append(contentsOf: m.countries)
        if m.populations.count == m.countries.count { populations.append(contentsOf: m.populations.map { Int32(clamping: $0) }) }
        else { populations.append(contentsOf: repeatElement(0, count: m.countries.count)) }
        packed[i].first = first
        packed[i].count = UInt16(min(m.countries.count, Int(UInt16.max)))
        packed[i].hasPopulations = !m.populations.isEmpty
    }

    /// Record `i` as a value.
    private func meaning(_ i: Int) -> PhraseMeaning {
        let p = packed[i]
        let range = Int(p.first)..<(Int(p.first) + Int(p.count))
        return PhraseMeaning(kind: p.kind, countries: Array(codes[range]),
                             populations: p.hasPopulations ? populations[range].map(Int.init) : [],
                             capitalsOnly: p.capitalsOnly, isWeak: p.isWeak, overrideLine: Int(p.overrideLine))
    }

    private func meanings(from head: Int32) -> [PhraseMeaning] {
        var out: [PhraseMeaning] = []
        var i = head
        while i >= 0 { out.append(meaning(Int(i))); i = packed[Int(i)].next }
        return out
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
            if bestSlot >= 0 { found.append(Match(range: i..<bestEnd, meanings: meanings(from: bestSlot))) }
        }
        return found
    }
}
