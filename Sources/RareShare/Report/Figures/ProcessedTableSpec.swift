/// One quantity a processed table shows per year, named in METRICS.md's terms.
///
/// Every case is computed by ``ShareMeasures`` from one region-year's
/// ``YearlyTally``, so the same definition serves a run's own tallies and
/// tallies rebuilt from the paper's published tables.
public enum FigureMeasure: Sendable, Hashable {
    /// `100 · w_c,t / N_t`.
    case share(CountryCode)
    /// `100 · #{S(s) = {c}} / N_t`.
    case aloneShare(CountryCode)
    /// `100 · Σ_{c∈S, d∉S} a_c,s/|A(s)| / N_t`; needs author-level sums.
    case shareWithout(CountryPair)
    /// `100 · (c alone) / w_c,t`.
    case soloRatio(CountryCode)
    /// `100 · #{S(s) = K} / N_t`.
    case collaborationShare(CountrySet)
    /// `#{K ⊆ S(s)} / w_c,t` (a ratio, not a percentage).
    case jointRatio(CountrySet, over: CountryCode)
    /// `N_t`.
    case units
    /// Units with at least one attributed author.
    case attributed
    /// `100 · attributed / N_t`.
    case coverage
    /// Percent of the region's new formulas of the year containing this element.
    case element(String)
    /// Percent of the region's new formulas of the year with exactly this composition.
    case composition(String)
}

/// How a table's cells are printed, matching how the paper printed each table.
public enum CellPrecision: Sendable, Hashable {
    /// Fixed decimals, rounding the exact binary value (the paper's Figure 1a–c,
    /// 2c, 2e, S6).
    case decimals(Int)
    /// Two decimals after an intermediate rounding to three, half away from
    /// zero: the paper's Figure 2b, 2d and S5 were printed that way (for
    /// example 9.68496 → 9.685 → 9.69), and agreement cell by cell needs the
    /// same two steps.
    case twoDecimalsViaThree
    /// Shortest text that reads back as the same `Double` (the paper's S7
    /// tables print full precision); empty where the count is zero.
    case shortest
    /// Whole numbers (yearly totals and counts).
    case integer
    /// Significant digits, trailing zeros dropped (the paper's Figure 1e
    /// prints ten: `545374.8589`, `1121168.087`).
    case significant(Int)
}

/// One row of a processed table: the label printed and the measure behind it.
public struct FigureRow: Sendable, Hashable {
    public var label: String
    public var measure: FigureMeasure
    /// Drawn thicker and darker in charts (China and the US in the paper).
    public var isEmphasised: Bool
    /// Which y axis the row is drawn against in the chart (or not drawn).
    public var axis: ChartAxis
    /// Emphasised rows of one group share a colour in the chart (see ``ChartSeries/group``).
    public var group: String?
    /// The row's own region, for tables across regions (Figure 2a); `nil` uses the table's.
    public var region: Region?
    /// The row's own printing, for tables mixing counts and percentages (FigureS1).
    public var precision: CellPrecision?

    public init(_ label: String, _ measure: FigureMeasure, emphasised: Bool = false,
                region: Region? = nil, precision: CellPrecision? = nil, axis: ChartAxis = .left, group: String? = nil) {
        self.axis = axis
        self.group = group
        self.label = label
        self.measure = measure
        self.isEmphasised = emphasised
        self.region = region
        self.precision = precision
    }
}

/// Where a table's rows come from when they are not listed one by one: the
/// S7 tables have one row per element or composition present in the data.
public enum FigureRowSource: Sendable, Hashable {
    case listed([FigureRow])
    case elements
    case compositions
}

/// The description of one processed table and its figure: which region,
/// which rows, how cells are printed, and how the chart is labelled.
public struct ProcessedTableSpec: Sendable, Hashable {
    /// File stem, e.g. `Figure1a` (written as `Figure1a.tsv` and `Figure1a.svg`).
    public var name: String
    public var title: String
    public var region: Region
    /// Header's first cell, as the paper prints it (`Country`, `X`, or empty).
    public var corner: String
    public var rows: FigureRowSource
    public var precision: CellPrecision
    /// Y-axis label with its unit.
    public var axisLabel: String
    /// Right y-axis label with its unit, for rows drawn against ``ChartAxis/right``.
    public var rightAxisLabel: String?
    /// Years as rows instead of columns (the paper's `FigureS1.tsv`).
    public var isTransposed: Bool
    /// Rows drawn in the chart at most (the S7 tables have thousands of rows).
    public var chartRowLimit: Int

    public init(name: String, title: String, region: Region, corner: String = "", rows: FigureRowSource,
                precision: CellPrecision = .decimals(2), axisLabel: String, rightAxisLabel: String? = nil, isTransposed: Bool = false,
                chartRowLimit: Int = 12) {
        self.name = name
        self.title = title
        self.region = region
        self.corner = corner
        self.rows = rows
        self.precision = precision
        self.axisLabel = axisLabel
        self.rightAxisLabel = rightAxisLabel
        self.isTransposed = isTransposed
        self.chartRowLimit = chartRowLimit
    }
}

/// A processed table of the paper that cannot be regenerated from the given
/// tables, and why.
public struct UnderivedTable: Sendable, Hashable {
    public var name: String
    public var reason: String

    public init(_ name: String, _ reason: String) {
        self.name = name
        self.reason = reason
    }
}
