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
        try JSONWorkFile.read(path: path, format: .openAlexJSON, log: &log, with: Self.valueParser, body)
    }

    /// The OpenAlex schema's value parser, for ``JSONWorkFile``.
    public static let valueParser: JSONWorkFile.ValueParser = { s, works throws(JSONSyntaxError) in
        try parseWorkOrPage(&s, into: &works)
    }

    /// Parses one record cut by ``JSONRecordSplitter`` (see ``JSONWorkFile/parse(_:file:ordinal:with:)``).
    public static func parse(_ record: JSONRecordSplitter.Record, file: String, ordinal: Int) -> JSONWorkFile.ParsedRecord {
        JSONWorkFile.parse(record, file: file, ordinal: ordinal, with: valueParser)
    }

    /// Parses one top-level value: a work, or an API page whose `results` are works.
    static func parseWorkOrPage(_ s: inout JSONScanner, into works: inout [Work]) throws(JSONSyntaxError) {
        var scratch = AuthorScratch()
        try parseWorkOrPage(&s, into: &works, scratch: &scratch)
    }

    private static func parseWorkOrPage(_ s: inout JSONScanner, into works: inout [Work],
                                        scratch: inout AuthorScratch) throws(JSONSyntaxError) {
        if try s.peekKind() == .array {
            try s.enterArray()
            while try s.nextElement() { try parseWorkOrPage(&s, into: &works, scratch: &scratch) }
            return
        }
        var builder = WorkBuilder()
        var sawResults = false
        try s.enterObject()
        while let key = try s.nextMember() {
            if s.key(key, is: "results"), try s.peekKind() == .array {
                sawResults = true
                try s.enterArray()
                while try s.nextElement() { try parseWorkOrPage(&s, into: &works, scratch: &scratch) }
            } else {
                try builder.take(key, from: &s, scratch: &scratch)
            }
        }
        if !sawResults { works.append(builder.work) }
    }

    /// One institution of an authorship, as spans of the record until the
    /// author's affiliations are put together.
    struct InstitutionSpans {
        var id: JSONScanner.StringSpan?
        var country: CountryCode?
        var ror: JSONScanner.StringSpan?
    }

    /// One entry of an authorship's `affiliations[]`: its institution ids are
    /// `ids` in ``AuthorScratch/institutionIDs``.
    struct PairedSpans {
        var raw: JSONScanner.StringSpan?
        var ids: Range<Int>
    }

    /// Working storage for one authorship, kept across the authors of a
    /// record so that reading an author allocates only the strings it keeps.
    struct AuthorScratch {
        var institutions: [InstitutionSpans] = []
        var rawStrings: [JSONScanner.StringSpan] = []
        var paired: [PairedSpans] = []
        var institutionIDs: [JSONScanner.StringSpan] = []
        var used: [JSONScanner.StringSpan] = []
        var countries: [CountryCode] = []

        mutating func reset() {
            institutions.removeAll(keepingCapacity: true)
            rawStrings.removeAll(keepingCapacity: true)
            paired.removeAll(keepingCapacity: true)
            institutionIDs.removeAll(keepingCapacity: true)
            used.removeAll(keepingCapacity: true)
            countries.removeAll(keepingCapacity: true)
        }
    }

    /// Collects the fields of one work object.
    struct WorkBuilder {
        var work = Work(source: .openAlexJSON)

        mutating func take(_ key: JSONScanner.Key, from s: inout JSONScanner,
                           scratch: inout AuthorScratch) throws(JSONSyntaxError) {
            if s.key(key, is: "doi") {
                work.doi = try s.readOptionalString().flatMap { DOI.normalize($0) }
            } else if s.key(key, is: "id") {
                work.sourceID = try s.readOptionalString()
            } else if s.key(key, is: "publication_year") {
                work.year = try s.readOptionalInt()
            } else if s.key(key, is: "type") {
                work.documentType = try s.readOptionalString()
            } else if s.key(key, is: "title") || s.key(key, is: "display_name") {
                if let t = try s.readOptionalStringSpan(), work.title == nil { work.title = s.string(t) }
            } else if s.key(key, is: "authorships"), try s.peekKind() == .array {
                try s.enterArray()
                while try s.nextElement() { work.authors.append(try Self.authorship(&s, scratch: &scratch)) }
            } else {
                try s.skipValue()
            }
        }

        static func authorship(_ s: inout JSONScanner, scratch: inout AuthorScratch) throws(JSONSyntaxError) -> Author {
            var author = Author()
            guard try s.peekKind() == .object else {
                try s.skipValue()
                return author
            }
            scratch.reset()
            var hasPaired = false
            try s.enterObject()
            while let key = try s.nextMember() {
                if s.key(key, is: "author"), try s.peekKind() == .object {
                    try s.enterObject()
                    while let k = try s.nextMember() {
                        if s.key(k, is: "display_name") { author.name = try s.readOptionalString() } else { try s.skipValue() }
                    }
                } else if s.key(key, is: "raw_author_name") {
                    if let n = try s.readOptionalStringSpan(), author.name == nil { author.name = s.string(n) }
                } else if s.key(key, is: "is_corresponding") {
                    author.isCorresponding = try s.readOptionalBool()
                } else if s.key(key, is: "institutions"), try s.peekKind() == .array {
                    try s.enterArray()
                    while try s.nextElement() {
                        guard try s.peekKind() == .object else { try s.skipValue(); continue }
                        var inst = InstitutionSpans()
                        try s.enterObject()
                        while let k = try s.nextMember() {
                            if s.key(k, is: "id") { inst.id = try s.readOptionalStringSpan() }
                            else if s.key(k, is: "country_code") { inst.country = try s.readOptionalCountryCode() }
                            else if s.key(k, is: "ror") { inst.ror = try s.readOptionalStringSpan() }
                            else { try s.skipValue() }
                        }
                        scratch.institutions.append(inst)
                    }
                } else if s.key(key, is: "raw_affiliation_strings"), try s.peekKind() == .array {
                    try s.enterArray()
                    while try s.nextElement() { if let r = try s.readOptionalStringSpan() { scratch.rawStrings.append(r) } }
                } else if s.key(key, is: "raw_affiliation_string") {
                    if let r = try s.readOptionalStringSpan(), !r.isEmpty, scratch.rawStrings.isEmpty { scratch.rawStrings.append(r) }
                } else if s.key(key, is: "affiliations"), try s.peekKind() == .array {
                    hasPaired = true
                    try s.enterArray()
                    while try s.nextElement() {
                        guard try s.peekKind() == .object else { try s.skipValue(); continue }
                        var raw: JSONScanner.StringSpan?
                        let first = scratch.institutionIDs.count
                        try s.enterObject()
                        while let k = try s.nextMember() {
                            if s.key(k, is: "raw_affiliation_string") { raw = try s.readOptionalStringSpan() }
                            else if s.key(k, is: "institution_ids"), try s.peekKind() == .array {
                                try s.enterArray()
                                while try s.nextElement() {
                                    if let i = try s.readOptionalStringSpan() { scratch.institutionIDs.append(i) }
                                }
                            } else { try s.skipValue() }
                        }
                        scratch.paired.append(PairedSpans(raw: raw, ids: first..<scratch.institutionIDs.count))
                    }
                } else if s.key(key, is: "countries"), try s.peekKind() == .array {
                    try s.enterArray()
                    while try s.nextElement() { if let c = try s.readOptionalCountryCode() { scratch.countries.append(c) } }
                } else {
                    try s.skipValue()
                }
            }
            author.affiliations = Self.affiliations(s, &scratch, paired: hasPaired)
            return author
        }

        /// The author's affiliations: with `affiliations[]` (`paired`), each
        /// entry with the first of its institutions listed in `institutions[]`,
        /// then the listed institutions no entry named; otherwise institutions
        /// and raw strings side by side.
        private static func affiliations(_ s: JSONScanner, _ scratch: inout AuthorScratch, paired: Bool) -> [Affiliation] {
            func string(_ span: JSONScanner.StringSpan?) -> String? { span.map { s.string($0) } }
            let institutions = scratch.institutions, rawStrings = scratch.rawStrings
            var result: [Affiliation] = []
            if paired, !scratch.paired.isEmpty {
                for entry in scratch.paired {
                    var inst: InstitutionSpans?
                    search: for id in scratch.institutionIDs[entry.ids] {
                        for candidate in institutions {
                            if let cid = candidate.id, s.equal(cid, id) {
                                inst = candidate
                                break search
                            }
                        }
                    }
                    if let id = inst?.id { scratch.used.append(id) }
                    result.append(Affiliation(raw: string(entry.raw), countryCode: inst?.country,
                                              institutionID: string(inst?.ror ?? inst?.id)))
                }
                for inst in institutions where inst.country != nil {
                    if let id = inst.id, scratch.used.contains(where: { s.equal($0, id) }) { continue }
                    let institutionID = string(inst.ror ?? inst.id)
                    if !result.contains(where: { $0.institutionID == institutionID }) {
                        result.append(Affiliation(raw: nil, countryCode: inst.country, institutionID: institutionID))
                    }
                }
                return result
            }
            let n = max(institutions.count, rawStrings.count)
            result.reserveCapacity(n)
            for i in 0..<n {
                let inst = i < institutions.count ? institutions[i] : nil
                // Raw strings pair with institutions by position only when the counts agree.
                let raw = (i < rawStrings.count && (rawStrings.count == institutions.count || institutions.isEmpty || i >= institutions.count))
                    ? rawStrings[i] : nil
                result.append(Affiliation(raw: string(raw), countryCode: inst?.country, institutionID: string(inst?.ror ?? inst?.id)))
            }
            if rawStrings.count != institutions.count, !institutions.isEmpty {
                for (i, r) in rawStrings.enumerated() where i < institutions.count {
                    result.append(Affiliation(raw: s.string(r)))
                }
            }
            if result.isEmpty, let c = scratch.countries.first {
                result.append(Affiliation(countryCode: c))
            }
            return result
        }
    }
}
