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
