/// Bibliographic records on their way into the run: attributed, filtered to
/// the DOIs some citation names (substance runs), deduplicated (the first
/// record read for a DOI, or for a source id, wins; in publication runs a
/// record without DOI is also a duplicate of an earlier one with the same
/// title, year and first author — the ``WorkMerger`` key).
struct WorkIngest {
    let substanceMode: Bool
    /// Position in ``authorships`` by DOI number (``CitationIndex/doiNumbers``;
    /// substance runs), -1 for a DOI no record was read for. Four bytes a DOI,
    /// so the join that looks it up for every substance stays in cache.
    private(set) var authorshipOfDOI: [Int32] = []
    /// The authorship of each kept record (substance runs), in the order kept.
    private(set) var authorships: [Authorship] = []
    /// One unit per distinct publication (publication runs).
    private(set) var publicationUnits: [AttributedUnit] = []
    private var seenKeys = Set<String>()
    private var seenTitles = Set<Int>()

    /// `doiCount`: how many DOIs citations name (substance runs).
    init(substanceMode: Bool, doiCount: Int = 0) {
        self.substanceMode = substanceMode
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
        return p
    }

    mutating func accept(_ p: Prepared, attributor: inout CountryAttributor, quality: inout DataQuality) {
        quality.worksRead += 1
        if p.doi == nil { quality.worksWithoutDOI += 1 }
        if substanceMode {
            if p.notNeeded { quality.worksNotNeeded += 1; return }
            guard let number = p.doiNumber.map(Int.init), let authorship = p.authorship else { return }
            if authorshipOfDOI[number] >= 0 { quality.duplicateWorks += 1; return }
            authorshipOfDOI[number] = Int32(authorships.count)
            authorships.append(authorship)
            attributor.add(p.counts)
        } else {
            if let key = p.key, !seenKeys.insert(key).inserted { quality.duplicateWorks += 1; return }
            if let t = p.titleKey, !seenTitles.insert(t).inserted, p.doi == nil { quality.duplicateWorks += 1; return }
            guard let year = p.year, let authorship = p.authorship else { quality.worksWithoutYear += 1; return }
            publicationUnits.append(AttributedUnit(year: year, regions: .all, authorship: authorship))
            attributor.add(p.counts)
        }
    }

    /// Sequential path, for readers that stream one record at a time.
    mutating func add(_ work: Work, needed: [String: Int32]?, attributor: inout CountryAttributor, quality: inout DataQuality) {
        var local = attributor
        let p = Self.prepare(work, needed: needed, attributor: &local)
        accept(p, attributor: &attributor, quality: &quality)
    }

    /// Parallel path for JSON works: records are cut sequentially, parsed and
    /// attributed in batches on `threads` tasks, and accepted in file order.
    mutating func readParallel(_ file: String, format: SourceFormat, parseValue: @escaping JSONWorkFile.ValueParser,
                               threads: Int, batchBytes: Int = 4 << 20, needed: [String: Int32]?, attributor template: CountryAttributor,
                               log: inout ProblemLog, quality: inout DataQuality, counts attributor: inout CountryAttributor,
                               progress: (@Sendable (ProgressEvent) -> Void)?) async throws -> ReadStatistics {
        let source = try ByteSource(path: file)
        var batcher = JSONRecordBatcher(source: source)
        batcher.bytesPerBatch = batchBytes
        var stats = ReadStatistics(file: file, format: format)
        let resolver = template.resolver, policy = template.policy
        let sharedCache = ResolutionCache()
        try await OrderedParallelMap.run(threads: threads, produce: { try batcher.next() }, transform: { batch in
            var local = CountryAttributor(resolver: resolver, policy: policy, sharedCache: sharedCache)
            var parsed: [JSONWorkFile.ParsedRecord] = []
            parsed.reserveCapacity(batch.records.count)
            for record in batch.records {
                JSONWorkFile.parse(record, file: file, ordinal: 0, with: parseValue, into: &parsed)
            }
            // The works are let go here, on the worker, once prepared: the run
            // keeps only `Prepared`, and freeing a batch's strings on the one
            // consuming thread held back small records.
            return parsed.map { record -> (JSONWorkFile.ParsedRecord, Int, [Prepared]) in
                var slim = record
                slim.works = []
                return (slim, record.records, record.works.map { Self.prepare($0, needed: needed, attributor: &local) })
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
                    accept(p, attributor: &attributor, quality: &quality)
                }
            }
            progress?(ProgressEvent(stage: "works", file: file, bytesDone: source.bytesRead, bytesTotal: source.fileSize,
                                    records: stats.recordsRead))
        })
        JSONWorkFile.finish(batcher, stats: &stats, log: &log)
        stats.bytes = source.bytesRead
        return stats
    }
}
