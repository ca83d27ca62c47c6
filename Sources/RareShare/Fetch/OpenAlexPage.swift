/// One answer of the works endpoint, read for what `fetch` decides on:
/// the page's `meta` (`count`, `next_cursor`) and, per work, its id, DOI,
/// title, year and whether its author list was cut, with the work's own
/// bytes kept to be written out as they came.
///
/// Works are copied byte for byte (line breaks, which JSON allows only as
/// whitespace, become spaces), so what `analyze` reads is what OpenAlex sent.
struct OpenAlexPage: Sendable {
    /// `meta.count`: results of the whole query, over all pages.
    var count: Int?
    /// `meta.next_cursor`; nil on the last page.
    var nextCursor: String?
    var results: [FetchedWork] = []

    /// Parses a list page (`{"meta":…, "results":[…]}`) or a single work object.
    /// - Throws: ``JSONSyntaxError`` when the answer is not JSON of that shape.
    static func parse(_ body: [UInt8]) throws(JSONSyntaxError) -> OpenAlexPage {
        var page = OpenAlexPage()
        let outcome: Result<Void, JSONSyntaxError> = body.withUnsafeBufferPointer { buf in
            var s = JSONScanner(buf)
            do throws(JSONSyntaxError) {
                let start = s.offset
                var work = FetchedWork(line: [])
                var isPage = false
                try s.enterObject()
                while let key = try s.nextMember() {
                    if s.key(key, is: "meta"), try s.peekKind() == .object {
                        isPage = true
                        try readMeta(&s, into: &page)
                    } else if s.key(key, is: "results"), try s.peekKind() == .array {
                        isPage = true
                        try s.enterArray()
                        while try s.nextElement() { page.results.append(try FetchedWork.read(&s, from: buf)) }
                    } else {
                        try work.take(key, from: &s)
                    }
                }
                if !isPage {
                    work.line = FetchedWork.line(buf, start..<s.offset)
                    page.results = [work]
                    page.count = 1
                }
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try outcome.get()
        return page
    }

    private static func readMeta(_ s: inout JSONScanner, into page: inout OpenAlexPage) throws(JSONSyntaxError) {
        try s.enterObject()
        while let k = try s.nextMember() {
            if s.key(k, is: "count") { page.count = try s.readOptionalInt() }
            else if s.key(k, is: "next_cursor") { page.nextCursor = try s.readOptionalString() }
            else { try s.skipValue() }
        }
    }
}

/// One work of an answer: the fields `fetch` decides on, and its JSON text.
struct FetchedWork: Sendable {
    /// The work object as sent, on one line, without the line break.
    var line: [UInt8]
    /// `id`, e.g. `https://openalex.org/W2741809807`.
    var id: String?
    /// `doi`, normalised (``DOI/normalize(_:)``).
    var doi: String?
    var title: String?
    var year: Int?
    /// `is_authors_truncated`: OpenAlex cut the author list of this listing.
    var isAuthorsTruncated = false
    /// Entries of `authorships` as listed.
    var authorCount = 0

    /// The short OpenAlex id (`W2741809807`), for `/works/W…`.
    var shortID: String? {
        guard let id, let slash = id.lastIndex(of: "/") else { return id }
        return String(id[id.index(after: slash)...])
    }

    static func read(_ s: inout JSONScanner, from buf: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> FetchedWork {
        var work = FetchedWork(line: [])
        guard try s.peekKind() == .object else {
            throw JSONSyntaxError(offset: s.offset, "a result is not a JSON object")
        }
        let start = s.offset
        try s.enterObject()
        while let key = try s.nextMember() { try work.take(key, from: &s) }
        work.line = line(buf, start..<s.offset)
        return work
    }

    mutating func take(_ key: JSONScanner.Key, from s: inout JSONScanner) throws(JSONSyntaxError) {
        if s.key(key, is: "id") { id = try s.readOptionalString() }
        else if s.key(key, is: "doi") { doi = try s.readOptionalString().flatMap { DOI.normalize($0) } }
        else if s.key(key, is: "title") { title = try s.readOptionalString() }
        else if s.key(key, is: "publication_year") { year = try s.readOptionalInt() }
        else if s.key(key, is: "is_authors_truncated") { isAuthorsTruncated = try s.readOptionalBool() ?? false }
        else if s.key(key, is: "authorships"), try s.peekKind() == .array {
            try s.enterArray()
            while try s.nextElement() { authorCount += 1; try s.skipValue() }
        } else { try s.skipValue() }
    }

    /// The bytes of `range`, leading whitespace dropped, CR and LF made spaces.
    static func line(_ buf: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [UInt8] {
        var lo = range.lowerBound
        while lo < range.upperBound, buf[lo] == 0x20 || buf[lo] == 0x09 || buf[lo] == 0x0A || buf[lo] == 0x0D { lo += 1 }
        var out = Array(buf[lo..<range.upperBound])
        for i in out.indices where out[i] == 0x0A || out[i] == 0x0D { out[i] = 0x20 }
        return out
    }

    /// The line with `"rareshare_match":"title+year","rareshare_query":"…"`
    /// put first in the object, so readers that skip unknown keys see the
    /// same work and a reader of the file can tell how it was found.
    func flaggedTitleMatch(_ q: TitleQuery) -> [UInt8] {
        var out: [UInt8] = Array("{\"rareshare_match\":\"title+year\",\"rareshare_query\":".utf8)
        out += Array(JSONText.quote(q.resumeKey).utf8)
        let rest = line.dropFirst()   // after "{"
        if rest.first(where: { $0 != 0x20 && $0 != 0x09 }) != UInt8(ascii: "}") { out.append(UInt8(ascii: ",")) }
        out += rest
        return out
    }
}
