/// read → attribute → classify → aggregate: the whole run, from export files
/// to tallies.
///
/// Order of reading follows the joins: citations first (citation id → year
/// and DOI), then bibliographic records (kept only for DOIs some citation
/// names, so the index grows with the join and not with the export), then
/// substances (first report per registry number). Without substance files the
/// unit is the publication.
public struct AnalysisPipeline: Sendable {
    public var options: AnalysisOptions

    public init(options: AnalysisOptions) { self.options = options }

    /// How many substances without a year are listed by registry number (all are counted).
    public static let listedWithoutYear = 10_000

    public func run(progress: (@Sendable (ProgressEvent) -> Void)? = nil) async throws -> AnalysisResult {
        var quality = DataQuality()
        let substanceMode = !options.substanceFiles.isEmpty

        // Every file must exist and be of a known format before any work starts.
        var workReaders: [(String, any WorkReader)] = []
        for f in options.substanceFiles + options.citationFiles { _ = try ByteSource(path: f) }
        for f in options.workFiles { workReaders.append((f, try FormatDetector.workReader(for: f, override: options.workFormat))) }

        // 1. Citations.
        var citations: [String: CitationEntry] = [:]
        var neededDOIs = Set<String>()
        for file in options.citationFiles {
            var log = ProblemLog()
            let stats = try ReaxysCitationReader().read(path: file, log: &log) { c in
                if citations[c.id] == nil {
                    citations[c.id] = CitationEntry(year: c.year, doi: c.doi)
                    if let d = c.doi { neededDOIs.insert(d) }
                }
            }
            try finish(file: stats, log: log, into: &quality)
            progress?(ProgressEvent(stage: "citations", file: file, bytesDone: stats.bytes, bytesTotal: stats.bytes, records: stats.recordsRead))
        }

        // 2. Bibliographic records, attributed as they are read.
        var attributor = CountryAttributor(resolver: options.resolver, policy: options.affiliations)
        var worksByDOI: [String: Authorship] = [:]
        var publicationUnits: [AttributedUnit] = []
        var seenSourceIDs = Set<String>()
        for (file, reader) in workReaders {
            var log = ProblemLog()
            let stats = try reader.read(path: file, log: &log) { work in
                quality.worksRead += 1
                if work.doi == nil { quality.worksWithoutDOI += 1 }
                if substanceMode {
                    guard let doi = work.doi else { return }
                    guard neededDOIs.contains(doi) else { quality.worksNotNeeded += 1; return }
                    if worksByDOI[doi] != nil { quality.duplicateWorks += 1; return }
                    worksByDOI[doi] = attributor.attribute(work)
                } else {
                    let key = work.doi.map { "doi:" + $0 } ?? work.sourceID.map { "id:" + $0 }
                    if let key, !seenSourceIDs.insert(key).inserted { quality.duplicateWorks += 1; return }
                    guard let year = work.year else { quality.worksWithoutYear += 1; return }
                    let authorship = attributor.attribute(work)
                    if authorship.authorCount == 0 { quality.unitsWithoutCountry += 1 }
                    publicationUnits.append(AttributedUnit(year: year, regions: .all, authorship: authorship))
                }
            }
            try finish(file: stats, log: log, into: &quality)
            progress?(ProgressEvent(stage: "works", file: file, bytesDone: stats.bytes, bytesTotal: stats.bytes, records: stats.recordsRead))
        }
        quality.authorsSeen = attributor.authorsSeen
        quality.authorsWithoutCountry = attributor.authorsWithoutCountry
        quality.authorsWithoutAffiliation = attributor.authorsWithoutAffiliation
        quality.unresolvedAffiliations = attributor.unresolved
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .map { (affiliation: $0.key, count: $0.value) }

        let aggregator = ParallelAggregator(threads: options.threads, pairs: options.pairs)
        guard substanceMode else {
            let counting = await aggregate(publicationUnits, with: aggregator)
            return AnalysisResult(unit: .publication, tally: counting.tallies[0], quality: quality, counting: counting)
        }

        // 3. Substances: the first report of each registry number.
        var index: [String: Int] = [:]
        var firsts: [FirstReport] = []
        let classifier = RegionClassifier()
        for file in options.substanceFiles {
            var log = ProblemLog()
            let stats = try ReaxysSubstanceReader().read(path: file, log: &log) { substance in
                quality.substanceRecords += 1
                let candidate = FirstReport.choose(substance, citations: citations)
                if let i = index[substance.registryNumber] {
                    quality.duplicateSubstanceRecords += 1
                    // Counted once, at its earliest report; a tie keeps the one read first.
                    guard let y = candidate.year, firsts[i].year.map({ y < $0 }) ?? true else { return }
                    firsts[i].year = y
                    firsts[i].citationID = candidate.citationID
                    if firsts[i].formula == nil { firsts[i].formula = substance.formula }
                } else {
                    index[substance.registryNumber] = firsts.count
                    var entry = candidate
                    entry.registryNumber = substance.registryNumber
                    entry.formula = substance.formula
                    firsts.append(entry)
                }
            }
            try finish(file: stats, log: log, into: &quality)
            progress?(ProgressEvent(stage: "substances", file: file, bytesDone: stats.bytes, bytesTotal: stats.bytes, records: stats.recordsRead))
        }
        quality.distinctSubstances = firsts.count

        // 4. Join and classify.
        var units: [AttributedUnit] = []
        units.reserveCapacity(firsts.count)
        for entry in firsts {
            guard let year = entry.year else {
                quality.substancesWithoutYear += 1
                if quality.substancesWithoutYearListed.count < Self.listedWithoutYear {
                    quality.substancesWithoutYearListed.append(entry.registryNumber)
                }
                continue
            }
            var authorship: Authorship?
            if let id = entry.citationID, let citation = citations[id] {
                if let doi = citation.doi {
                    authorship = worksByDOI[doi]
                    if authorship == nil { quality.unitsWithoutRecord += 1 }
                } else {
                    quality.reportsWithoutDOI += 1
                }
            } else {
                quality.reportsWithUnknownCitation += 1
            }
            if let a = authorship, a.authorCount == 0 { quality.unitsWithoutCountry += 1 }
            let formula = entry.formula.map(Formula.init)
            let regions = formula.map(classifier.regions(of:)) ?? .all
            units.append(AttributedUnit(year: year, regions: regions, authorship: authorship,
                                        composition: formula.map(\.compositionKey)))
        }

        // 5. Aggregate.
        let counting = await aggregate(units, with: aggregator)
        return AnalysisResult(unit: .substance, tally: counting.tallies[0], quality: quality, counting: counting)
    }

