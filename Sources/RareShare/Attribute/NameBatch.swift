/// The rows of one shipped name resource (`ror-names.tsv.gz` or
/// `cities.tsv.gz`), hashed and held flat, ready to add to a ``PhraseTable``.
///
/// Parsing works on the decompressed bytes directly, one reused word buffer
/// and no `String` per row, because the two resources hold some 400,000
/// names and start-up must stay well under 0.15 s. Rows are kept in file
/// order, so the table built from a batch is the same on one core or two.
struct NameBatch: Sendable {
    enum Layout: Sendable {
        /// `name TAB countries TAB kind` (n = name, a = acronym, read only in capitals).
        case organizations
        /// `name TAB CC:population,CC:population` (largest first).
        case cities
    }

    let layout: Layout
    /// Word hashes of every row, row after row; row `r` ends at `wordEnds[r]`.
    private(set) var hashes: [UInt64] = []
    private(set) var wordEnds: [Int32] = []
    /// Countries of every row; row `r` ends at `codeEnds[r]`.
    private(set) var codes: [CountryCode] = []
    private(set) var codeEnds: [Int32] = []
    /// One per country (cities), else empty.
    private(set) var populations: [Int32] = []
    /// Acronym rows (organizations only).
    private(set) var acronyms: [Bool] = []

    var count: Int { wordEnds.count }

    /// Parses the lines of a resource (header first).
    init(layout: Layout, bytes: [UInt8]) {
        self.layout = layout
        let estimate = bytes.count / 32
        hashes.reserveCapacity(estimate * 3); wordEnds.reserveCapacity(estimate)
        codes.reserveCapacity(estimate); codeEnds.reserveCapacity(estimate)
        var words: [AffiliationText.Word] = []
        words.reserveCapacity(64)
        bytes.withUnsafeBufferPointer { all in
            var start = 0
            var header = true
            for i in 0...all.count where i == all.count || all[i] == UInt8(ascii: "\n") {
                defer { start = i + 1 }
                guard i > start else { continue }
                if header { header = false; continue }
                addRow(UnsafeBufferPointer(rebasing: all[start..<i]), &words)
            }
        }
    }

    /// The rows from `hashes`' point of view: words, countries and populations of row `r`.
    func row(_ r: Int) -> (words: ArraySlice<UInt64>, countries: ArraySlice<CountryCode>, populations: ArraySlice<Int32>) {
        let w = (r == 0 ? 0 : Int(wordEnds[r - 1]))..<Int(wordEnds[r])
        let c = (r == 0 ? 0 : Int(codeEnds[r - 1]))..<Int(codeEnds[r])
        return (hashes[w], codes[c], populations.isEmpty ? [] : populations[c])
    }

    private mutating func addRow(_ line: UnsafeBufferPointer<UInt8>, _ words: inout [AffiliationText.Word]) {
        guard let tab = line.firstIndex(of: 9) else { return }
        let name = UnsafeBufferPointer(rebasing: line[..<tab])
        let rest = UnsafeBufferPointer(rebasing: line[(tab + 1)...])
        let codeStart = codes.count
        var acronym = false
        switch layout {
        case .organizations:
            let tab2 = rest.firstIndex(of: 9) ?? rest.count
            acronym = tab2 + 1 < rest.count && rest[tab2 + 1] == UInt8(ascii: "a")
            if acronym && NameBatch.isCodeLike(name) { return }
            NameBatch.codes(in: UnsafeBufferPointer(rebasing: rest[..<tab2]), into: &codes)
        case .cities:
            NameBatch.cityCodes(in: rest, into: &codes, populations: &populations)
        }
        _ = WordScanner.scan(name, into: &words)
        if codes.count == codeStart || words.isEmpty || (layout == .cities && !NameBatch.isPlaceName(words)) {
            codes.removeSubrange(codeStart...)
            if layout == .cities { populations.removeSubrange(codeStart...) }
            return
        }
        for w in words { hashes.append(w.hash) }
        wordEnds.append(Int32(hashes.count))
        codeEnds.append(Int32(codes.count))
        if layout == .organizations { acronyms.append(acronym) }
    }

    /// A country code or a US, Canadian or Australian postal abbreviation
    /// ("IN", "CA", "NSW"): never an organization's acronym.
    private static func isCodeLike(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        guard name.count <= 3 else { return false }
        let s = String(decoding: name, as: UTF8.self)
        return CountryNames.isoCodes.contains(s) || SubnationalNames.notISO.contains(s)
    }

    /// Two words of one letter ("A B") or fewer than three letters in all are no town's name.
    private static func isPlaceName(_ words: [AffiliationText.Word]) -> Bool {
        var letters = 0
        for w in words {
            if w.length < 2 && !w.isDigits { return false }
            letters += Int(w.length)
        }
        return letters >= 3
    }

    /// `US,GB`.
    private static func codes(in field: UnsafeBufferPointer<UInt8>, into out: inout [CountryCode]) {
        var i = 0
        while i + 1 < field.count {
            if let c = CountryCode(utf8: field[i], field[i + 1]) { out.append(c) }
            i += 3
        }
    }

    /// `US:1234,GB:56`.
    private static func cityCodes(in field: UnsafeBufferPointer<UInt8>, into out: inout [CountryCode],
                                  populations: inout [Int32]) {
        var i = 0
        while i + 3 < field.count {
            guard let c = CountryCode(utf8: field[i], field[i + 1]), field[i + 2] == UInt8(ascii: ":") else { return }
            var j = i + 3, value: Int64 = 0
            while j < field.count, field[j] >= 48, field[j] <= 57 { value = value * 10 + Int64(field[j] - 48); j += 1 }
            guard j > i + 3 else { return }
            out.append(c)
            populations.append(Int32(clamping: value))
            i = j + 1
        }
    }
}
