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
        let (data, response) = try await send(request, url: url)
        guard let http = response as? HTTPURLResponse else { throw TransportFailure.connection("not an HTTP answer") }
        var headers: [String: String] = [:]
        for (k, v) in http.allHeaderFields {
            if let k = k as? String, let v = v as? String { headers[k.lowercased()] = v }
        }
        return HTTPResponse(status: http.statusCode, headers: headers, body: [UInt8](data))
    }

    /// One data task, driven by hand so that cancelling the calling task
    /// (Ctrl-C) cancels the request in flight at once, whatever the
    /// Foundation version (the Ctrl-C test of `fetch` checks it).
    private func send(_ request: URLRequest, url: String) async throws -> (Data, URLResponse) {
        let handle = TaskHandle()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<(Data, URLResponse), any Error>) in
                let task = session.dataTask(with: request) { data, response, error in
                    if let error = error as? URLError {
                        switch error.code {
                        case .timedOut: continuation.resume(throwing: TransportFailure.timedOut)
                        case .cancelled: continuation.resume(throwing: CancellationError())
                        case .badURL, .unsupportedURL: continuation.resume(throwing: TransportFailure.badURL(url))
                        default: continuation.resume(throwing: TransportFailure.connection(error.localizedDescription))
                        }
                    } else if let error {
                        continuation.resume(throwing: TransportFailure.connection(String(describing: error)))
                    } else if let response {
                        continuation.resume(returning: (data ?? Data(), response))
                    } else {
                        continuation.resume(throwing: TransportFailure.connection("no answer"))
                    }
                }
                handle.start(task)
            }
        } onCancel: {
            handle.cancel()
        }
    }
}

/// The data task of one request, cancellable from another thread, even
/// before it started.
///
/// `@unchecked Sendable`: `task` and `isCancelled` are read and written only while `lock` is held.
private final class TaskHandle: @unchecked Sendable {
    private let lock = NSLock()
    private var task: URLSessionDataTask?
    private var isCancelled = false

    func start(_ t: URLSessionDataTask) {
        lock.lock()
        task = t
        let cancelled = isCancelled
        lock.unlock()
        if cancelled { t.cancel() } else { t.resume() }
    }

    func cancel() {
        lock.lock()
        isCancelled = true
        let t = task
        lock.unlock()
        t?.cancel()
    }
}