    /// The paper's method first, then the other methods asked for, in one pass.
    private func aggregate(_ units: [AttributedUnit], with aggregator: ParallelAggregator) async -> CountingResults {
        var methods: [CountingMethod] = [.paper]
        for m in options.countingMethods where !methods.contains(m) { methods.append(m) }
        return await aggregator.aggregate(units, methods: methods, network: options.collaborationNetwork,
                                          production: options.countryProduction)
    }

    private func finish(file stats: ReadStatistics, log: ProblemLog, into quality: inout DataQuality) throws {
        quality.files.append(stats)
        quality.problems.merge(log)
        if options.strict, let first = log.first { throw InputError(strict: first) }
    }
}

/// Year and DOI of one citation, as the substance join needs them.
struct CitationEntry: Sendable {
    var year: Int?
    var doi: String?
}

/// The chosen first report of one substance.
struct FirstReport: Sendable {
    var registryNumber = ""
    var formula: String?
    var year: Int?
    var citationID: String?

    /// The earliest citation block of a record (its own `CIT.PY`, else the
    /// citation's year); ties go to the block listed first.
    static func choose(_ substance: Substance, citations: [String: CitationEntry]) -> FirstReport {
        var best = FirstReport()
        for report in substance.reports {
            let year = report.year ?? report.citationID.flatMap { citations[$0]?.year }
            guard let year else {
                if best.year == nil && best.citationID == nil { best.citationID = report.citationID }
                continue
            }
            if best.year.map({ year < $0 }) ?? true {
                best.year = year
                best.citationID = report.citationID
            }
        }
        return best
    }
}
