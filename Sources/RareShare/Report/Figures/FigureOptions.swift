/// What the figures show. Every field defaults to the paper's choice, so
/// `FigureOptions()` regenerates the paper's figures.
public struct FigureOptions: Sendable {
    /// Countries of the share charts; `nil` keeps the paper's list per figure.
    public var countries: [CountryCode]?
    /// Collaboration sets of the collaboration charts; `nil` keeps the paper's lists.
    public var sets: [CountrySet]?
    /// Regions to draw.
    public var regions: [Region] = Region.allCases
    /// First and last year shown; `nil` shows every year of the totals.
    public var years: ClosedRange<Int>?
    /// Length of the top-country and top-collaboration lists.
    public var topCount = 10
    /// Countries whose lines are emphasised and whose solo ratios are shown.
    public var focus: [CountryCode] = [CountryCode("CN"), CountryCode("US")].compactMap { $0 }
    /// Draw the count charts (Figure 2a) on a logarithmic axis: the rare-earth
    /// count is a few percent of all substances and flat on a linear one.
    public var logScaleCounts = false

    public init() {}
}

/// The paper's processed tables as specifications, and the ones no aggregate
/// table can give.
public enum PaperFigures {
    private static func codes(_ list: String) -> [CountryCode] {
        list.split(separator: " ").compactMap { CountryCode($0) }
    }

    private static func sets(_ list: String) -> [CountrySet] {
        list.split(separator: " ").compactMap { CountrySet(key: $0.replacingOccurrences(of: "-", with: ",")) }
    }

    /// The countries and sets the paper draws, per figure.
    static let paperCountries: [String: [CountryCode]] = [
        "Figure1a": codes("CN US IN JP DE RU GB FR"),
        "Figure2b": codes("US DE JP ES CA GB FR IN CN RU"),
        "Figure2d": codes("CN RU US DE IN FR JP GB ES PL"),
        "FigureS5": codes("CN US IN DE JP RU GB FR KR ES"),
    ]
    static let paperSets: [String: [CountrySet]] = [
        "Figure1b": sets("CN-US GB-US DE-US JP-US IN-US CA-US IT-US CN-JP"),
        "Figure2c": sets("GB-US IN-US DE-US CN-US CA-US DE-FR FR-US DE-RU ES-IT DE-ES"),
        "Figure2e": sets("CN-US CN-JP FR-US DE-RU DE-FR FR-RU AU-CN DE-US PL-UA FR-TN"),
        "FigureS6": sets("CN-US GB-US JP-US IN-US DE-US CA-US IT-US CN-JP DE-GB DE-FR"),
    ]

    /// Processed tables that aggregate tables can never give, with the reason.
    public static let alwaysUnderived: [UnderivedTable] = [
        UnderivedTable("Figure1d", "GDP per capita growth is external World Bank data, not in the tables"),
        UnderivedTable("FigureS2", "its values are no function of the tables or the World Bank table (checked: their ratio to researchers per million, weights, full counts and shares changes from year to year); they look like an external series (R&D expenditure in % of GDP would fit the 1996 values 0.56 and 2.45)"),
        UnderivedTable("FigureS3", "its values are no function of the tables or the World Bank table (same checks as FigureS2)"),
        UnderivedTable("FigureS4_organicKW", "needs keyword counts from publication titles, not in the tables"),
        UnderivedTable("FigureS4_organoMetallicKW", "needs keyword counts from publication titles, not in the tables"),
    ]

    private static func shareRows(_ list: [CountryCode], focus: [CountryCode], codesAsLabels: Bool = false) -> [FigureRow] {
        list.map { FigureRow(codesAsLabels ? $0.description : CountryLabels.name($0), .share($0), emphasised: focus.contains($0)) }
    }

    private static func setRows(_ list: [CountrySet], focus: [CountryCode]) -> [FigureRow] {
        list.map { FigureRow(CountryLabels.name($0), .collaborationShare($0), emphasised: focus.allSatisfy($0.contains)) }
    }

