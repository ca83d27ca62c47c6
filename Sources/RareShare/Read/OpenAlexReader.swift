/// Streams OpenAlex works: JSON Lines (snapshot parts, one work per line, gzip
/// or not), a JSON array of works, a single work object, or API list pages
/// (`{"meta": …, "results": [ … ]}`), one after another in any mix.
///
/// Per author it keeps every affiliation in order: the raw affiliation string
/// and the institution's `country_code` where OpenAlex resolved one. Newer
/// records pair strings with institutions through `affiliations[]`; older ones
/// list `institutions[]` and `raw_affiliation_strings[]` side by side, paired
/// by position.
public struct OpenAlexReader: Sendable {
    public init() {}

    public func read(path: String, log: inout ProblemLog, _ body: (Work) throws -> Void) throws -> ReadStatistics {
        let source = try ByteSource(path: path)
        var stats = ReadStatistics(file: path, format: .openAlexJSON)
        var splitter = JSONRecordSplitter()
        var ordinal = 0

        func handle(_ record: JSONRecordSplitter.Record) throws {
            let parsed = Self.parse(record, file: path, ordinal: ordinal)
            ordinal += parsed.records
            stats.recordsRead += parsed.records
            if let problem = parsed.problem {
                stats.recordsSkipped += 1
                log.record(problem)
            }
            for work in parsed.works {
                stats.recordsUsed += 1
                stats.noteYear(work.year)
                try body(work)
            }
        }

        do {
            while let chunk = try source.nextChunk() {
                try splitter.feed(chunk, handle)
            }
        } catch let error as InputError {
            log.record(Problem(.truncated, at: error.position, reason: error.message + "; records before this point were kept"))
        } catch let error as JSONSyntaxError {
            log.record(Problem(.truncated, at: SourcePosition(file: path, byteOffset: error.offset),
                               reason: error.message + "; reading stopped, records before this point were kept"))
        }
        if let leftover = splitter.finish() {
            if leftover.bytes.isEmpty {
                log.record(Problem(.truncated, at: SourcePosition(file: path, line: leftover.line),
                                   reason: "the JSON array is never closed (file truncated?); records before this point were kept"))
            } else {
                stats.recordsRead += 1
                stats.recordsSkipped += 1
                log.record(Problem(.skippedRecord, at: SourcePosition(file: path, line: leftover.line, record: ordinal + 1,
                                                                       byteOffset: leftover.offset),
                                   recordKind: "work",
                                   reason: "record cut off at the end of the file (truncated download?); records before it were kept"))
            }
        }
        if let junk = splitter.junk {
            log.record(Problem(.warning, at: SourcePosition(file: path, line: junk.line),
                               reason: "\(splitter.junkBytes) byte(s) outside any JSON object were ignored"))
        }
        stats.bytes = source.bytesRead
        return stats
    }

    /// The works of one record (an API page holds several), or the problem that made it unusable.
    public struct ParsedRecord: Sendable {
        public var works: [Work] = []
        public var problem: Problem?
        /// Records this counts as: the works read, or 1 for a skipped record.
        public var records: Int { problem == nil ? works.count : 1 }
    }

    /// Parses one record cut by ``JSONRecordSplitter``. `ordinal` is the
    /// number of records before it in the file. Pure, so batches of records
    /// can be parsed on several tasks.
    public static func parse(_ record: JSONRecordSplitter.Record, file: String, ordinal: Int) -> ParsedRecord {
        record.bytes.withUnsafeBufferPointer { buffer in
            var scanner = JSONScanner(buffer)
            do {
                var works: [Work] = []
                try parseWorkOrPage(&scanner, into: &works)
                if !scanner.isAtEnd() { throw JSONSyntaxError(offset: scanner.offset, "text after the end of the value") }
                return ParsedRecord(works: works)
            } catch let error as JSONSyntaxError {
                return ParsedRecord(problem: Problem(.skippedRecord, at: SourcePosition(file: file, line: record.line, record: ordinal + 1,
                                                                                      byteOffset: record.offset + error.offset),
                                                     recordKind: "work", reason: "invalid JSON (\(error)); record skipped"))
            } catch {
                return ParsedRecord(problem: Problem(.skippedRecord, at: SourcePosition(file: file, line: record.line, record: ordinal + 1),
                                                     recordKind: "work", reason: "\(error); record skipped"))
            }
        }
    }

    /// Parses one top-level value: a work, or an API page whose `results` are works.
    static func parseWorkOrPage(_ s: inout JSONScanner, into works: inout [Work]) throws(JSONSyntaxError) {
        if try s.peekKind() == .array {
            try s.enterArray()
            while try s.nextElement() { try parseWorkOrPage(&s, into: &works) }
            return
        }
        var builder = WorkBuilder()
        var sawResults = false
        try s.enterObject()
        while let key = try s.nextMember() {
            if s.key(key, is: "results"), try s.peekKind() == .array {
                sawResults = true
                try s.enterArray()
                while try s.nextElement() { try parseWorkOrPage(&s, into: &works) }
            } else {
                try builder.take(key, from: &s)
            }
        }
        if !sawResults { works.append(builder.work) }
    }

    /// Collects the fields of one work object.
    struct WorkBuilder {
        var work = Work(source: .openAlexJSON)

