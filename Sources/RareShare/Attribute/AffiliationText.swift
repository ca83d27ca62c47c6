import Foundation

/// An affiliation string cut into normalized words, the form every name
/// table of the resolver is matched against.
///
/// Matching on words rather than substrings is what keeps "UK" out of
/// "Chungbuk" and "India" out of "Indiana". Each word is lower-cased,
/// stripped of accents ("Universität" → `universitat`), mapped to one
/// spelling where Web of Science abbreviates ("Univ" → `university`,
/// "Natl" → `national`) and hashed to 64 bits; the small words "of", "the",
/// "and", "for", "in", "at" are dropped, since exports print names with and
/// without them ("Univ Toronto", "University of Toronto"). Han, kana and
/// Hangul characters are one word each, so "中国" is found inside "中国科学院".
///
/// Names in the tables go through the same function, so both sides agree by
/// construction. Hashes are FNV-1a over the folded UTF-8 bytes; with 64 bits a
/// collision among the few hundred thousand names shipped is not expected.
///
/// - Complexity: O(n) in the string's length, one pass over its scalars.
struct AffiliationText {
    struct Word {
        /// Hash of the normalized word.
        var hash: UInt64
        /// UTF-8 offsets of the word in the original string.
        var start: Int32
        var end: Int32
        /// Index of the comma- (or semicolon-) separated part holding the word.
        var part: Int16
        /// Normalized length in bytes.
        var length: UInt8
        /// Every letter was upper case in the original (acronyms, state codes).
        var isUppercase: Bool
        /// Only ASCII digits.
        var isDigits: Bool
        /// Only ASCII letters and digits in the original.
        var isASCII: Bool
        /// "IN" or "AT" in capitals: kept only where a code stands (see ``WordScanner``).
        var isStopWord = false
    }

    let text: String
    /// The string's UTF-8 bytes, for evidence and shape checks.
    let bytes: [UInt8]
    private(set) var words: [Word] = []
    /// Number of comma-separated parts (at least 1).
    private(set) var partCount = 1

    init(_ text: String) {
        self.text = text
        let bytes = Array(text.utf8)
        self.bytes = bytes
        var found: [Word] = []
        found.reserveCapacity(bytes.count / 5)
        partCount = bytes.withUnsafeBufferPointer { WordScanner.scan($0, into: &found) }
        words = found
    }

    /// The original text of words `range`, for evidence.
    func original(_ range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        let s = Int(words[range.lowerBound].start), e = Int(words[range.upperBound - 1].end)
        return String(decoding: bytes[s..<e], as: UTF8.self)
    }

    /// The original text of word `i`.
    func original(word i: Int) -> String { original(i..<(i + 1)) }

    /// The original UTF-8 bytes of word `i`.
    func originalBytes(word i: Int) -> ArraySlice<UInt8> { bytes[Int(words[i].start)..<Int(words[i].end)] }

    /// Indexes of the words in part `p`.
    func words(inPart p: Int) -> Range<Int> {
        var lo = words.count, hi = 0
        for (i, w) in words.enumerated() where Int(w.part) == p { lo = min(lo, i); hi = max(hi, i + 1) }
        return lo < hi ? lo..<hi : 0..<0
    }

    /// The last part that holds any word.
    var lastPart: Int { words.last.map { Int($0.part) } ?? 0 }

    // MARK: Normalization tables

    static func fnv<C: Sequence>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var h: UInt64 = 0xcbf29ce484222325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        return h
    }

    static func hash(_ word: String) -> UInt64 { fnv(word.utf8) }

    /// Small words exports print or leave out at will.
    static let stopWords: Set<UInt64> = Set(["of", "the", "and", "for", "in", "at"].map(hash))

    /// Abbreviation (as Web of Science and Scopus print them) → full word.
    /// Plurals fold onto the singular where both occur in names.
    static let abbreviations: [(String, String)] = [
        ("univ", "university"), ("universities", "university"), ("inst", "institute"), ("institutes", "institute"),
        ("natl", "national"), ("dept", "department"), ("depts", "department"),
        ("ctr", "center"), ("centre", "center"), ("centers", "center"), ("centres", "center"),
        ("lab", "laboratory"), ("labs", "laboratory"), ("laboratories", "laboratory"),
        ("coll", "college"), ("sch", "school"), ("fac", "faculty"), ("acad", "academy"),
        ("hosp", "hospital"), ("med", "medical"), ("sci", "science"), ("sciences", "science"),
        ("technol", "technology"), ("tech", "technology"), ("res", "research"), ("engn", "engineering"),
        ("chem", "chemistry"), ("phys", "physics"), ("biol", "biology"), ("mat", "materials"),
        ("appl", "applied"), ("mol", "molecular"), ("environm", "environmental"), ("agr", "agricultural"),
        ("int", "international"), ("minist", "ministry"), ("corp", "corporation"), ("assoc", "association"),
        ("soc", "society"), ("hlth", "health"), ("pharmaceut", "pharmaceutical"), ("polytech", "polytechnic"),
        ("adv", "advanced"), ("fdn", "foundation"), ("observ", "observatory"), ("mus", "museum"),
        ("st", "saint"), ("ste", "sainte"), ("mt", "mount"), ("ft", "fort"), ("&", "and"),
    ]

    /// ``canonical`` in the form the tokenizer probes: word hash → index
    /// into ``canonicalWords``, or -1 for a stop word.
    static let canonicalIndex: HashIndex = {
        var index = HashIndex(capacity: canonical.count)
        for (i, (k, v)) in canonical.sorted(by: { $0.key < $1.key }).enumerated() { index[k] = v == 0 ? -1 : Int32(i) }
        return index
    }()
    static let canonicalWords: [UInt64] = canonical.sorted(by: { $0.key < $1.key }).map(\.value)

    static let canonical: [UInt64: UInt64] = {
        var map: [UInt64: UInt64] = [:]
        for (short, long) in abbreviations { map[hash(short)] = hash(long) }
        for w in stopWords { map[w] = 0 }
        return map
    }()

    /// Latin letters with diacritics (and ligatures) → plain ASCII, lower
    /// case: every letter of Latin-1, Latin Extended-A and -B and Latin
    /// Extended Additional (Vietnamese) whose canonical decomposition starts
    /// with an ASCII letter, plus the letters that do not decompose.
    static let latinFold: [UInt32: String] = {
        var map: [UInt32: String] = [:]
        for range in [0x00C0...0x024F, 0x1E00...0x1EFF] {
            for v in range {
                guard let scalar = Unicode.Scalar(UInt32(v)) else { continue }
                let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
                guard let first = decomposed.first, first.isASCII, first.properties.isAlphabetic else { continue }
                map[UInt32(v)] = String(first).lowercased()
            }
        }
        let special: [(String, String)] = [("ß", "ss"), ("Æ", "ae"), ("æ", "ae"), ("Œ", "oe"), ("œ", "oe"), ("Ø", "o"), ("ø", "o"),
                                           ("Ł", "l"), ("ł", "l"), ("Đ", "d"), ("đ", "d"), ("Ð", "d"), ("ð", "d"), ("ı", "i"),
                                           ("Þ", "th"), ("þ", "th"), ("Ħ", "h"), ("ħ", "h"), ("Ŧ", "t"), ("ŧ", "t")]
        for (letter, plain) in special { for s in letter.unicodeScalars { map[s.value] = plain } }
        return map
    }()
}

extension AffiliationText {
    /// Hashes of the words of a name, normalized as affiliation strings are.
    static func wordHashes(of name: String) -> [UInt64] {
        AffiliationText(name).words.map(\.hash)
    }
}
