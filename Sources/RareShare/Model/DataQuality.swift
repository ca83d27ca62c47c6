/// What a run found about its inputs: the counts that show nothing was lost
/// silently, and the lists a user acts on.
public struct DataQuality: Sendable {
    /// Per file, in the order read.
    public var files: [ReadStatistics] = []
    public var problems = ProblemLog()

    /// Substance records read (all files) and distinct registry numbers among them.
    public var substanceRecords = 0
    public var distinctSubstances = 0
    /// Substance records whose registry number was already seen (counted once, at the earliest report).
    public var duplicateSubstanceRecords = 0
    /// Substances with no citation year at all: left out of `N_t`, as in the study.
    public var substancesWithoutYear = 0
    public var substancesWithoutYearListed: [String] = []
    /// First reports whose citation id is not in any citation file.
    public var reportsWithUnknownCitation = 0
    /// First-report citations without a DOI, so no bibliographic match is possible.
    public var reportsWithoutDOI = 0
    /// Units whose DOI matched no bibliographic record.
    public var unitsWithoutRecord = 0
    /// Units matched to a record none of whose authors has a country.
    public var unitsWithoutCountry = 0

    public var worksRead = 0
    public var worksWithoutDOI = 0
    /// Records for a DOI (or source id) already read, kept once (the first read wins).
    public var duplicateWorks = 0
    /// Works with no year (publication counting cannot place them).
    public var worksWithoutYear = 0
    /// Works read but not needed by any citation (substance counting only).
    public var worksNotNeeded = 0

    public var authorsSeen = 0
    public var authorsWithoutCountry = 0
    public var authorsWithoutAffiliation = 0
    /// Unresolved affiliation strings, most frequent first.
    public var unresolvedAffiliations: [(affiliation: String, count: Int)] = []

    public init() {}
}