        mutating func take(_ key: JSONScanner.Key, from s: inout JSONScanner) throws(JSONSyntaxError) {
            if s.key(key, is: "doi") {
                work.doi = try s.readOptionalString().flatMap { DOI.normalize($0) }
            } else if s.key(key, is: "id") {
                work.sourceID = try s.readOptionalString()
            } else if s.key(key, is: "publication_year") {
                work.year = try s.readOptionalInt()
            } else if s.key(key, is: "type") {
                work.documentType = try s.readOptionalString()
            } else if s.key(key, is: "title") || s.key(key, is: "display_name") {
                if let t = try s.readOptionalString(), work.title == nil { work.title = t }
            } else if s.key(key, is: "authorships"), try s.peekKind() == .array {
                try s.enterArray()
                while try s.nextElement() { work.authors.append(try Self.authorship(&s)) }
            } else {
                try s.skipValue()
            }
        }

        private struct Institution {
            var id: String?
            var country: CountryCode?
            var ror: String?
        }

        static func authorship(_ s: inout JSONScanner) throws(JSONSyntaxError) -> Author {
            var author = Author()
            guard try s.peekKind() == .object else {
                try s.skipValue()
                return author
            }
            var institutions: [Institution] = []
            var rawStrings: [String] = []
            var paired: [(raw: String?, institutionIDs: [String])] = []
            var hasPaired = false
            var countries: [CountryCode] = []
            try s.enterObject()
            while let key = try s.nextMember() {
                if s.key(key, is: "author"), try s.peekKind() == .object {
                    try s.enterObject()
                    while let k = try s.nextMember() {
                        if s.key(k, is: "display_name") { author.name = try s.readOptionalString() } else { try s.skipValue() }
                    }
                } else if s.key(key, is: "raw_author_name") {
                    if let n = try s.readOptionalString(), author.name == nil { author.name = n }
                } else if s.key(key, is: "is_corresponding") {
                    author.isCorresponding = try s.readOptionalBool()
                } else if s.key(key, is: "institutions"), try s.peekKind() == .array {
                    try s.enterArray()
                    while try s.nextElement() {
                        guard try s.peekKind() == .object else { try s.skipValue(); continue }
                        var inst = Institution()
                        try s.enterObject()
                        while let k = try s.nextMember() {
                            if s.key(k, is: "id") { inst.id = try s.readOptionalString() }
                            else if s.key(k, is: "country_code") { inst.country = try s.readOptionalString().flatMap { CountryCode($0) } }
                            else if s.key(k, is: "ror") { inst.ror = try s.readOptionalString() }
                            else { try s.skipValue() }
                        }
                        institutions.append(inst)
                    }
                } else if s.key(key, is: "raw_affiliation_strings"), try s.peekKind() == .array {
                    try s.enterArray()
                    while try s.nextElement() { if let r = try s.readOptionalString() { rawStrings.append(r) } }
                } else if s.key(key, is: "raw_affiliation_string") {
                    if let r = try s.readOptionalString(), !r.isEmpty, rawStrings.isEmpty { rawStrings.append(r) }
                } else if s.key(key, is: "affiliations"), try s.peekKind() == .array {
                    hasPaired = true
                    try s.enterArray()
                    while try s.nextElement() {
                        guard try s.peekKind() == .object else { try s.skipValue(); continue }
                        var raw: String?
                        var ids: [String] = []
                        try s.enterObject()
                        while let k = try s.nextMember() {
                            if s.key(k, is: "raw_affiliation_string") { raw = try s.readOptionalString() }
                            else if s.key(k, is: "institution_ids"), try s.peekKind() == .array {
                                try s.enterArray()
                                while try s.nextElement() { if let i = try s.readOptionalString() { ids.append(i) } }
                            } else { try s.skipValue() }
                        }
                        paired.append((raw, ids))
                    }
                } else if s.key(key, is: "countries"), try s.peekKind() == .array {
                    try s.enterArray()
                    while try s.nextElement() { if let c = try s.readOptionalString().flatMap({ CountryCode($0) }) { countries.append(c) } }
                } else {
                    try s.skipValue()
                }
            }
            author.affiliations = Self.affiliations(institutions: institutions, rawStrings: rawStrings,
                                                    paired: hasPaired ? paired : nil, countries: countries)
            return author
        }

        private static func affiliations(institutions: [Institution], rawStrings: [String],
                                         paired: [(raw: String?, institutionIDs: [String])]?,
                                         countries: [CountryCode]) -> [Affiliation] {
            var result: [Affiliation] = []
            if let paired, !paired.isEmpty {
                var used = Set<String>()
                for entry in paired {
                    let inst = entry.institutionIDs.lazy.compactMap { id in institutions.first(where: { $0.id == id }) }.first
                    if let id = inst?.id { used.insert(id) }
                    result.append(Affiliation(raw: entry.raw, countryCode: inst?.country, institutionID: inst?.ror ?? inst?.id))
                }
                for inst in institutions where !(inst.id.map(used.contains) ?? false) && inst.country != nil {
                    if !result.contains(where: { $0.institutionID == (inst.ror ?? inst.id) }) {
                        result.append(Affiliation(raw: nil, countryCode: inst.country, institutionID: inst.ror ?? inst.id))
                    }
                }
                return result
            }
            let n = max(institutions.count, rawStrings.count)
            for i in 0..<n {
                let inst = i < institutions.count ? institutions[i] : nil
                // Raw strings pair with institutions by position only when the counts agree.
                let raw = (i < rawStrings.count && (rawStrings.count == institutions.count || institutions.isEmpty || i >= institutions.count))
                    ? rawStrings[i] : nil
                result.append(Affiliation(raw: raw, countryCode: inst?.country, institutionID: inst?.ror ?? inst?.id))
            }
            if rawStrings.count != institutions.count, !institutions.isEmpty {
                for (i, r) in rawStrings.enumerated() where i < institutions.count {
                    result.append(Affiliation(raw: r))
                }
            }
            if result.isEmpty, let c = countries.first {
                result.append(Affiliation(countryCode: c))
            }
            return result
        }
    }
}
