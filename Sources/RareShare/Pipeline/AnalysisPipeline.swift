/// read → attribute → classify → aggregate: the whole run, from export files
/// to tallies.
///
/// Order of reading follows the joins: citations first (citation id → year
/// and DOI), then bibliographic records (kept only for DOIs some citation
/// names, so the index grows with the join and not with the export), then
/// substances (first report per registry number). Without substance files the
/// unit is the publication.
///
/// Parsing, attribution and classification run on `threads` tasks over
/// batches of records whose boundaries depend only on the input; results are
/// merged in batch order, so every output is identical for any thread count.
public struct AnalysisPipeline: Sendable {
    public var options: AnalysisOptions

    public init(options: AnalysisOptions) { self.options = options }

    /// How many substances without a year are listed by registry number (all are counted).
    public static let listedWithoutYear = 10_000

    /// Runs every stage with the run's plausible years (``YearParser/plausible``) in force.
    public func run(progress: (@Sendable (ProgressEvent) -> Void)? = nil) async throws -> AnalysisResult {
        try await YearParser.$plausible.withValue(options.plausibleYears) { try await runStages(progress: progress) }
    }

    /// The stages in the order the joins force: citations, works (kept only
    /// for DOIs some citation names), substances, the join, the aggregate.
    private func runStages(progress: (@Sendable (ProgressEvent) -> Void)?) async throws -> AnalysisResult {
        var quality = DataQuality()
        for problem in options.inputProblems {
            if options.strict { throw InputError(strict: problem) }
            quality.problems.record(problem)
        }

        // Every file must exist and be of the kind named before any work starts.
        let plan = try InputPlan(substances: options.substanceFiles, citations: options.citationFiles, works: options.workFiles,
                                 workFormat: options.workFormat, strict: options.strict)
        quality.problems.merge(plan.problems)
        // The affiliation resolver's tables are loaded by the first string
        // that needs them, not in advance: a run whose strings never reach the
        // resolver does not wait for tables it does not use.

        var citations = try await readCitations(plan.citations, quality: &quality, progress: progress)
        let substanceMode = !options.substanceFiles.isEmpty
        var works = try await readWorks(plan.works, citedBy: substanceMode ? citations : nil, quality: &quality, progress: progress)
        Self.note(works.attribution, in: &quality)
        guard substanceMode else {
            let units = works.publicationUnits
            quality.unitsWithoutCountry = units.reduce(0) { $0 + ($1.isAttributed ? 0 : 1) }
            let counting = await aggregate(count: units.count) { units[$0] }
            return AnalysisResult(unit: .publication, tally: counting.tallies[0], quality: quality, counting: counting)
        }

        // Works matter only through the citations that name them: resolve
        // each citation to its authorship once, and let the DOI index go
        // before the largest table grows.
        let join = SubstanceJoin(authorships: works.authorships, otherAuthorships: works.otherAuthorships,
                                 policy: options.affiliations,
                                 authorshipOfSlot: citations.joinSlots(authorshipOfDOI: works.authorshipOfDOI))
        works = WorkIngest(substanceMode: substanceMode, settings: works.settings)
        citations.releaseDOIs()

        var firsts = FirstReportTable()
        for file in plan.substances {
            try await readSubstances(file, citations: citations, into: &firsts, quality: &quality, progress: progress)
        }
        quality.distinctSubstances = firsts.count
        join.noteQuality(of: firsts, in: &quality, listing: Self.listedWithoutYear)
        let table = firsts
        let counting = await aggregate(count: table.count) { join.unit(table, $0) }
        return AnalysisResult(unit: .substance, tally: counting.tallies[0], quality: quality, counting: counting)
    }

