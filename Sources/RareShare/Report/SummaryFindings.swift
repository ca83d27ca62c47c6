/// The findings under a ``RunSummary``: short sentences computed from the
/// same tallies, so a reader gets the story without reading the tables.
///
/// - each region's leader in the latest year and its multiple of the next country;
/// - the largest rises and falls of share since the first year (all units);
/// - solo ratios, first → latest year, of the leading countries;
/// - the year the current leader passed the previous one;
/// - the largest two-country collaborations over the period.
/// Lines of ``RunSummary/extraFindings`` follow.
struct SummaryFindings {
    var summary: RunSummary
    /// Rises, falls and solo ratios listed at most.
    var count = 3

    var text: String {
        var lines: [String] = []
        for region in summary.regions { lines += leader(region) }
        if let region = summary.regions.first {
            lines += changes(region)
            lines += soloRatios(region)
            lines += succession(region)
            lines += pairs(region)
        }
        lines += summary.extraFindings
        guard !lines.isEmpty else { return "" }
        return "Findings\n" + lines.map { "  " + $0 + "\n" }.joined()
    }

    private func span(_ region: Region) -> (first: Int, last: Int)? {
        let years = summary.countedYears(region)
        guard let f = years.first, let l = years.last else { return nil }
        return (f, l)
    }

    private func ranked(_ region: Region) -> [RunSummary.Ranked] {
        guard let (f, l) = span(region) else { return [] }
        return summary.rankedCountries(region, first: f, last: l)
    }

    /// "All substances: China (CN) leads in 2022 with 41.00%, 3.73× United States (US) (11.00%)."
    func leader(_ region: Region) -> [String] {
        guard let (_, last) = span(region) else { return ["\(summary.heading(region)): none in these years."] }
        let r = ranked(region)
        guard let top = r.first, top.last > 0 else { return ["\(summary.heading(region)): no country attributed in \(last)."] }
        var line = "\(summary.heading(region)): \(CountryLabels.named(top.code)) leads in \(last) with \(RunSummary.percent(top.last))"
        if r.count > 1, r[1].last == top.last {
            line += ", tied with \(CountryLabels.named(r[1].code))"
        } else if r.count > 1, r[1].last > 0 {
            line += ", \(NumberFormat.fixed(top.last / r[1].last))× the next, \(CountryLabels.named(r[1].code)) (\(RunSummary.percent(r[1].last)))"
        } else {
            line += ", the only country with a share"
        }
        return [line + "."]
    }

    /// The largest rises and falls in percentage points, first → latest year.
    func changes(_ region: Region) -> [String] {
        guard let (first, last) = span(region), first < last else { return [] }
        let r = ranked(region)
        func list(_ items: [RunSummary.Ranked]) -> String {
            items.map { "\(CountryLabels.named($0.code)) \(NumberFormat.pointChange($0.last - $0.first))" }.joined(separator: ", ")
        }
        let rises = r.filter { $0.last > $0.first }.sorted { ($0.last - $0.first, $1.code) > ($1.last - $1.first, $0.code) }
        let falls = r.filter { $0.last < $0.first }.sorted { ($0.last - $0.first, $0.code) < ($1.last - $1.first, $1.code) }
        var lines: [String] = []
        if !rises.isEmpty { lines.append("Largest rises in share since \(first): \(list(Array(rises.prefix(count))))") }
        if !falls.isEmpty { lines.append("Largest falls in share since \(first): \(list(Array(falls.prefix(count))))") }
        return lines
    }

    /// Solo ratio (alone count in % of weight), first → latest year, of the leaders.
    func soloRatios(_ region: Region) -> [String] {
        guard let (first, last) = span(region) else { return [] }
        let a = ShareMeasures(summary.tally.tally(region, first)), b = ShareMeasures(summary.tally.tally(region, last))
        let leaders = ranked(region).filter { $0.last > 0 }.prefix(count)
        guard !leaders.isEmpty else { return [] }
        func ratio(_ v: Double?) -> String { v.map(RunSummary.percent) ?? "–" }
        let items = leaders.map { "\(CountryLabels.named($0.code)) \(ratio(a.soloRatio($0.code))) → \(ratio(b.soloRatio($0.code)))" }
        return ["Solo ratio (\(summary.noun) with no foreign co-author, % of weight), \(first) → \(last): " + items.joined(separator: "; ")]
    }

    /// When the latest year's leader took the lead (and from whom), or that it led throughout.
    func succession(_ region: Region) -> [String] {
        let years = summary.countedYears(region)
        let leaders: [(year: Int, code: CountryCode)] = years.compactMap { y in
            let w = summary.tally.tally(region, y).weights.filter { $0.key != CountryLabels.unresolved && $0.value > 0 }
            guard let best = w.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }) else { return nil }
            return (y, best.key)
        }
        guard let current = leaders.last, leaders.count > 1 else { return [] }
        var start = leaders.count - 1
        while start > 0 && leaders[start - 1].code == current.code { start -= 1 }
        let name = CountryLabels.named(current.code)
        guard start > 0 else { return ["\(name) led \(summary.heading(region).lowercased()) in every year, \(leaders[0].year)–\(current.year)."] }
        let previous = leaders[start - 1]
        return ["\(name) passed \(CountryLabels.named(previous.code)) as the leader of \(summary.heading(region).lowercased()) in \(leaders[start].year) and has led since."]
    }

    /// The two-country sets with most units over the period.
    func pairs(_ region: Region) -> [String] {
        guard let (first, last) = span(region) else { return [] }
        var totals: [CountrySet: Int] = [:]
        for y in summary.years {
            for (k, n) in summary.tally.tally(region, y).exactSets where k.count == 2 && !k.contains(CountryLabels.unresolved) {
                totals[k, default: 0] += n
            }
        }
        let top = totals.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(count)
        guard !top.isEmpty else { return [] }
        let items = top.map { "\($0.key.members.map(CountryLabels.named).joined(separator: " – ")) \(NumberFormat.grouped($0.value))" }
        return ["Largest two-country collaborations, \(first)–\(last) (\(summary.noun) with exactly these countries): " + items.joined(separator: "; ")]
    }
}
