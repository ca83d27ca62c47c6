/// Why a fetch run stopped before asking for everything.
public enum FetchError: Error, Sendable, CustomStringConvertible {
    /// 401 or 403: OpenAlex refused the key (or wants one).
    case refused(status: Int, url: String, hadKey: Bool, message: String)
    /// Another 4xx, or a 5xx/timeout that outlasted every retry.
    case failed(status: Int?, url: String, attempts: Int, message: String)
    /// The answer was not the JSON of a works page.
    case malformedAnswer(url: String, offset: Int, message: String)
    /// A 429 asked to wait longer than ``RetryPolicy/maxRetryAfter``: the day's budget is spent.
    case rateLimited(url: String, retryAfter: Double)
    /// The output or `not_found.tsv` cannot be written (errno text).
    case output(path: String, message: String)

    public var description: String {
        switch self {
        case let .refused(status, url, hadKey, message):
            let advice = hadKey
                ? "the API key was refused: check --api-key (or OPENALEX_API_KEY), and whether its daily budget is spent"
                : "this API wants a key: pass --api-key KEY or set OPENALEX_API_KEY (free at openalex.org/settings/api)"
            return "HTTP \(status) from \(url): \(advice)" + (message.isEmpty ? "" : " (server said: \(message))")
        case let .failed(status, url, attempts, message):
            let what = status.map { "HTTP \($0)" } ?? "no answer"
            return "\(what) from \(url) after \(attempts) attempt\(attempts == 1 ? "" : "s"): \(message)"
        case let .malformedAnswer(url, offset, message):
            return "answer of \(url) is not a works page: byte \(offset): \(message)"
        case let .rateLimited(url, retryAfter):
            return "\(url): OpenAlex asks to wait \(Int(retryAfter)) s (Retry-After): the daily budget is likely spent; run again later to continue"
        case let .output(path, message):
            return "\(path): cannot write: \(message)"
        }
    }

    /// Exit code for the command: 77 (EX_NOPERM) for a refused key, 73 (EX_CANTCREAT)
    /// for output, 75 (EX_TEMPFAIL) for a spent budget, 69 (EX_UNAVAILABLE) otherwise.
    public var exitCode: Int32 {
        switch self {
        case .refused: 77
        case .output: 73
        case .rateLimited: 75
        case .failed, .malformedAnswer: 69
        }
    }
}
