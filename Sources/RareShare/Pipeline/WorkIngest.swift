/// Bibliographic records on their way into the run: attributed, filtered to
/// the DOIs some citation names (substance runs), deduplicated (the first
/// record read for a DOI, or for a source id, wins; in publication runs a
/// record without DOI is also a duplicate of an earlier one with the same
/// title, year and first author — the ``WorkMerger`` key).
///
/// Every bibliographic format takes the same path: works come in batches
/// (records cut from a JSON file, or works a streaming reader hands on),
/// each batch is attributed by a fresh ``CountryAttributor`` that shares the
/// run's ``ResolutionCache``, and batches are accepted in file order. So a
/// string repeated across a whole run is resolved once, whatever the format,
/// and counts stay those of the works kept.
struct WorkIngest {
    /// What every file of a run is ingested with.
    struct Settings: Sendable {
        /// Tasks parsing and attributing JSON batches; results do not depend on it.
        var threads: Int
        /// Bytes of JSON records per batch.
        var batchBytes: Int
        var resolver: any AffiliationResolver
        var policy: AffiliationPolicy
        /// Also attribute each work under the other affiliation policy (for the preset comparison).
        var keepsOtherPolicy = false
        /// Answers of `resolver` shared by every batch of every file of the run.
        var cache = ResolutionCache()

        /// A fresh attributor for one batch: its counts stay apart until the batch is accepted.
        func makeAttributor() -> CountryAttributor {
            var attributor = CountryAttributor(resolver: resolver, policy: policy, sharedCache: cache)
            attributor.keepsOtherPolicy = keepsOtherPolicy
            return attributor
        }
    }

    /// Works a streaming reader hands on per batch: enough to make a batch
    /// worth its attributor, few enough that holding them costs little.
    static let worksPerBatch = 256

    let substanceMode: Bool
    let settings: Settings
    /// The DOIs citations name, with their numbers (substance runs); nil keeps every work.
    let needed: [String: Int32]?
    /// Position in ``authorships`` by DOI number (``CitationIndex/doiNumbers``;
    /// substance runs), -1 for a DOI no record was read for. Four bytes a DOI,
    /// so the join that looks it up for every substance stays in cache.
    private(set) var authorshipOfDOI: [Int32] = []
    /// The authorship of each kept record (substance runs), in the order kept.
    private(set) var authorships: [Authorship] = []
    /// The authorship under the other affiliation policy, by position in
    /// ``authorships``, only where it differs (some author has several
    /// affiliations), so the common record costs nothing here.
    private(set) var otherAuthorships: [Int32: Authorship] = [:]
    /// One unit per distinct publication (publication runs).
    private(set) var publicationUnits: [AttributedUnit] = []
    /// The attribution counts of the works kept (authors seen, unresolved strings).
    private(set) var attribution: CountryAttributor
    private var seenKeys = Set<String>()
    private var seenTitles = Set<Int>()

    /// `needed`: the DOIs citations name, numbered (substance runs; `doiCount` of them).
    init(substanceMode: Bool, settings: Settings, needed: [String: Int32]? = nil, doiCount: Int = 0) {
        self.substanceMode = substanceMode
        self.settings = settings
        self.needed = needed
        attribution = settings.makeAttributor()
        if substanceMode { authorshipOfDOI = [Int32](repeating: -1, count: doiCount) }
    }

    /// A work reduced by a worker to what the run keeps, with the counts its
    /// attribution added (applied only if the work is kept).
    struct Prepared: Sendable {
        var doi: String?
        /// The DOI's number among those citations name (substance runs).
        var doiNumber: Int32?
        var key: String?
        /// Hash of title + year + first author (the ``WorkMerger`` key), publication runs only.
        var titleKey: Int?
        var year: Int?
        var authorship: Authorship?
        /// ``CountryAttributor/attributeOtherPolicy(_:)``, when kept and different.
        var other: Authorship?
        var counts = CountryAttributor.Counts()
        var notNeeded = false
    }

    /// `needed`: the DOIs citations name, with their numbers (substance runs); nil keeps every work.
    static func prepare(_ work: Work, needed: [String: Int32]?, attributor: inout CountryAttributor) -> Prepared {
        var p = Prepared(doi: work.doi, key: work.doi.map { "doi:" + $0 } ?? work.sourceID.map { "id:" + $0 }, year: work.year)
        if needed == nil { p.titleKey = WorkMerger.titleKey(work)?.hashValue }
        if let needed {
            guard let doi = work.doi, let number = needed[doi] else {
                p.notNeeded = work.doi != nil
                return p
            }
            p.doiNumber = number
        }
        (p.authorship, p.counts) = attributor.attributeCounting(work)
        if attributor.keepsOtherPolicy { p.other = attributor.attributeOtherPolicy(work) }
        return p
    }

