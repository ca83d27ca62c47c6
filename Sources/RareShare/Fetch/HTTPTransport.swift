import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One HTTP answer, whatever its status: the caller decides what a 429 or a 503 means.
public struct HTTPResponse: Sendable {
    public var status: Int
    /// Header fields by lower-cased name.
    public var headers: [String: String]
    public var body: [UInt8]

    public init(status: Int, headers: [String: String] = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// Why no answer came back at all.
public enum TransportFailure: Error, Sendable, Equatable {
    /// No answer within the timeout.
    case timedOut
    /// Connection refused, reset or lost; DNS failure: worth another try later.
    case connection(String)
    /// The URL cannot be sent (a bug or a bad `--api-url`): not worth retrying.
    case badURL(String)
}

/// Sends one GET. A protocol so the fetcher can be driven by a test double
/// as well as by ``URLSessionTransport`` against the replay server.
public protocol HTTPTransport: Sendable {
    func get(_ url: String, timeout: Double) async throws -> HTTPResponse
}

/// GET over Foundation's `URLSession` (FoundationNetworking, libcurl, on Linux).
///
/// Chosen over AsyncHTTPClient because it comes with the toolchain: no
/// SwiftNIO to build (AsyncHTTPClient adds 2.5–4.5 minutes to every clean
/// CI build). What `fetch` needs from it is checked against the replay server
/// in the tests: per-request timeouts (`timeoutInterval`), every status code
/// handed back as a response (no error for 4xx/5xx), header fields such as
/// `Retry-After` readable, and cancellation of a request in flight.
///
/// One quirk found that way: on Linux the timeout is cut to whole seconds
/// (measured: 1.5 s waited 1.0 s, 0.9 s failed every request at once), so
/// timeouts are rounded up to whole seconds here, at least 1.
public final class URLSessionTransport: HTTPTransport {
    private let session: URLSession

    public init(userAgent: String = "rareshare") {
        let config = URLSessionConfiguration.ephemeral
        config.urlCache = nil
        config.requestCachePolicy = .reloadIgnoringLocalCacheData
        config.httpAdditionalHeaders = ["User-Agent": userAgent, "Accept": "application/json"]
        config.httpMaximumConnectionsPerHost = 8
        session = URLSession(configuration: config)
    }

    deinit { session.finishTasksAndInvalidate() }

    public func get(_ url: String, timeout: Double) async throws -> HTTPResponse {
        guard let u = URL(string: url) else { throw TransportFailure.badURL(url) }
        var request = URLRequest(url: u)
        request.timeoutInterval = max(1, timeout.rounded(.up))
        request.httpMethod = "GET"
        let data: Data, response: URLResponse
        do {
            (data, response) = try await session.data(for: request)
        } catch let error as URLError {
            switch error.code {
            case .timedOut: throw TransportFailure.timedOut
            case .cancelled: throw CancellationError()
            case .badURL, .unsupportedURL: throw TransportFailure.badURL(url)
            default: throw TransportFailure.connection(error.localizedDescription)
            }
        }
        guard let http = response as? HTTPURLResponse else { throw TransportFailure.connection("not an HTTP answer") }
        var headers: [String: String] = [:]
        for (k, v) in http.allHeaderFields {
            if let k = k as? String, let v = v as? String { headers[k.lowercased()] = v }
        }
        return HTTPResponse(status: http.statusCode, headers: headers, body: [UInt8](data))
    }
}
