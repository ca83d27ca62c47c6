/// The measures of a run as long-form rows (region, year, measure, key,
/// value), the shape spreadsheets and data-frame libraries read best.
public enum LongFormRows {
    public struct Row: Sendable, Equatable {
        public var region: Region
        public var year: Int
        public var measure: String
        /// Country code, country set (`CN,US`), pair (`CN w/o US`) or empty.
        public var key: String
        public var value: Double
    }

    /// Every measure of METRICS.md for every region and year, in a fixed order.
    public static func rows(_ tally: ShareTally) -> [Row] {
        var out: [Row] = []
        let years = PaperTables.yearSpan(tally)
        for region in tally.populatedRegions {
            for year in years {
                let t = tally.tally(region, year)
                let m = tally.measures(region, year)
                out.append(Row(region: region, year: year, measure: "units", key: "", value: Double(t.units)))
                out.append(Row(region: region, year: year, measure: "attributed", key: "", value: Double(t.attributed)))
                if let c = m.coverage { out.append(Row(region: region, year: year, measure: "coverage_percent", key: "", value: c)) }
                for c in t.weights.keys.sorted() {
                    let k = c.description
                    out.append(Row(region: region, year: year, measure: "weight", key: k, value: m.weight(c)))
                    if let s = m.share(c) { out.append(Row(region: region, year: year, measure: "share_percent", key: k, value: s)) }
                    if let s = m.shareCeiling(c) { out.append(Row(region: region, year: year, measure: "share_ceiling_percent", key: k, value: s)) }
                    out.append(Row(region: region, year: year, measure: "alone_count", key: k, value: Double(m.aloneCount(c))))
                    if let s = m.aloneShare(c) { out.append(Row(region: region, year: year, measure: "alone_percent", key: k, value: s)) }
                    if let s = m.soloRatio(c) { out.append(Row(region: region, year: year, measure: "solo_ratio_percent", key: k, value: s)) }
                    out.append(Row(region: region, year: year, measure: "full_count", key: k, value: Double(m.fullCount(c))))
                }
                for set in t.exactSets.keys.sorted() where set.isInternational {
                    let k = set.description
                    out.append(Row(region: region, year: year, measure: "set_count", key: k, value: Double(m.exactSetCount(set))))
                    if let s = m.collaborationShare(set) { out.append(Row(region: region, year: year, measure: "set_percent", key: k, value: s)) }
                    out.append(Row(region: region, year: year, measure: "joint_count", key: k, value: Double(m.jointCount(set))))
                }
                for pair in tally.pairs {
                    if let s = m.shareWithout(pair) {
                        out.append(Row(region: region, year: year, measure: "without_percent", key: pair.description, value: s))
                    }
                }
            }
        }
        return out
    }
}
