/// Streams Crossref works: REST API responses (`{"status": "ok",
/// "message-type": "work-list", "message": {"items": [...]}}` or a single
/// `"work"` message), bare work objects, JSON arrays of them, and JSON Lines
/// dumps — gzip or not, in any mix.
///
/// Per work: `DOI`, `type`, the first `title`, the year from `issued`
/// (Crossref's earliest known publication date), falling back to
/// `published-print`, `published-online`, `published`, then `created`; and
/// authors in order with each `affiliation[].name` (often absent in
/// Crossref: such authors simply have no affiliation). Crossref says nothing
/// of corresponding authors, so that flag stays unknown.
///
/// - Complexity: O(file size); memory one record (one API page for envelopes).
public struct CrossrefReader: WorkReader {
    public var format: SourceFormat { .crossrefJSON }

    public init() {}

    public func read(path: String, log: inout ProblemLog, _ body: (Work) throws -> Void) throws -> ReadStatistics {
        try JSONWorkFile.read(path: path, format: format, log: &log, with: Self.valueParser, body)
    }

    /// The Crossref schema's value parser, for ``JSONWorkFile``.
    public static let valueParser: JSONWorkFile.ValueParser = { s, works throws(JSONSyntaxError) in
        try parseValue(&s, into: &works)
    }

    /// One top-level value: a work, an API envelope, or an array of either.
    static func parseValue(_ s: inout JSONScanner, into works: inout [Work]) throws(JSONSyntaxError) {
        switch try s.peekKind() {
        case .array:
            try s.enterArray()
            while try s.nextElement() { try parseValue(&s, into: &works) }
        case .object:
            var builder = Builder()
            var envelope = false
            try s.enterObject()
            while let key = try s.nextMember() {
                if s.key(key, is: "message"), try s.peekKind() == .object {
                    envelope = true
                    try parseValue(&s, into: &works)
                } else if s.key(key, is: "items"), try s.peekKind() == .array {
                    envelope = true
                    try s.enterArray()
                    while try s.nextElement() { try parseValue(&s, into: &works) }
                } else {
                    try builder.take(key, from: &s)
                }
            }
            if !envelope { works.append(builder.finish()) }
        default:
            try s.skipValue()
        }
    }

    struct Builder {
        var work = Work(source: .crossrefJSON)
        var years: [String: Int] = [:]

        mutating func take(_ key: JSONScanner.Key, from s: inout JSONScanner) throws(JSONSyntaxError) {
            if s.key(key, is: "DOI") {
                work.doi = try s.readOptionalString().flatMap { DOI.normalize($0) }
            } else if s.key(key, is: "type") {
                work.documentType = try s.readOptionalString()
            } else if s.key(key, is: "title") {
                if try s.peekKind() == .array {
                    try s.enterArray()
                    while try s.nextElement() {
                        if let t = try s.readOptionalString(), work.title == nil { work.title = t }
                    }
                } else if let t = try s.readOptionalString() {
                    work.title = t
                }
            } else if s.key(key, is: "author"), try s.peekKind() == .array {
                try s.enterArray()
                while try s.nextElement() { work.authors.append(try Self.author(&s)) }
            } else if s.key(key, is: "issued") || s.key(key, is: "published-print") || s.key(key, is: "published-online")
                        || s.key(key, is: "published") || s.key(key, is: "created") {
                let name = s.keyString(key)
                if let y = try Self.year(&s) { years[name] = y }
            } else {
                try s.skipValue()
            }
        }

        func finish() -> Work {
            var w = work
            w.year = ["issued", "published-print", "published-online", "published", "created"].lazy.compactMap { years[$0] }.first
            if w.sourceID == nil { w.sourceID = w.doi }
            return w
        }

        /// The first number of `{"date-parts": [[year, month, day]]}`.
        static func year(_ s: inout JSONScanner) throws(JSONSyntaxError) -> Int? {
            guard try s.peekKind() == .object else { try s.skipValue(); return nil }
            var year: Int?
            try s.enterObject()
            while let k = try s.nextMember() {
                guard s.key(k, is: "date-parts"), try s.peekKind() == .array else { try s.skipValue(); continue }
                try s.enterArray()
                while try s.nextElement() {
                    guard try s.peekKind() == .array else { try s.skipValue(); continue }
                    try s.enterArray()
                    var first = true
                    while try s.nextElement() {
                        if first, try s.peekKind() == .number, year == nil {
                            year = try s.readOptionalInt().flatMap { YearParser.plausible.contains($0) ? $0 : nil }
                        } else {
                            try s.skipValue()
                        }
                        first = false
                    }
                }
            }
            return year
        }

        static func author(_ s: inout JSONScanner) throws(JSONSyntaxError) -> Author {
            guard try s.peekKind() == .object else { try s.skipValue(); return Author() }
            var author = Author()
            var given: String?, family: String?, name: String?
            try s.enterObject()
            while let k = try s.nextMember() {
                if s.key(k, is: "given") { given = try s.readOptionalString() }
                else if s.key(k, is: "family") { family = try s.readOptionalString() }
                else if s.key(k, is: "name") { name = try s.readOptionalString() }
                else if s.key(k, is: "affiliation"), try s.peekKind() == .array {
                    try s.enterArray()
                    while try s.nextElement() {
                        guard try s.peekKind() == .object else { try s.skipValue(); continue }
                        var affiliation = Affiliation()
                        try s.enterObject()
                        while let a = try s.nextMember() {
                            if s.key(a, is: "name") { affiliation.raw = try s.readOptionalString() }
                            else if s.key(a, is: "id"), try s.peekKind() == .array {
                                try s.enterArray()
                                while try s.nextElement() {
                                    guard try s.peekKind() == .object else { try s.skipValue(); continue }
                                    try s.enterObject()
                                    while let i = try s.nextMember() {
                                        if s.key(i, is: "id"), affiliation.institutionID == nil {
                                            affiliation.institutionID = try s.readOptionalString()
                                        } else { try s.skipValue() }
                                    }
                                }
                            } else { try s.skipValue() }
                        }
                        if affiliation.raw != nil || affiliation.institutionID != nil { author.affiliations.append(affiliation) }
                    }
                } else { try s.skipValue() }
            }
            if let family { author.name = given.map { "\(family), \($0)" } ?? family } else { author.name = name }
            return author
        }
    }
}
