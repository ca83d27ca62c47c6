/// `Method_comparison_<region>.tsv`: each country's latest-year share and
/// rank under every preset and counting method, and how far the rank moves
/// from the study's (author-fractional, first affiliations, `N_t`).
///
/// One row per country and variant, countries by their study share (largest
/// first, then code), variants in ``PresetComparison/variants`` order.
/// `rank` is 1 for the largest share, equal shares sharing the better rank;
/// `rank_change` is the study's rank minus this one (+2: two places higher
/// than under the study's rules), empty when the country has no share in one
/// of the two (HK under a rule that counts it as CN).
public enum PresetComparisonTable {
    public static func fileName(_ region: Region) -> String { "Method_comparison_\(region.weightedFileSuffix).tsv" }

    public static func tsv(_ comparison: PresetComparison, region: Region) -> String {
        var out = "country\tyear\tpreset\tmethod\tshare_percent\trank\trank_change\n"
        guard let year = comparison.years[region] else { return out }
        let measures = comparison.measures(region)
        let ranks = measures.map(Self.ranks)
        var countries = Set<CountryCode>()
        for m in measures { countries.formUnion(m.tally.weights.keys) }
        let study = measures.first
        let order = countries.sorted { a, b in
            let sa = study?.weight(a) ?? 0, sb = study?.weight(b) ?? 0
            return sa != sb ? sa > sb : a < b
        }
        for c in order {
            for (i, variant) in PresetComparison.variants.enumerated() {
                let rank = ranks[i][c]
                let share = rank == nil ? "" : measures[i].share(c).map(NumberFormat.exact) ?? ""
                var change = ""
                if let rank, let base = ranks[0][c] { change = String(base - rank) }
                out += "\(c)\t\(year)\t\(variant.preset)\t\(variant.method)\t\(share)\t\(rank.map(String.init) ?? "")\t\(change)\n"
            }
        }
        return out
    }

    /// Competition ranks (1 = largest weight) of the countries with a positive weight.
    static func ranks(_ m: ShareMeasures) -> [CountryCode: Int] {
        let entries = m.tally.weights.filter { $0.value > 0 }.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        var out: [CountryCode: Int] = [:]
        for (position, entry) in entries.enumerated() {
            out[entry.key] = position > 0 && entry.value == entries[position - 1].value ? out[entries[position - 1].key]! : position + 1
        }
        return out
    }
}