    /// Stage 1: the citation id → year and DOI index.
    private func readCitations(_ files: [InputFile], quality: inout DataQuality,
                               progress: (@Sendable (ProgressEvent) -> Void)?) async throws -> CitationIndex {
        var citations = CitationIndex()
        for input in files {
            let file = input.path
            var log = ProblemLog()
            let stats: ReadStatistics
            if input.isUTF16 {
                stats = try ReaxysCitationReader().read(path: file, building: CitationIndex.Builder(), log: &log) { citations.insert($0) }
            } else {
                stats = try await readRecords(file, element: "citation", format: .reaxysCitations, log: &log, progress: progress,
                                              parse: { ReaxysCitationReader().parse($0, file: file, building: CitationIndex.Builder()) },
                                              consume: { citations.insert($0) })
            }
            try finish(file: stats, log: log, into: &quality)
            progress?(ProgressEvent(stage: "citations", file: file, bytesDone: stats.bytes, bytesTotal: stats.bytes, records: stats.recordsRead))
        }
        return citations
    }

    /// Stage 2: bibliographic records, attributed as they are read; with
    /// `citedBy` (substance runs), only those whose DOI a citation names.
    private func readWorks(_ files: [InputFile], citedBy citations: CitationIndex?, quality: inout DataQuality,
                           progress: (@Sendable (ProgressEvent) -> Void)?) async throws -> WorkIngest {
        var settings = WorkIngest.Settings(threads: options.threads, batchBytes: options.batchBytes,
                                           resolver: options.resolver, policy: options.affiliations)
        settings.keepsOtherPolicy = options.comparePresets
        var works = WorkIngest(substanceMode: citations != nil, settings: settings,
                               needed: citations?.doiNumbers, doiCount: citations?.doiCount ?? 0)
        for file in files {
            guard let reader = file.workReader() else { continue }
            var log = ProblemLog()
            let stats = try await works.ingest(file, reader: reader, log: &log, quality: &quality, progress: progress)
            try finish(file: stats, log: log, into: &quality)
            progress?(ProgressEvent(stage: "works", file: file.path, bytesDone: stats.bytes, bytesTotal: stats.bytes, records: stats.recordsRead))
        }
        return works
    }

    /// The attribution counts of the works kept, for the data-quality report.
    private static func note(_ attribution: CountryAttributor, in quality: inout DataQuality) {
        quality.authorsSeen = attribution.authorsSeen
        quality.authorsWithoutCountry = attribution.authorsWithoutCountry
        quality.authorsWithoutAffiliation = attribution.authorsWithoutAffiliation
        quality.unresolvedAffiliations = attribution.unresolved
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .map { (affiliation: $0.key, count: $0.value) }
    }

    /// The rules' method first, then the other methods asked for, in one pass.
    private func aggregate(count: Int, unit: @escaping @Sendable (Int) -> AttributedUnit?) async -> CountingResults {
        let aggregator = ParallelAggregator(threads: options.threads, pairs: options.pairs)
        var methods: [CountingMethod] = [options.rules.method]
        for m in options.countingMethods where !methods.contains(m) { methods.append(m) }
        var results = await aggregator.aggregate(count: count, unit: unit, methods: methods, rules: options.rules,
                                                 network: options.collaborationNetwork, production: options.countryProduction)
        if options.comparePresets, let main = results.tallies.first {
            results.comparison = await aggregator.compare(count: count, unit: unit, years: PresetComparison.latestYears(of: main))
        }
        if let b = options.bootstrap, b.replicates > 0 {
            let units = await aggregator.unitSummaries(count: count, unit: unit, rules: options.rules)
            results.intervals = BootstrapIntervals.compute(units, replicates: b.replicates, seed: b.seed, pairs: options.pairs,
                                                           denominator: options.rules.denominator, threads: options.threads)
        }
        return results
    }

