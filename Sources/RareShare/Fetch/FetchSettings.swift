/// How `fetch` talks to the OpenAlex works endpoint: where, as whom, how
/// much per request, how many at once, and how patiently.
///
/// The limits are OpenAlex's own (documented for `/works`): at most 100 values
/// in one OR filter, at most 4,094 bytes of URL, at most 200 results a page.
/// Defaults are polite: one request at a time.
public struct FetchSettings: Sendable {
    /// Base of the API; requests go to `<apiURL>/works`.
    public var apiURL = "https://api.openalex.org"
    /// Sent as `mailto=` (OpenAlex's "polite pool": faster, steadier answers).
    public var mailto: String?
    /// Sent as `api_key=`; OpenAlex meters a day's requests per key.
    public var apiKey: String?
    /// Ask for whole records instead of only the fields `analyze` reads (``selectFields``).
    public var full = false
    /// Results per page, 1…200.
    public var perPage = 200
    /// DOIs in one `filter=doi:a|b|…`, at most 100.
    public var maxValuesPerRequest = 100
    /// Bytes of the whole URL, at most 4,094.
    public var maxURLBytes = 4094
    /// Requests in flight at once.
    public var concurrency = 1
    /// HTTP requests this run may send, retries included (a daily budget); nil: no limit.
    public var maxRequests: Int?
    /// Seconds to wait for an answer before the request counts as timed out
    /// (whole seconds, at least 1: see ``URLSessionTransport``).
    public var timeout: Double = 30
    /// Waiting between attempts.
    public var retry = RetryPolicy()
    /// List endpoints cut author lists at this many authorships: a work listed
    /// with this many (or flagged `is_authors_truncated`) is fetched again alone.
    public var authorListLimit = 100
    /// Results asked of one title search (only exact title + year matches are kept).
    public var titlePerPage = 10

    public init() {}

    /// The fields `analyze` reads from an OpenAlex work (see ``OpenAlexReader``),
    /// requested with `select=` unless ``full``: about a sixth of a full record's bytes
    /// (measured on the test corpus: 353,575 against 2,221,804 bytes for 139 works).
    public static let selectFields = ["id", "doi", "title", "publication_year", "type", "authorships"]
}

/// When and how long to wait before trying a request again.
///
/// A 429 waits what `Retry-After` says (capped by ``maxRetryAfter``; without the
/// header, as a 5xx); 5xx answers, timeouts and dropped connections wait
/// ``baseDelay`` × 2^(attempt−1), capped by ``maxDelay``. No jitter: with one
/// request at a time there is no herd to spread, and tests stay exact.
public struct RetryPolicy: Sendable, Equatable {
    /// Attempts after the first before a request is given up.
    public var maxRetries = 8
    /// Seconds before the first retry.
    public var baseDelay: Double = 1
    /// Longest back-off, seconds.
    public var maxDelay: Double = 60
    /// Longest `Retry-After` honoured, seconds; longer asks stop the run (the budget is spent).
    public var maxRetryAfter: Double = 600

    public init(maxRetries: Int = 8, baseDelay: Double = 1, maxDelay: Double = 60, maxRetryAfter: Double = 600) {
        self.maxRetries = maxRetries
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.maxRetryAfter = maxRetryAfter
    }

    /// Seconds to wait before retry number `retry` (1-based) after a transient failure.
    public func backoff(retry: Int) -> Double {
        var delay = baseDelay
        for _ in 1..<max(retry, 1) { delay *= 2; if delay >= maxDelay { break } }
        return min(delay, maxDelay)
    }
}