    /// Keeps a prepared work unless the run does not need it or already has it.
    mutating func accept(_ p: Prepared, quality: inout DataQuality) {
        quality.worksRead += 1
        if p.doi == nil { quality.worksWithoutDOI += 1 }
        if substanceMode {
            if p.notNeeded { quality.worksNotNeeded += 1; return }
            guard let number = p.doiNumber.map(Int.init), let authorship = p.authorship else { return }
            if authorshipOfDOI[number] >= 0 { quality.duplicateWorks += 1; return }
            authorshipOfDOI[number] = Int32(authorships.count)
            if let other = p.other { otherAuthorships[Int32(authorships.count)] = other }
            authorships.append(authorship)
            attribution.add(p.counts)
        } else {
            if let key = p.key, !seenKeys.insert(key).inserted { quality.duplicateWorks += 1; return }
            if let t = p.titleKey, !seenTitles.insert(t).inserted, p.doi == nil { quality.duplicateWorks += 1; return }
            guard let year = p.year, let authorship = p.authorship else { quality.worksWithoutYear += 1; return }
            var unit = AttributedUnit(year: year, regions: .all, authorship: authorship)
            unit.affiliations = settings.policy
            unit.otherAffiliations = p.other
            publicationUnits.append(unit)
            attribution.add(p.counts)
        }
    }

    /// Reads one bibliographic file, attributing its works in batches and
    /// accepting them in file order. - Throws: ``InputError`` from the reader.
    mutating func ingest(_ file: InputFile, reader: any WorkReader, log: inout ProblemLog, quality: inout DataQuality,
                         progress: (@Sendable (ProgressEvent) -> Void)?) async throws -> ReadStatistics {
        switch file.format {
        case .openAlexJSON: try await readJSON(file, parseValue: OpenAlexReader.valueParser, log: &log, quality: &quality, progress: progress)
        case .crossrefJSON: try await readJSON(file, parseValue: CrossrefReader.valueParser, log: &log, quality: &quality, progress: progress)
        default: try readStream(file.path, reader: reader, log: &log, quality: &quality)
        }
    }

    /// The works of one batch, attributed by one attributor sharing the run's cache.
    static func prepare(_ works: [Work], settings: Settings, needed: [String: Int32]?) -> [Prepared] {
        var attributor = settings.makeAttributor()
        return works.map { prepare($0, needed: needed, attributor: &attributor) }
    }

    /// A streaming reader's works, gathered into batches as it hands them on.
    private mutating func readStream(_ path: String, reader: any WorkReader, log: inout ProblemLog,
                                     quality: inout DataQuality) throws -> ReadStatistics {
        var batch: [Work] = []
        batch.reserveCapacity(Self.worksPerBatch)
        func acceptBatch() {
            for p in Self.prepare(batch, settings: settings, needed: needed) { accept(p, quality: &quality) }
            batch.removeAll(keepingCapacity: true)
        }
        let stats = try reader.read(path: path, log: &log) { work in
            batch.append(work)
            if batch.count == Self.worksPerBatch { acceptBatch() }
        }
        acceptBatch()
        return stats
    }

    /// JSON works: records are cut sequentially, parsed and attributed in
    /// batches on ``Settings/threads`` tasks, and accepted in file order.
    private mutating func readJSON(_ file: InputFile, parseValue: @escaping JSONWorkFile.ValueParser, log: inout ProblemLog,
                                   quality: inout DataQuality, progress: (@Sendable (ProgressEvent) -> Void)?) async throws -> ReadStatistics {
        let path = file.path
        let source = try TextSource(path: path, guessingLegacyEncoding: false)
        var batcher = JSONRecordBatcher(source: source)
        batcher.bytesPerBatch = settings.batchBytes
        var stats = ReadStatistics(file: path, format: file.format)
        let settings = settings, needed = needed
        try await OrderedParallelMap.run(threads: settings.threads, produce: { try batcher.next() }, transform: { batch in
            var parsed: [JSONWorkFile.ParsedRecord] = []
            parsed.reserveCapacity(batch.records.count)
            for record in batch.records {
                JSONWorkFile.parse(record, file: path, ordinal: 0, with: parseValue, into: &parsed)
            }
            var attributor = settings.makeAttributor()
            // The works are let go here, on the worker, once prepared: the run
            // keeps only `Prepared`, and freeing a batch's strings on the one
            // consuming thread held back small records.
            return parsed.map { record -> (JSONWorkFile.ParsedRecord, Int, [Prepared]) in
                var slim = record
                slim.works = []
                return (slim, record.records, record.works.map { Self.prepare($0, needed: needed, attributor: &attributor) })
            }
        }, consume: { out in
            for (parsed, records, prepared) in out {
                if let junk = parsed.junk { batcher.noteJunk(junk) }
                if var problem = parsed.problem {
                    problem.position.record = stats.recordsRead + 1
                    log.record(problem)
                    stats.recordsSkipped += 1
                }
                for var warning in parsed.warnings {
                    // Parsed with ordinal 0: the record number counts from this record.
                    warning.position.record = stats.recordsRead + (warning.position.record ?? 1)
                    log.record(warning)
                }
                stats.recordsRead += records
                for p in prepared {
                    stats.recordsUsed += 1
                    stats.noteYear(p.year)
                    accept(p, quality: &quality)
                }
            }
            progress?(ProgressEvent(stage: "works", file: path, bytesDone: source.bytesRead, bytesTotal: source.fileSize,
                                    records: stats.recordsRead))
        })
        JSONWorkFile.finish(batcher, stats: &stats, log: &log)
        stats.bytes = source.bytesRead
        return stats
    }
}
