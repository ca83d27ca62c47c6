/// Cuts UTF-8 bytes into the normalized, hashed words of ``AffiliationText``.
///
/// A value type with its running state in fields, so the same scan serves an
/// affiliation string (words with offsets, parts and shape flags) and the
/// hundreds of thousands of names the resolver's tables load at start, which
/// reuse one word buffer and allocate nothing per name.
///
/// - Complexity: O(bytes), one pass; no allocation beyond `words` growing.
struct WordScanner {
    typealias Word = AffiliationText.Word
    private static let fnvOffset: UInt64 = 0xcbf29ce484222325
    private static let fnvPrime: UInt64 = 0x100000001b3

    private var h = fnvOffset, length = 0
    private var start = 0, part: Int16 = 0
    private var upper = true, hasLetter = false, digits = true, ascii = true
    private var pendingPart = false

    /// Scans `bytes` (valid UTF-8) into `words` (emptied first) and returns
    /// the number of comma- or semicolon-separated parts (at least 1).
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, into words: inout [Word]) -> Int {
        words.removeAll(keepingCapacity: true)
        var scanner = WordScanner()
        scanner.run(bytes, &words)
        scanner.flush(bytes.count, &words)
        if words.contains(where: \.isStopWord) { dropStopWords(&words) }
        return Int(scanner.part) + 1
    }

    private mutating func begin(_ offset: Int) {
        if length == 0 {
            start = offset
            if pendingPart { part += 1; pendingPart = false }
        }
    }

    private mutating func reset() {
        h = WordScanner.fnvOffset; length = 0; upper = true; hasLetter = false; digits = true; ascii = true
    }

    private mutating func flush(_ end: Int, _ words: inout [Word]) {
        defer { reset() }
        guard length > 0 else { return }
        var hash = h
        var stop = false
        if let slot = AffiliationText.canonicalIndex[hash] {
            if slot < 0 {
                // A stop word, unless "IN" (Indiana) or "AT" (Austria) in capitals.
                guard upper && hasLetter && length == 2 else { return }
                stop = true
            } else {
                hash = AffiliationText.canonicalWords[Int(slot)]
            }
        }
        words.append(Word(hash: hash, start: Int32(start), end: Int32(end), part: part,
                          length: UInt8(min(length, 255)), isUppercase: upper && hasLetter,
                          isDigits: digits, isASCII: ascii, isStopWord: stop))
    }

    @inline(__always) private mutating func feed(_ b: UInt8) { h = (h ^ UInt64(b)) &* WordScanner.fnvPrime; length += 1 }
    private mutating func feed(_ s: Unicode.Scalar) { for b in s.utf8 { feed(b) } }
    private mutating func separatePart(_ words: [Word]) { if !words.isEmpty || length > 0 { pendingPart = true } }

    private mutating func run(_ bytes: UnsafeBufferPointer<UInt8>, _ words: inout [Word]) {
        var offset = 0
        let count = bytes.count
        while offset < count {
            let b = bytes[offset]
            guard b >= 0x80 else {
                switch b {
                case UInt8(ascii: "a")...UInt8(ascii: "z"):
                    begin(offset); feed(b); upper = false; hasLetter = true; digits = false
                case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    begin(offset); feed(b + 32); hasLetter = true; digits = false
                case UInt8(ascii: "0")...UInt8(ascii: "9"):
                    begin(offset); feed(b)
                case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\n"):
                    flush(offset, &words); separatePart(words)
                default:
                    flush(offset, &words)
                }
                offset += 1
                continue
            }
            // Decode one scalar (the bytes come from a String: valid UTF-8).
            var v: UInt32, width: Int
            if b < 0xE0 { v = UInt32(b & 0x1F); width = 2 }
            else if b < 0xF0 { v = UInt32(b & 0x0F); width = 3 }
            else { v = UInt32(b & 0x07); width = 4 }
            for k in 1..<width where offset + k < count { v = v << 6 | UInt32(bytes[offset + k] & 0x3F) }
            scalar(v, at: offset, width: width, &words)
            offset += width
        }
    }

    /// One non-ASCII scalar `v` of `width` bytes at `offset`.
    private mutating func scalar(_ v: UInt32, at offset: Int, width: Int, _ words: inout [Word]) {
        guard let scalar = Unicode.Scalar(v) else { flush(offset, &words); return }
        switch v {
        case 0x3001, 0xFF0C, 0xFF1B:   // 、，；
            flush(offset, &words); separatePart(words)
        case 0x0300...0x036F:          // combining marks (decomposed input)
            return
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF:
            flush(offset, &words)
            begin(offset)
            feed(scalar)
            ascii = false; digits = false; upper = false; hasLetter = true
            flush(offset + width, &words)
        case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A:   // full-width letters and digits
            begin(offset)
            let a = v - 0xFEE0
            let lower = (a >= 0x41 && a <= 0x5A) ? a + 32 : a
            feed(UInt8(lower)); ascii = false
            if a >= 0x41 { digits = false; hasLetter = true; if a >= 0x61 { upper = false } }
        case 0x2000...0x206F, 0x3000...0x303F, 0xFF00...0xFF0F, 0xFF1A...0xFF20, 0x00A0...0x00BF, 0x00D7, 0x00F7:
            flush(offset, &words)
        default:
            begin(offset)
            letter(v, scalar)
        }
    }

    /// A letter outside ASCII: Latin folded to ASCII, Cyrillic and Greek
    /// capitals lowered, anything else kept as it is.
    private mutating func letter(_ v: UInt32, _ scalar: Unicode.Scalar) {
        ascii = false; digits = false; hasLetter = true
        if let folded = AffiliationText.latinFold[v] {
            if !scalar.properties.isUppercase { upper = false }
            for c in folded.utf8 { feed(c) }
            return
        }
        var lowered = v
        switch v {
        case 0x0410...0x042F, 0x0391...0x03A9: lowered = v + 0x20
        case 0x0400...0x040F: lowered = v + 0x50
        default: upper = false
        }
        if let s = Unicode.Scalar(lowered) { feed(s) }
    }

    /// "W Lafayette, IN 47907", "Wien, AT": a capital "IN" or "AT" before
    /// a postcode or ending its part is a code; elsewhere the small word.
    private static func dropStopWords(_ words: inout [Word]) {
        var kept: [Word] = []
        kept.reserveCapacity(words.count)
        for (i, w) in words.enumerated() {
            if w.isStopWord {
                let next = i + 1 < words.count && words[i + 1].part == w.part ? words[i + 1] : nil
                guard next == nil || next!.isDigits else { continue }
            }
            kept.append(w)
        }
        words = kept
    }
}
