/// The plain-text summary `rareshare figures` prints: who leads each region in
/// the last year, the focus countries' shares and solo ratios in the first and
/// last year, and the largest collaboration pairs.
public struct FigureSummary: Sendable {
    public var tally: ShareTally
    public var years: [Int]
    public var regions: [Region]
    public var focus: [CountryCode]
    /// What was counted ("substances" or "publications").
    public var noun = "substances"
    /// Leaders listed per region, and collaboration pairs listed.
    public var count = 3
    public var pairCount = 5

    public init(tally: ShareTally, years: [Int], regions: [Region], focus: [CountryCode]) {
        self.tally = tally
        self.years = years
        self.regions = regions
        self.focus = focus
    }

    private func pct(_ v: Double?) -> String { v.map { NumberFormat.fixed($0) + "%" } ?? "n/a" }

    public var text: String {
        guard let first = years.first, let last = years.last else { return "No years in the tables.\n" }
        var out = "Leaders in \(last) (share of the region's new \(noun)):\n"
        let shown = regions.filter(tally.populatedRegions.contains)
        let width = shown.map(\.description.count).max() ?? 0
        for region in shown {
            let m = ShareMeasures(tally.tally(region, last))
            let ranked = m.tally.weights.filter { $0.key != CountryLabels.unresolved && $0.value > 0 }
                .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .prefix(count)
            let names = ranked.map { "\(CountryLabels.name($0.key)) \(pct(m.share($0.key)))" }
            let pad = String(repeating: " ", count: width - region.description.count)
            out += "  \(region)\(pad)  " + (names.isEmpty ? "no attributed substances" : names.joined(separator: ", ")) + "\n"
        }
        if shown.contains(.all) {
            out += "\nAll \(noun), \(first) → \(last):\n"
            let a = ShareMeasures(tally.tally(.all, first)), b = ShareMeasures(tally.tally(.all, last))
            for c in focus {
                out += "  \(CountryLabels.name(c)): share \(pct(a.share(c))) → \(pct(b.share(c)));"
                out += " solo ratio \(pct(a.soloRatio(c))) → \(pct(b.soloRatio(c)))\n"
            }
            var totals: [CountrySet: Int] = [:]
            for y in years {
                for (k, n) in tally.tally(.all, y).exactSets where k.count == 2 && !k.contains(CountryLabels.unresolved) {
                    totals[k, default: 0] += n
                }
            }
            let pairs = totals.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(pairCount)
            if !pairs.isEmpty {
                out += "\nLargest collaboration pairs (\(noun) with exactly these two countries, \(first)–\(last)):\n"
                let w = pairs.map { CountryLabels.name($0.key).count }.max() ?? 0
                let nw = pairs.map { String($0.value).count }.max() ?? 0
                for (k, n) in pairs {
                    let label = CountryLabels.name(k), count = String(n)
                    let gap = String(repeating: " ", count: w - label.count + nw - count.count)
                    out += "  \(label)\(gap)  \(count)  (\(pct(b.collaborationShare(k))) in \(last))\n"
                }
            }
        }
        return out
    }
}
