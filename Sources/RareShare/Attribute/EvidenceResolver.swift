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
        guard !text.words.isEmpty else { return .unresolved("no words in the string") }
        var e = Evidence(text: text, matches: select(tables.phrases.matches(in: text), in: text))
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

/// One piece of evidence: which words, what kind, which countries.
private struct Clue {
    var kind: PhraseMeaning.Kind
    var range: Range<Int>
    var countries: [CountryCode]
    var populations: [Int] = []
    var isWeak = false
    /// The words are a postcode ("postcode CB2 1EW" in evidence).
    var isPostcode = false
    /// A postal abbreviation ("MA", "CA 94720"), not a division's name.
    var isAbbreviation = false
    var part: Int

    /// A city with no namesake of even a tenth its size abroad.
    var isUnambiguous: Bool {
        countries.count == 1 || (populations.count >= 2 && populations[0] >= ResolverTables.dominance * max(populations[1], 1))
    }

    /// The one country this clue names on its own, if any.
    var decisive: CountryCode? {
        if countries.count == 1 { return countries[0] }
        if kind == .city, populations.count >= 2 {
            let ratio = populations[0] >= ResolverTables.largeCity ? ResolverTables.largeCityDominance : ResolverTables.dominance
            if populations[0] >= ratio * max(populations[1], 1) { return countries[0] }
        }
        return nil
    }
}

private struct Evidence {
    let text: AffiliationText
    let matches: [PhraseTable.Match]
    var countries: [Clue] = []      // country names and former states, in string order
    var divisions: [Clue] = []      // strong division evidence
    var standaloneDivisions: [Clue] = []  // abbreviation alone as a part: yields to a city or organization elsewhere
    var organizations: [Clue] = []
    var cities: [Clue] = []

    init(text: AffiliationText, matches: [PhraseTable.Match]) {
        self.text = text
        self.matches = matches
    }

