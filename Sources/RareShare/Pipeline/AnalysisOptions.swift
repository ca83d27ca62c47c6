#if canImport(Glibc)
import Glibc
#endif

/// Everything a run of ``AnalysisPipeline`` needs to know.
public struct AnalysisOptions: Sendable {
    /// Reaxys substance exports; when empty, publications are counted instead.
    public var substanceFiles: [String] = []
    /// Reaxys citation exports (the citation id → DOI and year join).
    public var citationFiles: [String] = []
    /// Bibliographic records with affiliations.
    public var workFiles: [String] = []
    /// Forces the bibliographic format instead of detecting it.
    public var workFormat: SourceFormat?
    public var affiliations: AffiliationPolicy = .first
    /// "c without d" pairs to tally.
    public var pairs: [CountryPair] = CountryPair.paperDefaults
    /// Counting methods to tally; the paper's is always tallied too (it gives ``AnalysisResult/tally``).
    public var countingMethods: [CountingMethod] = [.paper]
    /// Keep the country collaboration network (per region and year).
    public var collaborationNetwork = false
    /// Keep bibliometrix-style SCP/MCP counts per country.
    public var countryProduction = false
    /// Any per-record problem stops the run.
    public var strict = false
    /// Worker threads for aggregation; results do not depend on it.
    public var threads: Int = AnalysisOptions.availableCores
    /// Bytes of input per parsing batch. Batch boundaries depend on this and
    /// on the input only, never on the thread count; it is an option so tests
    /// can force many small batches.
    public var batchBytes = 4 << 20
    public var resolver: any AffiliationResolver = EvidenceResolver()
    /// Years outside this range are problems, left out of the year tables
    /// (``YearParser/plausible``; `--years-plausible`).
    public var plausibleYears = YearParser.defaultPlausible
    /// What naming the inputs left out (a FIFO in a folder, a link loop), listed with the run's problems.
    public var inputProblems: [Problem] = []

    public init() {}

    public static var availableCores: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
}
