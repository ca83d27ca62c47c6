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

    private func runStages(progress: (@Sendable (ProgressEvent) -> Void)?) async throws -> AnalysisResult {
        var quality = DataQuality()
        let substanceMode = !options.substanceFiles.isEmpty
        for problem in options.inputProblems {
            if options.strict { throw InputError(strict: problem) }
            quality.problems.record(problem)
        }

        // Every file must exist and be of the kind named before any work starts.
        let plan = try InputPlan(substances: options.substanceFiles, citations: options.citationFiles, works: options.workFiles,
                                 workFormat: options.workFormat, strict: options.strict)
        quality.problems.merge(plan.problems)
        let workReaders = plan.works.compactMap { file in file.workReader().map { (file.path, $0) } }

        // The affiliation resolver's tables take a while to build: with more
        // than one thread, build them on a spare core while citations (and
        // the first works) are read; the first work to attribute waits for them.
        let resolver = options.resolver
        let resolverReady: Task<Void, Never>? = !workReaders.isEmpty && options.threads > 1
            ? Task.detached(priority: .userInitiated) { [threads = options.threads] in resolver.prepare(threads: threads) } : nil

        // 1. Citations.
        var citations = CitationIndex()
        for input in plan.citations {
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
        var neededDOIs = substanceMode ? citations.doiNumbers : nil

        // 2. Bibliographic records, attributed as they are read.
        var works = WorkIngest(substanceMode: substanceMode, doiCount: citations.doiCount)
        var attribution = CountryAttributor(resolver: options.resolver, policy: options.affiliations)
        for (file, reader) in workReaders {
            var log = ProblemLog()
            let stats: ReadStatistics
            let jsonSchema: JSONWorkFile.ValueParser? = switch reader.format {
            case .openAlexJSON: OpenAlexReader.valueParser
            case .crossrefJSON: CrossrefReader.valueParser
            default: nil
            }
            if let jsonSchema {
                stats = try await works.readParallel(file, format: reader.format, parseValue: jsonSchema, threads: options.threads, batchBytes: options.batchBytes, needed: neededDOIs,
                                                     attributor: attribution, log: &log, quality: &quality,
                                                     counts: &attribution, progress: progress)
            } else {
                stats = try reader.read(path: file, log: &log) { work in
                    works.add(work, needed: neededDOIs, attributor: &attribution, quality: &quality)
                }
            }
            try finish(file: stats, log: log, into: &quality)
            progress?(ProgressEvent(stage: "works", file: file, bytesDone: stats.bytes, bytesTotal: stats.bytes, records: stats.recordsRead))
        }
        await resolverReady?.value
        quality.authorsSeen = attribution.authorsSeen
        quality.authorsWithoutCountry = attribution.authorsWithoutCountry
        quality.authorsWithoutAffiliation = attribution.authorsWithoutAffiliation
        quality.unresolvedAffiliations = attribution.unresolved
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .map { (affiliation: $0.key, count: $0.value) }

        let aggregator = ParallelAggregator(threads: options.threads, pairs: options.pairs)
        guard substanceMode else {
            let units = works.publicationUnits
            quality.unitsWithoutCountry = units.reduce(0) { $0 + ($1.isAttributed ? 0 : 1) }
            let counting = await aggregate(count: units.count, with: aggregator) { units[$0] }
            return AnalysisResult(unit: .publication, tally: counting.tallies[0], quality: quality, counting: counting)
        }

        // Works matter only through the citations that name them: resolve
        // each citation to its authorship once, and let the DOI index go
        // before the largest table grows.
        let authorships = works.authorships
        let authorshipOfSlot = citations.joinSlots(authorshipOfDOI: works.authorshipOfDOI)
        works = WorkIngest(substanceMode: substanceMode)
        neededDOIs = nil
        citations.releaseDOIs()

        // 3. Substances: the first report of each registry number.
        var firsts = FirstReportTable()
        let citationTable = citations
        for file in plan.substances {
            let stats = try await readSubstances(file, citations: citationTable, into: &firsts, quality: &quality, progress: progress)
            _ = stats
        }
        quality.distinctSubstances = firsts.count

        // 4. Join, classify and aggregate, unit by unit, without materialising all units.
        var dropped: [Int] = []
        var withoutCitation = 0, withoutDOI = 0, withoutRecord = 0, withoutCountry = 0
        for i in 0..<firsts.count {
            guard firsts.years[i] != 0 else {
                dropped.append(i)
                continue
            }
            let slot = firsts.citationSlot(i)
            guard slot >= 0 else { withoutCitation += 1; continue }
            let a = authorshipOfSlot[Int(slot)]
            guard a != CitationIndex.noDOI else { withoutDOI += 1; continue }
            guard a >= 0 else { withoutRecord += 1; continue }
            if authorships[Int(a)].authorCount == 0 { withoutCountry += 1 }
        }
        quality.substancesWithoutYear = dropped.count
        quality.substancesWithoutYearListed = firsts.registryNumbers(at: Array(dropped.prefix(Self.listedWithoutYear)))
        quality.reportsWithUnknownCitation = withoutCitation
        quality.reportsWithoutDOI = withoutDOI
        quality.unitsWithoutRecord = withoutRecord
        quality.unitsWithoutCountry = withoutCountry

        let table = firsts
        let counting = await aggregate(count: table.count, with: aggregator) { i -> AttributedUnit? in
            let year = Int(table.years[i])
            guard year != 0 else { return nil }
            let slot = table.citationSlot(i)
            let a = slot >= 0 ? authorshipOfSlot[Int(slot)] : -1
            return AttributedUnit(year: year, regions: table.regions[i], authorship: a >= 0 ? authorships[Int(a)] : nil,
                                  composition: table.composition(i))
        }
        return AnalysisResult(unit: .substance, tally: counting.tallies[0], quality: quality, counting: counting)
    }

    /// The paper's method first, then the other methods asked for, in one pass.
    private func aggregate(count: Int, with aggregator: ParallelAggregator,
                           unit: @escaping @Sendable (Int) -> AttributedUnit?) async -> CountingResults {
        var methods: [CountingMethod] = [.paper]
        for m in options.countingMethods where !methods.contains(m) { methods.append(m) }
        return await aggregator.aggregate(count: count, unit: unit, methods: methods,
                                          network: options.collaborationNetwork, production: options.countryProduction)
    }

    /// Reads one substance file in parallel batches and folds its records into `firsts` in file order.
    private func readSubstances(_ input: InputFile, citations: CitationIndex, into firsts: inout FirstReportTable,
                                quality: inout DataQuality, progress: (@Sendable (ProgressEvent) -> Void)?) async throws -> ReadStatistics {
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
        return stats
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