    /// The specifications to regenerate with these options and inputs, and
    /// the paper's tables (or rows) left out, with the reason.
    public static func specs(_ options: FigureOptions, inputs: FigureInputs) -> (specs: [ProcessedTableSpec], underived: [UnderivedTable]) {
        var specs: [ProcessedTableSpec] = []
        var underived = alwaysUnderived
        let populated = inputs.tally.populatedRegions
        let focus = options.focus
        func countries(_ name: String) -> [CountryCode] { options.countries ?? paperCountries[name] ?? [] }
        func collabs(_ name: String) -> [CountrySet] { options.sets ?? paperSets[name] ?? [] }
        func wanted(_ region: Region, _ name: String) -> Bool {
            guard options.regions.contains(region) else { return false }
            if !populated.contains(region) {
                underived.append(UnderivedTable(name, "the folder has no \(region) tables"))
                return false
            }
            return true
        }
        let noun = inputs.unitNoun
        let unit = "% of new \(noun)"

        if wanted(.all, "Figure1a") {
            var rows = shareRows(countries("Figure1a"), focus: focus)
            if inputs.hasAuthorLevelSums, focus.count == 2 {
                let (a, b) = (focus[0], focus[1])
                rows.append(FigureRow("\(CountryLabels.name(a)) w/o \(CountryLabels.name(b))", .shareWithout(CountryPair(a, without: b)),
                                      emphasised: true, group: CountryLabels.name(a)))
                rows.append(FigureRow("\(CountryLabels.name(b)) w/o \(CountryLabels.name(a))", .shareWithout(CountryPair(b, without: a)),
                                      emphasised: true, group: CountryLabels.name(b)))
            } else {
                underived.append(UnderivedTable("Figure1a (rows 'China w/o US', 'US w/o China')",
                                                "'c without d' needs each substance's author countries (author-level data); the raw tables hold only per-country sums and per-set counts"))
            }
            for c in focus.reversed() {
                rows.append(FigureRow(c.description == "US" ? "USA alone" : "\(c) alone", .aloneShare(c), emphasised: true,
                                      group: CountryLabels.name(c)))
            }
            specs.append(ProcessedTableSpec(name: "Figure1a", title: "Share of new \(noun) by country",
                                            region: .all, corner: "Country", rows: .listed(rows), axisLabel: "Share (\(unit))"))
        }
        if wanted(.all, "Figure1b") {
            specs.append(ProcessedTableSpec(name: "Figure1b", title: "New \(noun) by exactly these countries",
                                            region: .all, rows: .listed(setRows(collabs("Figure1b"), focus: focus)), axisLabel: "Share (\(unit))"))
        }
        if wanted(.all, "Figure1c"), focus.count == 2 {
            let (a, b) = (focus[0], focus[1])
            let pair = CountrySet([a, b])
            var rows = focus.map { FigureRow("\($0) alone/\($0)", .soloRatio($0), emphasised: true, group: CountryLabels.name($0)) }
            rows += focus.map { FigureRow("\(a)-\(b) collab/\($0)", .jointRatio(pair, over: $0), emphasised: true, axis: .right,
                                          group: CountryLabels.name($0)) }
            specs.append(ProcessedTableSpec(name: "Figure1c", title: "Solo ratio and joint \(noun) per unit of weight",
                                            region: .all, rows: .listed(rows), axisLabel: "Solo ratio (% of weight)",
                                            rightAxisLabel: "Joint count / weight (ratio)"))
        }
        let totals = populated.filter(options.regions.contains).map { r in
            FigureRow(noun == "substances" ? r.totalsRowLabel : "All \(noun)", .units, region: r)
        }
        specs.append(ProcessedTableSpec(name: "Figure2a", title: "New \(noun) per year by region",
                                        region: .all, rows: .listed(totals), precision: .integer, axisLabel: "New \(noun) (count)"))
        for (name, region, label) in [("Figure2b", Region.organometallic, "organometallics"), ("Figure2d", .rareEarth, "rare-earth substances"),
                                      ("FigureS5", .organic, "organic substances")] where wanted(region, name) {
            specs.append(ProcessedTableSpec(name: name, title: "Share of new \(label) by country", region: region,
                                            corner: name == "Figure2b" ? "X" : "",
                                            rows: .listed(shareRows(countries(name), focus: focus, codesAsLabels: name == "FigureS5")),
                                            precision: .twoDecimalsViaThree, axisLabel: "Share (% of new \(label))"))
        }
        for (name, region, label) in [("Figure2c", Region.organometallic, "organometallics"), ("Figure2e", .rareEarth, "rare-earth substances"),
                                      ("FigureS6", .organic, "organic substances")] where wanted(region, name) {
            specs.append(ProcessedTableSpec(name: name, title: "New \(label) reported by exactly these countries", region: region,
                                            rows: .listed(setRows(collabs(name), focus: focus)), axisLabel: "Share (% of new \(label))"))
        }
        if options.regions.contains(.all) {
            if inputs.hasMatchedCounts {
                specs.append(ProcessedTableSpec(name: "FigureS1", title: "Coverage: \(noun) with at least one attributed author",
                                                region: .all, rows: .listed([
                                                    FigureRow(noun == "substances" ? "Reaxys substances" : "Publications", .units, precision: .integer, axis: .hidden),
                                                    FigureRow("Merged data", .attributed, precision: .integer, axis: .hidden),
                                                    FigureRow("Percentage", .coverage, emphasised: true)]),
                                                precision: .decimals(2),
                                                axisLabel: "Coverage (% of new \(noun))", isTransposed: true))
            } else {
                underived.append(UnderivedTable("FigureS1", "the number of substances matched to a bibliographic record ('Merged data') is not in the raw tables (the sum of Absolute_collab_allSubs is a different count); a run's Coverage.tsv gives it"))
            }
        }
        for (name, region, rows) in [("FigureS7a_b", Region.organometallic, FigureRowSource.elements),
                                     ("FigureS7d_e", .rareEarth, .elements), ("FigureS7f_g", .rareEarth, .compositions)] {
            guard options.regions.contains(region) else { continue }
            let present = rows == .elements ? inputs.elementRegions.contains(region) : inputs.compositionRegions.contains(region)
            guard present else {
                underived.append(UnderivedTable(name, "the folder has no \(rows == .elements ? "element" : "composition") counts for \(region)"))
                continue
            }
            let what = rows == .elements ? "element" : "composition"
            specs.append(ProcessedTableSpec(name: name, title: "New \(region) formulas by \(what)", region: region,
                                            rows: rows, precision: .shortest, axisLabel: "Share (% of new \(region) formulas)",
                                            chartRowLimit: 10))
        }
        return (specs, underived)
    }
}
