/// The chain behind one counted unit, for `rareshare explain`: the first
/// report of a substance (citation, year), its DOI, the bibliographic record
/// kept for that DOI and where it was read, every author with affiliation,
/// evidence and country, and the unit's weight per country under the rules.
///
/// It reads the same inputs as a run and makes the same choices (earliest
/// report, ties to the block listed first, an earlier record of the same
/// substance replaced only by a strictly earlier year; the first record read
/// for a DOI wins), but one record at a time and without the run's indexes,
/// since only one unit is wanted.
/// - Complexity: one sequential pass over each input file.
public struct UnitExplainer {
    public var options: AnalysisOptions

    public init(options: AnalysisOptions) { self.options = options }

    /// What to explain.
    public enum Target: Sendable, Equatable {
        case doi(String)
        case substance(String)
    }

    /// The explanation as lines of text; the last line says why the chain
    /// stops when it does (no such substance, no DOI, no record).
    public func explain(_ target: Target) throws -> String {
        var out = ""
        let doi: String
        switch target {
        case .doi(let raw):
            doi = DOI.normalize(raw) ?? raw.lowercased()
        case .substance(let xrn):
            guard let found = try firstReport(of: xrn, into: &out) else { return out }
            doi = found
        }
        out += "DOI: \(doi)\n"
        guard let (work, file, others) = try record(doi: doi) else {
            return out + "No bibliographic record with this DOI was read: the unit is unattributed.\n"
        }
        out += "Record kept: \(file) [\(work.source.rawValue)]" + (work.year.map { ", year \($0)" } ?? "")
            + (work.title.map { ", \"\($0)\"" } ?? "") + "\n"
        if others > 0 { out += "  (\(others) later records with this DOI were left out: the first one read wins)\n" }
        out += authorLines(work)
        out += weightLines(work)
        return out
    }

    /// Finds the substance's first report; returns its DOI, or `nil` after saying why there is none.
    private func firstReport(of xrn: String, into out: inout String) throws -> String? {
        var citations: [String: Citation] = [:]
        for file in options.citationFiles {
            var log = ProblemLog()
            _ = try ReaxysCitationReader().read(path: file, log: &log) { c in
                if citations[c.id] == nil { citations[c.id] = c }
            }
        }
        var best: (year: Int?, citation: String?, file: String, formula: String?)?
        for file in options.substanceFiles {
            var log = ProblemLog()
            _ = try ReaxysSubstanceReader().read(path: file, log: &log) { s in
                guard s.registryNumber == xrn else { return }
                var chosen: (year: Int?, citation: String?)?
                for r in s.reports {
                    let year = r.year ?? r.citationID.flatMap { citations[$0]?.year }
                    if chosen == nil || (year != nil && (chosen!.year.map { year! < $0 } ?? true)) { chosen = (year, r.citationID) }
                }
                guard let chosen else { return }
                if best == nil || (chosen.year != nil && (best!.year.map { chosen.year! < $0 } ?? true)) {
                    best = (chosen.year, chosen.citation, file, s.formula ?? best?.formula)
                }
            }
        }
        guard let best else {
            out += "No substance record with registry number \(xrn) was read.\n"
            return nil
        }
        var regions = RegionSet.all
        if let formula = best.formula {
            regions = Array(formula.utf8).withUnsafeBufferPointer { FormulaProfile(bytes: $0).regions }
        }
        let regionNames = Region.allCases.filter { regions.contains($0) }.map(\.description).joined(separator: ", ")
        let formulaText = best.formula.map { ", formula \($0)" } ?? ""
        out += "Substance \(xrn)\(formulaText), regions \(regionNames)\n"
        out += "First report: citation \(best.citation ?? "(none)"), year \(best.year.map(String.init) ?? "unknown") (\(best.file))\n"
        guard let id = best.citation, let citation = citations[id] else {
            out += "The citation is not in the citation exports: the unit is unattributed.\n"
            return nil
        }
        guard let doi = citation.doi.flatMap({ DOI.normalize($0) }) else {
            out += "The citation has no DOI: the unit is unattributed.\n"
            return nil
        }
        return doi
    }

    /// The first record read with `doi`, its file, and how many later ones were left out.
    private func record(doi: String) throws -> (Work, String, Int)? {
        var kept: (Work, String)?
        var others = 0
        for file in options.workFiles {
            let reader = try FormatDetector.workReader(for: file, override: options.workFormat)
            var log = ProblemLog()
            _ = try reader.read(path: file, log: &log) { work in
                guard let d = work.doi.flatMap({ DOI.normalize($0) }), d == doi else { return }
                if kept == nil { kept = (work, file) } else { others += 1 }
            }
        }
        return kept.map { ($0.0, $0.1, others) }
    }

    /// One line per author and one per affiliation: the country and the evidence for it.
    private func authorLines(_ work: Work) -> String {
        var out = "Authors (\(work.authors.count)); affiliations counted: \(options.rules.affiliations.rawValue)\n"
        for (i, author) in work.authors.enumerated() {
            out += "  \(i + 1). \(author.name ?? "(no name)")" + (author.isCorresponding == true ? " [corresponding]" : "") + "\n"
            if author.affiliations.isEmpty { out += "     no affiliation: no country\n" }
            for (k, a) in author.affiliations.enumerated() {
                let counted = options.rules.affiliations == .all || k == 0
                let (country, evidence) = resolve(a)
                let folded = country.map(options.rules.territories.fold)
                let shown = folded.map { $0 == country ? $0.description : "\(country!) counted as \($0)" } ?? "no country"
                out += "     \(counted ? "*" : " ") \(a.raw ?? a.institutionID ?? "(no text)") → \(shown) (\(evidence))\n"
            }
        }
        return out
    }

    private func resolve(_ a: Affiliation) -> (CountryCode?, String) {
        if let code = a.countryCode { return (code, "country given by the source") }
        guard let raw = a.raw, !raw.isEmpty else { return (nil, "no affiliation text") }
        let r = options.resolver.resolve(raw)
        return (r.country, r.evidence)
    }

    /// The unit's weight per country under the rules, and what the rules were.
    private func weightLines(_ work: Work) -> String {
        var attributor = CountryAttributor(resolver: options.resolver, policy: options.rules.affiliations)
        let unit = AttributedUnit(year: work.year ?? 0, regions: .all, authorship: attributor.attribute(work))
        var out = "Weights (\(options.rules)):\n"
        guard let authorship = options.rules.authorship(of: unit) else { return out + "  none: no author has a country\n" }
        let weights = options.rules.weights(of: authorship)
        if weights.isEmpty { out += "  none: the method cannot credit this unit\n" }
        for (c, w) in weights { out += "  \(c)\t\(w)\n" }
        let sum = weights.reduce(0) { $0 + $1.1 }
        out += "  sum\t\(sum)" + (authorship.unattributedAuthors > 0 ? " (\(authorship.unattributedAuthors) of \(authorship.bylineCount) authors without a country)" : "") + "\n"
        return out
    }
}
