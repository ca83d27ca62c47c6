extension ResolverEvidence {
    // MARK: Deciding

    /// Countries that divisions, organizations and cities name on their own.
    private var placeCountries: [CountryCode] {
        var out: [CountryCode] = []
        for list in [divisions, organizations, cities] {
            for c in list { if let d = c.decisive, !out.contains(d) { out.append(d) } }
        }
        return out
    }

    /// The rule groups in the order of ``EvidenceResolver``: the first that
    /// answers decides.
    private static let stages: [@Sendable (ResolverEvidence) -> CountryResolution?] = [
        { $0.decideByCountryName() }, { $0.decideByISOCode() }, { $0.decideByDivision() },
        { $0.decideByOrganization() }, { $0.decideByCity() }, { $0.decideByEmail() },
    ]

    func decide() -> CountryResolution {
        for stage in ResolverEvidence.stages {
            if let answer = stage(self) { return answer }
        }
        return .unresolved(unresolvedReason())
    }

    /// Country names, the last first; a weak name ("Georgia", "Jersey")
    /// yields to a place of another country.
    private func decideByCountryName() -> CountryResolution? {
        guard !countries.isEmpty else { return nil }
        let places = placeCountries
        for clue in countries.reversed() {
            if clue.kind == .splitState { return formerState(clue, places) }
            let code = clue.countries[0]
            if clue.isWeak, places.contains(where: { $0 != code }) { continue }
            return placeAfterCountryName(clue, code) ?? territoryBeforeState(clue, code)
                ?? territoryByPlace(clue, code, places) ?? countryName(clue, code)
        }
        return nil
    }

    /// Rule `former-state`: the one successor holding a place named.
    private func formerState(_ clue: ResolverClue, _ places: [CountryCode]) -> CountryResolution {
        let successors = Set(clue.countries)
        let found = places.filter(successors.contains)
        if found.count == 1 {
            return CountryResolution(country: found[0], evidence: "former state \"\(label(clue))\": successor \(found[0]) by \(placeLabel(for: found[0]))", rule: .formerState)
        }
        return .unresolved("former state \"\(label(clue))\" with no city or region naming one successor state", rule: .formerState)
    }

    /// Rule `place-after-country-name`: a place of another country in a
    /// later part than the name, with no country name after it, is the
    /// address ("Beth Israel Deaconess Med Ctr, Boston, MA"; "Corso Svizzera
    /// 185, Torino 10149").
    private func placeAfterCountryName(_ clue: ResolverClue, _ code: CountryCode) -> CountryResolution? {
        guard let later = laterPlace(after: clue, excluding: code) else { return nil }
        return CountryResolution(country: later.code, evidence: "\(later.label) after \"\(label(clue))\"", rule: .placeAfterCountryName)
    }

    /// Rule `territory-before-state`: a territory named before its state
    /// keeps its own code.
    private func territoryBeforeState(_ clue: ResolverClue, _ code: CountryCode) -> CountryResolution? {
        for other in countries where other.range.lowerBound < clue.range.lowerBound && other.kind == .country {
            if let t = other.countries.first, CountryNames.sovereignCode[t] == code {
                return CountryResolution(country: t, evidence: "territory \"\(label(other))\" within \"\(label(clue))\"", rule: .territoryBeforeState)
            }
        }
        return nil
    }

    /// Rule `territory-by-place`: by a place alone only for the study's
    /// territories (HK, MO, TW under CN; PR under US): "Saint André" is also
    /// a town of Réunion.
    private func territoryByPlace(_ clue: ResolverClue, _ code: CountryCode, _ places: [CountryCode]) -> CountryResolution? {
        guard code.description == "CN" || code.description == "US" else { return nil }
        for t in places where CountryNames.sovereignCode[t] == code {
            return CountryResolution(country: t, evidence: "territory by \(placeLabel(for: t)) within \"\(label(clue))\"", rule: .territoryByPlace)
        }
        return nil
    }

    /// Rule `country-name`.
    private func countryName(_ clue: ResolverClue, _ code: CountryCode) -> CountryResolution {
        CountryResolution(country: code, evidence: "country name \"" + label(clue) + "\"", rule: .countryName)
    }

    /// The last place (division, postcode or unambiguous city) in a part
    /// after the country name, when it belongs to another country.
    private func laterPlace(after clue: ResolverClue, excluding code: CountryCode) -> (code: CountryCode, label: String)? {
        var best: ResolverClue?
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
        return CountryResolution(country: code, evidence: "country code \"\(raw)\" as the last part", rule: .isoCode)
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
        return CountryResolution(country: last.countries[0], evidence: what + suffix, rule: .region)
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
            return CountryResolution(country: codes[0], evidence: "organization \"" + label(clue) + "\" (ROR)", rule: .organization)
        }
        if codes.count > 1 {
            let agreeing = codes.filter(cityCodes.contains)
            if agreeing.count == 1, let clue = decisive.last(where: { $0.decisive == agreeing[0] }) {
                return CountryResolution(country: agreeing[0], evidence: "organization \"\(label(clue))\" (ROR) with \(placeLabel(for: agreeing[0]))", rule: .organizationWithCity)
            }
            return nil
        }
        // Names several countries use decide only with a city in one of them.
        for clue in organizations.reversed() {
            var candidates = Set(clue.countries)
            for city in cities { candidates.formIntersection(city.decisive.map { [$0] } ?? city.countries) }
            if !cities.isEmpty, candidates.count == 1, let code = candidates.first {
                return CountryResolution(country: code, evidence: "organization \"\(label(clue))\" (ROR, several countries) with city \"\(label(cities.last!))\"", rule: .sharedOrganizationWithCity)
            }
        }
        return nil
    }

    private func decideByCity() -> CountryResolution? {
        guard !cities.isEmpty else { return nil }

        let decisive = cities.filter { $0.decisive != nil }
        let codes = Set(decisive.compactMap(\.decisive))
        if codes.count == 1, let clue = decisive.last, let code = clue.decisive {
            return CountryResolution(country: code, evidence: "city \"\(label(clue))\" (GeoNames\(populationNote(clue)))", rule: .city)
        }
        if codes.isEmpty {
            var candidates = Set(cities[0].countries)
            for c in cities.dropFirst() { candidates.formIntersection(c.countries) }
            if cities.count > 1, candidates.count == 1, let code = candidates.first {
                return CountryResolution(country: code, evidence: "cities \(cities.map { "\"\(label($0))\"" }.joined(separator: ", ")) (GeoNames, only \(code) has all)", rule: .citiesInOneCountry)
            }
        }
        return nil
    }

    private func populationNote(_ clue: ResolverClue) -> String {
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
            return CountryResolution(country: code, evidence: "e-mail domain \"\(domain)\"", rule: .emailDomain)
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
        if orgCodes.count == 1, let o = organizations.last(where: { $0.decisive != nil }), let c = cityCodes.sorted().first(where: { !orgCodes.contains($0) }) {
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
