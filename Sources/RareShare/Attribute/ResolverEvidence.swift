/// The clues found in one affiliation string, sorted by kind, for the rules
/// of ``ResolverEvidence+Rules.swift`` to decide from.
struct ResolverEvidence {
    let text: AffiliationText
    let matches: [PhraseTable.Match]
    var countries: [ResolverClue] = []      // country names and former states, in string order
    var divisions: [ResolverClue] = []      // strong division evidence
    var standaloneDivisions: [ResolverClue] = []  // abbreviation alone as a part: yields to a city or organization elsewhere
    var organizations: [ResolverClue] = []
    var cities: [ResolverClue] = []

    init(text: AffiliationText, matches: [PhraseTable.Match]) {
        self.text = text
        self.matches = matches
    }

    mutating func collect() {
        for m in matches {
            let part = Int(text.words[m.range.lowerBound].part)
            for meaning in m.meanings {
                let clue = ResolverClue(kind: meaning.kind, range: m.range, countries: meaning.countries,
                                populations: meaning.populations, isWeak: meaning.isWeak, part: part)
                switch meaning.kind {
                case .country, .splitState: countries.append(clue)
                case .subnational: divisions.append(clue)
                case .organization: organizations.append(clue)
                case .city: cities.append(clue)
                case .override: break
                }
            }
        }
        collectAbbreviationsAndPostcodes()
    }

    /// Postal abbreviations ("CA 94720", ", MA,") and UK / Canadian postcodes.
    private mutating func collectAbbreviationsAndPostcodes() {
        let words = text.words
        for (i, w) in words.enumerated() where w.isASCII && (w.isUppercase || w.length == 3) {
            let next = i + 1 < words.count && words[i + 1].part == w.part ? i + 1 : nil
            // "D-69120", "IL-91905": a European postal prefix, not a US state.
            if w.isUppercase, w.length <= 3, let n = next, words[n].isDigits, words[n].length >= 3,
               hyphenFollows(i), let code = SubnationalNames.postcodePrefixByHash[w.hash] {
                divisions.append(ResolverClue(kind: .subnational, range: i..<(n + 1), countries: [code],
                                      isPostcode: true, part: Int(w.part)))
                continue
            }
            if w.length >= 2, w.length <= 3, !w.isDigits, let list = SubnationalNames.abbreviationsByHash[w.hash] {
                let alone = (i == 0 || words[i - 1].part != w.part) && next == nil
                for a in list where w.isUppercase || a.anyCase {
                    if let n = next, postcodeFollows(a.postcode, at: n) {
                        divisions.append(ResolverClue(kind: .subnational, range: i..<(n + 1), countries: [a.code],
                                              isAbbreviation: true, part: Int(w.part)))
                    } else if a.standalone, alone {
                        standaloneDivisions.append(ResolverClue(kind: .subnational, range: i..<(i + 1), countries: [a.code],
                                                        isAbbreviation: true, part: Int(w.part)))
                    }
                }
            }
            // UK postcode: outward code ("CB2", "SW7", "M13", "EH9") then inward ("1EW").
            if let n = next, w.isUppercase, w.length >= 2, w.length <= 4, text.words[n].length == 3, isUKOutward(i), isUKInward(n) {
                divisions.append(ResolverClue(kind: .subnational, range: i..<(n + 1), countries: [CountryCode("GB")!],
                                      isPostcode: true, part: Int(w.part)))
            }
            if let n = next, w.isUppercase, w.length == 3, text.words[n].length == 3, isCanadianHalf(i, letterFirst: true), isCanadianHalf(n, letterFirst: false) {
                divisions.append(ResolverClue(kind: .subnational, range: i..<(n + 1), countries: [CountryCode("CA")!],
                                      isPostcode: true, part: Int(w.part)))
            }
        }
    }

    private func postcodeFollows(_ shape: SubnationalNames.PostcodeShape, at n: Int) -> Bool {
        let w = text.words[n]
        switch shape {
        case .usZIP: return w.isDigits && w.length == 5
        case .australian: return w.isDigits && w.length == 4
        case .canadian:
            return w.length == 3 && isCanadianHalf(n, letterFirst: true)
                || w.length == 6 && { let b = Array(text.original(word: n).utf8); return isLetter(b[0]) && isDigit(b[1]) && isLetter(b[2]) && isDigit(b[3]) && isLetter(b[4]) && isDigit(b[5]) }()
        }
    }

    private func bytes(_ i: Int) -> [UInt8] { Array(text.originalBytes(word: i)) }

    private func hyphenFollows(_ i: Int) -> Bool {
        let end = Int(text.words[i].end)
        return end < text.bytes.count && text.bytes[end] == UInt8(ascii: "-")
    }
    private func isLetter(_ b: UInt8) -> Bool { b >= 65 && b <= 90 }
    private func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }

    private func isUKOutward(_ i: Int) -> Bool {
        let b = bytes(i)
        guard b.count >= 2, b.count <= 4, isLetter(b[0]) else { return false }
        var k = 1
        if k < b.count, isLetter(b[k]) { k += 1 }
        guard k < b.count, isDigit(b[k]) else { return false }
        k += 1
        if k < b.count, isDigit(b[k]) || isLetter(b[k]) { k += 1 }
        return k == b.count
    }

    private func isUKInward(_ i: Int) -> Bool {
        let b = bytes(i)
        return b.count == 3 && isDigit(b[0]) && isLetter(b[1]) && isLetter(b[2])
    }

    private func isCanadianHalf(_ i: Int, letterFirst: Bool) -> Bool {
        let b = bytes(i)
        guard b.count == 3 else { return false }
        return letterFirst ? isLetter(b[0]) && isDigit(b[1]) && isLetter(b[2]) : isDigit(b[0]) && isLetter(b[1]) && isDigit(b[2])
    }

    /// The words of a clue as written, for evidence.
    func label(_ c: ResolverClue) -> String { (c.isPostcode ? "postcode " : "") + text.original(c.range) }
}