    /// Stage 3: reads one substance file in parallel batches and folds its
    /// records into `firsts` (the first report per registry number) in file order.
    private func readSubstances(_ input: InputFile, citations: CitationIndex, into firsts: inout FirstReportTable,
                                quality: inout DataQuality, progress: (@Sendable (ProgressEvent) -> Void)?) async throws {
        let builder = FirstReportCandidateBuilder(citations: citations)
        let reader = ReaxysSubstanceReader()
        let file = input.path
        var log = ProblemLog()
        let stats: ReadStatistics
        if input.isUTF16 {
            // Batches are cut on ASCII tags; UTF-16 files are parsed whole (libxml2 decodes them).
            stats = try reader.read(path: file, building: builder, log: &log) { candidate in
                quality.substanceRecords += 1
                if !firsts.add(candidate) { quality.duplicateSubstanceRecords += 1 }
            }
        } else {
            stats = try await readRecords(file, element: "substance", format: .reaxysSubstances, log: &log, progress: progress,
                                          parse: { reader.parse($0, file: file, building: builder) },
                                          consume: { candidate in
                quality.substanceRecords += 1
                if !firsts.add(candidate) { quality.duplicateSubstanceRecords += 1 }
            })
        }
        try finish(file: stats, log: log, into: &quality)
    }

    /// Reads an XML file of records in parallel batches (``XMLRecordChunker``),
    /// handing each record to `consume` in file order. (Batches are cut on
    /// ASCII tags, so callers read UTF-16 files whole instead.)
    private func readRecords<Record: Sendable>(
        _ file: String, element: String, format: SourceFormat, log: inout ProblemLog,
        progress: (@Sendable (ProgressEvent) -> Void)?,
        parse: @escaping @Sendable (XMLRecordChunker.Batch) -> XMLBatchResult<Record>,
        consume: (Record) throws -> Void
    ) async throws -> ReadStatistics {
        let source = try ByteSource(path: file)
        var chunker = XMLRecordChunker(source: source, element: element)
        chunker.targetBytes = options.batchBytes
        var stats = ReadStatistics(file: file, format: format)
        var fileLog = ProblemLog()
        var cursor = XMLBatchCursor()
        // A damaged gzip stream ends the batches where the damage is (see
        // ``ByteSource/damage``): every complete record before it is in a batch.
        try await OrderedParallelMap.run(threads: options.threads, produce: { try chunker.next() },
                                         transform: { batch in (batch.leadingLines, parse(batch)) },
                                         consume: { (leadingLines: Int, batchResult: XMLBatchResult<Record>) in
            var result = batchResult
            cursor.place(&result, leadingLines: leadingLines)
            stats.add(result.stats)
            fileLog.merge(result.log)
            for record in result.records { try consume(record) }
            if options.strict, let first = fileLog.first { throw InputError(strict: first) }
            progress?(ProgressEvent(stage: element + "s", file: file, bytesDone: source.bytesRead, bytesTotal: source.fileSize,
                                    records: stats.recordsRead))
        })
        fileLog.note(source.damage, file: file, recordsKept: stats.recordsRead, recordKind: element)
        let damaged = source.damage?.losesContent == true
        let rest = chunker.remainder
        let restText = String(decoding: rest, as: UTF8.self)
        if restText.contains("<\(element)") {
            stats.recordsRead += 1
            stats.recordsSkipped += 1
            fileLog.record(Problem(.skippedRecord, at: SourcePosition(file: file, line: cursor.line, record: stats.recordsRead),
                                   recordKind: element,
                                   reason: damaged ? "the gzip damage cuts this record; records before it were kept"
                                       : "the file ends inside this record (truncated download?); records before it were kept"))
        } else if !restText.contains("</") && stats.recordsRead > 0 && !damaged {
            fileLog.record(Problem(.truncated, at: SourcePosition(file: file, line: cursor.line),
                                   reason: "the file ends without its closing tags (truncated?); all \(stats.recordsRead) records before were kept"))
        }
        stats.bytes = source.bytesRead
        log.merge(fileLog)
        return stats
    }

    private func finish(file stats: ReadStatistics, log: ProblemLog, into quality: inout DataQuality) throws {
        quality.files.append(stats)
        quality.problems.merge(log)
        if options.strict, let first = log.first { throw InputError(strict: first) }
    }
}