    mutating func collect() {
        for m in matches {
            let part = Int(text.words[m.range.lowerBound].part)
            for meaning in m.meanings {
                let clue = Clue(kind: meaning.kind, range: m.range, countries: meaning.countries,
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
                divisions.append(Clue(kind: .subnational, range: i..<(n + 1), countries: [code],
                                      isPostcode: true, part: Int(w.part)))
                continue
            }
            if w.length >= 2, w.length <= 3, !w.isDigits, let list = SubnationalNames.abbreviationsByHash[w.hash] {
                let alone = (i == 0 || words[i - 1].part != w.part) && next == nil
                for a in list where w.isUppercase || a.anyCase {
                    if let n = next, postcodeFollows(a.postcode, at: n) {
                        divisions.append(Clue(kind: .subnational, range: i..<(n + 1), countries: [a.code],
                                              isAbbreviation: true, part: Int(w.part)))
                    } else if a.standalone, alone {
                        standaloneDivisions.append(Clue(kind: .subnational, range: i..<(i + 1), countries: [a.code],
                                                        isAbbreviation: true, part: Int(w.part)))
                    }
                }
            }
            // UK postcode: outward code ("CB2", "SW7", "M13", "EH9") then inward ("1EW").
            if let n = next, w.isUppercase, w.length >= 2, w.length <= 4, text.words[n].length == 3, isUKOutward(i), isUKInward(n) {
                divisions.append(Clue(kind: .subnational, range: i..<(n + 1), countries: [CountryCode("GB")!],
                                      isPostcode: true, part: Int(w.part)))
            }
            if let n = next, w.isUppercase, w.length == 3, text.words[n].length == 3, isCanadianHalf(i, letterFirst: true), isCanadianHalf(n, letterFirst: false) {
                divisions.append(Clue(kind: .subnational, range: i..<(n + 1), countries: [CountryCode("CA")!],
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
    func label(_ c: Clue) -> String { (c.isPostcode ? "postcode " : "") + text.original(c.range) }

    // MARK: Deciding

    /// Countries that divisions, organizations and cities name on their own.
    private var placeCountries: [CountryCode] {
        var out: [CountryCode] = []
        for list in [divisions, organizations, cities] {
            for c in list { if let d = c.decisive, !out.contains(d) { out.append(d) } }
        }
        return out
    }

    func decide() -> CountryResolution {
        if let answer = decideByCountryName() { return answer }
        if let answer = decideByISOCode() { return answer }
        if let answer = decideByDivision() { return answer }
        if let answer = decideByOrganization() { return answer }
        if let answer = decideByCity() { return answer }
        if let answer = decideByEmail() { return answer }
        return .unresolved(unresolvedReason())
    }

    private func decideByCountryName() -> CountryResolution? {
        guard !countries.isEmpty else { return nil }
        let places = placeCountries
        for clue in countries.reversed() {
            if clue.kind == .splitState {
                let successors = Set(clue.countries)
                let found = places.filter(successors.contains)
                if found.count == 1 {
                    return CountryResolution(country: found[0], evidence: "former state \"\(label(clue))\": successor \(found[0]) by \(placeLabel(for: found[0]))")
                }
                return .unresolved("former state \"\(label(clue))\" with no city or region naming one successor state")
            }
            let code = clue.countries[0]
            if clue.isWeak, places.contains(where: { $0 != code }) { continue }
            // A place of another country in a later part than the name, with
            // no country name after it, is the address ("Beth Israel Deaconess
            // Med Ctr, Boston, MA"; "Corso Svizzera 185, Torino 10149").
            if let later = laterPlace(after: clue, excluding: code) {
                return CountryResolution(country: later.code, evidence: "\(later.label) after \"\(label(clue))\"")
            }
            // A territory named before its state keeps its own code.
            for other in countries where other.range.lowerBound < clue.range.lowerBound && other.kind == .country {
                if let t = other.countries.first, CountryNames.sovereignCode[t] == code {
                    return CountryResolution(country: t, evidence: "territory \"\(label(other))\" within \"\(label(clue))\"")
                }
            }
            // By a place alone only for the study's territories (HK, MO, TW
            // under CN; PR under US): "Saint André" is also a town of Réunion.
            for t in places where CountryNames.sovereignCode[t] == code && (code.description == "CN" || code.description == "US") {
                return CountryResolution(country: t, evidence: "territory by \(placeLabel(for: t)) within \"\(label(clue))\"")
            }
            return CountryResolution(country: code, evidence: "country name \"" + label(clue) + "\"")
        }
        return nil
    }

    /// The last place (division, postcode or unambiguous city) in a part
    /// after the country name, when it belongs to another country.
    private func laterPlace(after clue: Clue, excluding code: CountryCode) -> (code: CountryCode, label: String)? {
        var best: Clue?
        for c in divisions + standaloneDivisions + cities where c.part > clue.part {
            guard c.kind != .city || c.isUnambiguous, c.decisive != nil else { continue }
            if best == nil || c.range.lowerBound > best!.range.lowerBound { best = c }
        }
        guard let best, let d = best.decisive, d != code, CountryNames.sovereignCode[d] != code else { return nil }
        let what = best.kind == .city ? "city \"\(label(best))\"" : best.isPostcode ? label(best) : "region \"\(label(best))\""
        return (d, what)
    }

    /// A bare ISO code, only as the whole last part and never a US, Canadian
    /// or Australian abbreviation.
    private func decideByISOCode() -> CountryResolution? {
        let last = text.words(inPart: text.lastPart)
        guard last.count == 1 else { return nil }
        let w = text.words[last.lowerBound]
        let raw = text.original(word: last.lowerBound)
        guard w.isUppercase, w.length == 2, CountryNames.isoCodes.contains(raw),
              !SubnationalNames.notISO.contains(raw), let code = CountryCode(raw) else { return nil }
        return CountryResolution(country: code, evidence: "country code \"\(raw)\" as the last part")
    }

    private func decideByDivision() -> CountryResolution? {
        var clues = divisions
        let others = (organizations + cities).compactMap(\.decisive)
        // "Berlin, DE" is Germany, not Delaware: a lone abbreviation that
        // spells the ISO code of the country other evidence names yields.
        // Likewise "Crawley, WA" with the University of Western Australia is
        // the Australian WA, not Washington.
        for s in standaloneDivisions {
            let readings = SubnationalNames.abbreviationsByHash[text.words[s.range.lowerBound].hash]?.map(\.code) ?? []
            if others.contains(where: { $0 != s.countries[0] && ($0.description == label(s) || readings.contains($0)) }) { continue }
            clues.append(s)
        }
        guard !clues.isEmpty else { return nil }
        clues.sort { $0.range.lowerBound < $1.range.lowerBound }
        // Several countries' divisions (a two-part address): the last one decides.
        let codes = Set(clues.map { $0.countries[0] })
        let last = clues[clues.count - 1]
        let what = last.isPostcode ? label(last) : last.isAbbreviation ? "\(last.countries[0]) postal abbreviation \"\(label(last))\"" : "region \"\(label(last))\""
        let suffix = codes.count > 1 ? " (last of several regions)" : ""
        return CountryResolution(country: last.countries[0], evidence: what + suffix)
    }

    private func decideByOrganization() -> CountryResolution? {
        guard !organizations.isEmpty else { return nil }
        let decisive = organizations.filter { $0.decisive != nil }
        let codes = Array(Set(decisive.compactMap(\.decisive))).sorted()
        let cityCodes = Set(cities.compactMap(\.decisive))
        if codes.count == 1, let clue = decisive.last {
            // A city of another country in the same string ("Guangzhou Center
            // for Disease Control") means the name matched a namesake: no answer.
            if cityCodes.contains(where: { $0 != codes[0] }) { return nil }
            return CountryResolution(country: codes[0], evidence: "organization \"" + label(clue) + "\" (ROR)")
        }
        if codes.count > 1 {
            let agreeing = codes.filter(cityCodes.contains)
            if agreeing.count == 1, let clue = decisive.last(where: { $0.decisive == agreeing[0] }) {
                return CountryResolution(country: agreeing[0], evidence: "organization \"\(label(clue))\" (ROR) with \(placeLabel(for: agreeing[0]))")
            }
            return nil
        }
        // Names several countries use decide only with a city in one of them.
        for clue in organizations.reversed() {
            var candidates = Set(clue.countries)
            for city in cities { candidates.formIntersection(city.decisive.map { [$0] } ?? city.countries) }
            if !cities.isEmpty, candidates.count == 1, let code = candidates.first {
                return CountryResolution(country: code, evidence: "organization \"\(label(clue))\" (ROR, several countries) with city \"\(label(cities.last!))\"")
            }
        }
        return nil
    }

    private func decideByCity() -> CountryResolution? {
        guard !cities.isEmpty else { return nil }

        let decisive = cities.filter { $0.decisive != nil }
        let codes = Set(decisive.compactMap(\.decisive))
        if codes.count == 1, let clue = decisive.last, let code = clue.decisive {
            return CountryResolution(country: code, evidence: "city \"\(label(clue))\" (GeoNames\(populationNote(clue)))")
        }
        if codes.isEmpty {
            var candidates = Set(cities[0].countries)
            for c in cities.dropFirst() { candidates.formIntersection(c.countries) }
            if cities.count > 1, candidates.count == 1, let code = candidates.first {
                return CountryResolution(country: code, evidence: "cities \(cities.map { "\"\(label($0))\"" }.joined(separator: ", ")) (GeoNames, only \(code) has all)")
            }
        }
        return nil
    }

    private func populationNote(_ clue: Clue) -> String {
        guard clue.populations.count > 1 else { return "" }
        return ", largest of \(clue.countries.count) countries with the name"
    }

    /// The country domain of an e-mail address ("…@tohoku.ac.jp").
    private func decideByEmail() -> CountryResolution? {
        let utf8 = text.bytes
        guard let at = utf8.lastIndex(of: UInt8(ascii: "@")) else { return nil }
        var end = at + 1
        func isDomain(_ b: UInt8) -> Bool {
            (b >= 97 && b <= 122) || (b >= 65 && b <= 90) || (b >= 48 && b <= 57) || b == 45 || b == 46
        }
        while end < utf8.count, isDomain(utf8[end]) { end += 1 }
        var domain = String(decoding: utf8[(at + 1)..<end], as: UTF8.self).lowercased()
        while domain.hasSuffix(".") { domain.removeLast() }
        guard let dot = domain.lastIndex(of: ".") else { return nil }
        let tld = String(domain[domain.index(after: dot)...])
        if let code = EmailDomains.country(ofTopLevel: tld) {
            return CountryResolution(country: code, evidence: "e-mail domain \"\(domain)\"")
        }
        return nil
    }

    private func placeLabel(for code: CountryCode) -> String {
        for c in (divisions + organizations + cities).reversed() where c.decisive == code {
            switch c.kind {
            case .organization: return "organization \"\(label(c))\""
            case .city: return "city \"\(label(c))\""
            default: return "region \"\(label(c))\""
            }
        }
        return code.description
    }

    private func unresolvedReason() -> String {
        let orgCodes = Set(organizations.compactMap(\.decisive))
        let cityCodes = Set(cities.compactMap(\.decisive))
        if orgCodes.count == 1, let o = organizations.last(where: { $0.decisive != nil }), let c = cityCodes.first(where: { !orgCodes.contains($0) }) {
            return "organization \"\(label(o))\" (\(o.countries[0])) and a city of \(c) disagree"
        }
        if orgCodes.count > 1 {
            return "organizations in different countries (\(orgCodes.sorted().map(\.description).joined(separator: ", ")))"
        }
        if let o = organizations.last {
            return "organization \"\(label(o))\" exists in several countries (\(o.countries.map(\.description).joined(separator: ", "))) and no city tells which"
        }
        if cityCodes.count > 1 { return "cities in different countries (\(cityCodes.sorted().map(\.description).joined(separator: ", ")))" }
        if let c = cities.last {
            return "city \"\(label(c))\" exists in several countries (\(c.countries.prefix(4).map(\.description).joined(separator: ", ")))"
        }
        if let w = countries.last(where: \.isWeak) {
            return "\"\(label(w))\" names a country but other evidence points elsewhere"
        }
        return "no country, region, organization, city or e-mail domain recognized"
    }
}
