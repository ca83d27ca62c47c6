import Foundation

/// The URLs `fetch` sends to `<api>/works`, and how DOIs are cut into batches
/// that fit OpenAlex's limits.
///
/// Every URL is built here as text (not by `URLComponents`) so its length is
/// known exactly before it is sent: the 4,094-byte limit is on the URL as
/// OpenAlex receives it, percent-encoding included.
public struct WorksQuery: Sendable {
    public let settings: FetchSettings

    /// Bytes kept free in a batch's URL for `&cursor=…` of later pages: OpenAlex
    /// cursors are about 80 bytes of base64, encoded.
    static let cursorReserve = 200

    public init(settings: FetchSettings) { self.settings = settings }

    /// DOIs that cannot go in an OR filter: `|` and `,` are the filter syntax
    /// itself, so such a DOI is asked alone (`/works/doi:…`).
    public static func needsSingleLookup(_ doi: String) -> Bool { doi.contains("|") || doi.contains(",") }

    /// `dois` in order, cut into batches of at most ``FetchSettings/maxValuesPerRequest``
    /// whose first-page URL (with ``cursorReserve`` to spare) fits ``FetchSettings/maxURLBytes``.
    /// A DOI too long for any batch gets one of its own (and fails loudly if OpenAlex refuses it).
    /// - Complexity: O(total DOI bytes).
    public func batches(_ dois: [String]) -> [[String]] {
        let fixed = listURL(filter: "doi:", perPage: settings.perPage, cursor: "*").utf8.count + Self.cursorReserve
        var result: [[String]] = []
        var current: [String] = []
        var length = fixed
        for doi in dois {
            let encoded = Self.encode(doi).utf8.count
            if !current.isEmpty && (current.count >= settings.maxValuesPerRequest || length + 3 + encoded > settings.maxURLBytes) {
                result.append(current)
                current = []
                length = fixed
            }
            length += encoded + (current.isEmpty ? 0 : 3)   // "%7C" between values
            current.append(doi)
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    /// The URL of one page of a DOI batch.
    public func batchURL(_ dois: [String], cursor: String) -> String {
        listURL(filter: "doi:" + dois.map(Self.encode).joined(separator: "%7C"), perPage: settings.perPage, cursor: cursor)
    }

    /// One work by its OpenAlex id (`W123…`) or by `doi:…`; single works are
    /// never cut short, unlike list pages.
    public func singleURL(_ id: String) -> String {
        var url = base + "/works/" + Self.encode(id)
        var query: [String] = []
        if !settings.full { query.append("select=" + FetchSettings.selectFields.joined(separator: ",")) }
        query += identity
        if !query.isEmpty { url += "?" + query.joined(separator: "&") }
        return url
    }

    /// A title search within one year: `title.search` takes words, so the
    /// normalised title (letters, digits, spaces) is what is sent.
    public func titleURL(_ q: TitleQuery) -> String {
        listURL(filter: "title.search:" + Self.encode(q.key) + ",publication_year:\(q.year)",
                perPage: settings.titlePerPage, cursor: nil)
    }

    /// `<api>/works?filter=…&per-page=…[&select=…][&cursor=…][&mailto=…][&api_key=…]`;
    /// `filter` is already encoded.
    func listURL(filter: String, perPage: Int, cursor: String?) -> String {
        var query = ["filter=" + filter, "per-page=\(perPage)"]
        if !settings.full { query.append("select=" + FetchSettings.selectFields.joined(separator: ",")) }
        if let cursor { query.append("cursor=" + Self.encode(cursor)) }
        query += identity
        return base + "/works?" + query.joined(separator: "&")
    }

    /// The same URL for messages: the API key hidden, and a long filter
    /// shortened to its start (a batch's URL is up to 4 KB of DOIs).
    public static func redacted(_ url: String) -> String {
        var shown = url
        if let r = shown.range(of: "api_key=") {
            let end = shown[r.upperBound...].firstIndex(of: "&") ?? shown.endIndex
            shown.replaceSubrange(r.upperBound..<end, with: "…")
        }
        if let f = shown.range(of: "filter=") {
            let end = shown[f.upperBound...].firstIndex(of: "&") ?? shown.endIndex
            let values = shown[f.upperBound..<end]
            if values.count > 120 {
                let count = values.components(separatedBy: "%7C").count
                shown.replaceSubrange(f.upperBound..<end, with: String(values.prefix(100)) + "…(\(count) values)")
            }
        }
        return shown
    }

    private var base: String {
        var b = settings.apiURL
        while b.hasSuffix("/") { b.removeLast() }
        return b
    }

    private var identity: [String] {
        var q: [String] = []
        if let m = settings.mailto, !m.isEmpty { q.append("mailto=" + Self.encode(m)) }
        if let k = settings.apiKey, !k.isEmpty { q.append("api_key=" + Self.encode(k)) }
        return q
    }

    /// Percent-encodes all but unreserved characters and `:` `/` `(` `)` `*`
    /// (legal in a query, common in DOIs); `+`, `&`, `;`, `|`, `,`, `#`, space,
    /// `<`, `>` and non-ASCII bytes are encoded.
    public static func encode(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"),
                 UInt8(ascii: ":"), UInt8(ascii: "/"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "*"):
                out.unicodeScalars.append(Unicode.Scalar(b))
            default:
                let hex = Array("0123456789ABCDEF".utf8)
                out.unicodeScalars.append("%")
                out.unicodeScalars.append(Unicode.Scalar(hex[Int(b >> 4)]))
                out.unicodeScalars.append(Unicode.Scalar(hex[Int(b & 15)]))
            }
        }
        return out
    }
}
