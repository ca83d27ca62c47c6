import ArgumentParser
import Foundation
import RareShare

struct FetchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Fetch from OpenAlex the works that Reaxys citations (or a DOI list) name, for analyze.",
        discussion: """
        DOIs are normalised and asked in batches (filter=doi:a|b|…, at most 100 \
        a request and 4,094 bytes of URL), one request at a time, with only the \
        fields analyze reads. The works go to one JSON Lines file (gzip if the \
        name ends in .gz) that analyze reads as it is:

          rareshare fetch --citations reaxys/citations/ --out openalex/works.jsonl.gz \\
                          --mailto you@example.org
          rareshare analyze --substances reaxys/substances/ --citations reaxys/citations/ \\
                            --works openalex/works.jsonl.gz --out results/

        Run the same command again after Ctrl-C, a failure or --max-requests: \
        DOIs already in the output (or in not_found.tsv beside it) are not asked \
        again. A 429 waits for Retry-After; 5xx answers and timeouts are retried \
        with exponential back-off. Works whose author list the list endpoint cut \
        are fetched again one by one. With --titles, citations without a DOI are \
        looked up by title and year, and kept only on an exact normalised-title \
        and year match (flagged "rareshare_match":"title+year" in the output).

        Exit codes: 0 done; 75 stopped at --max-requests or by a long Retry-After \
        (run again later); 77 the API key was refused (401/403); 69 OpenAlex failed \
        for good; 73 the output cannot be written; 130 interrupted; 64 usage; \
        66 an input is missing.
        """
    )

    @Option(name: .customLong("citations"), parsing: .upToNextOption,
            help: ArgumentHelp("Reaxys citation exports (XML) whose DOIs to fetch.", valueName: "path"))
    var citations: [String] = []

    @Option(name: .customLong("dois"), parsing: .upToNextOption,
            help: ArgumentHelp("Text files with one DOI a line (any usual form: 10.…, doi:…, https://doi.org/…).", valueName: "file"))
    var dois: [String] = []

    @Option(name: .shortAndLong, help: ArgumentHelp("Output JSON Lines file; gzip when it ends in .gz. Appended to, never overwritten.", valueName: "file"))
    var out: String

    @Option(name: .customLong("not-found"), help: ArgumentHelp("Where DOIs and titles without a work are listed (default: not_found.tsv beside --out).", valueName: "file"))
    var notFound: String?

    @Option(name: .customLong("api-url"), help: ArgumentHelp("Base URL of the OpenAlex API.", valueName: "url"))
    var apiURL = "https://api.openalex.org"

    @Option(help: ArgumentHelp("Your e-mail, sent as mailto= (OpenAlex's polite pool).", valueName: "email"))
    var mailto: String?

    @Option(name: .customLong("api-key"), help: ArgumentHelp("OpenAlex API key (default: the OPENALEX_API_KEY environment variable).", valueName: "key"))
    var apiKey: String?

    @Flag(help: "Also look up citations without a DOI by title and year (exact normalised match only).")
    var titles = false

    @Flag(help: "Fetch whole records instead of only the fields analyze reads (about 6 times the bytes, 8 gzipped).")
    var full = false

    @Option(help: ArgumentHelp("Requests in flight at once (be polite: OpenAlex asks for few).", valueName: "n"))
    var concurrency = 1

    @Option(name: .customLong("max-requests"), help: ArgumentHelp("Send at most this many HTTP requests, retries included, then stop cleanly (a daily budget).", valueName: "n"))
    var maxRequests: Int?

    @Option(name: .customLong("per-page"), help: ArgumentHelp("Results per page, 1 to 200.", valueName: "n"))
    var perPage = 200

    @Option(help: ArgumentHelp("Seconds to wait for an answer (whole seconds, at least 1).", valueName: "s"))
    var timeout: Double = 30

    @Option(help: ArgumentHelp("Retries of a request after a 429, a 5xx or a timeout.", valueName: "n"))
    var retries = 8

    @Option(help: ArgumentHelp("Seconds before the first retry; doubled each time, up to --max-backoff.", valueName: "s"))
    var backoff: Double = 1

    @Option(name: .customLong("max-backoff"), help: ArgumentHelp("Longest wait between retries, seconds.", valueName: "s"))
    var maxBackoff: Double = 60

    @OptionGroup var common: CommonOptions

    func validate() throws {
        if citations.isEmpty && dois.isEmpty { throw ValidationError("name what to fetch: --citations FILES… or --dois FILE.") }
        if titles && citations.isEmpty { throw ValidationError("--titles looks up citations without a DOI; it needs --citations.") }
        if concurrency < 1 { throw ValidationError("--concurrency must be at least 1.") }
        if let maxRequests, maxRequests < 1 { throw ValidationError("--max-requests must be at least 1.") }
        if !(1...200).contains(perPage) { throw ValidationError("--per-page must be between 1 and 200 (OpenAlex's limit).") }
        if timeout < 1 || backoff < 0 || maxBackoff < 0 { throw ValidationError("--timeout must be at least 1 second, --backoff and --max-backoff 0 or more.") }
        if retries < 0 { throw ValidationError("--retries must be 0 or more.") }
        if !apiURL.hasPrefix("http://") && !apiURL.hasPrefix("https://") {
            throw ValidationError("--api-url must start with http:// or https://, not '\(apiURL)'.")
        }
    }

    func run() async throws {
        var targets = FetchTargets()
        do {
            var skipped: [Problem] = []   // warned about on stderr by expand
            let expanded = try CommandInputs.expand([citations], skipped: &skipped)
            try targets.addCitations(files: expanded[0], titles: titles)
            try targets.addDOIList(files: dois)
        } catch let error as InputError {
            Terminal.error(error.description)
            throw ExitCode(error.exitCode)
        }
        for p in targets.problems.problems.prefix(20) { Terminal.note(p.description) }
        let fetcher = WorksFetcher(settings: settings, transport: URLSessionTransport(userAgent: userAgent))
        let display = !common.quiet && Terminal.stderrIsTerminal ? CountProgressBar(label: "fetch") : nil
        let notFoundPath = notFound ?? (URL(fileURLWithPath: out).deletingLastPathComponent().path + "/not_found.tsv")
        var progress: (@Sendable (FetchProgress) -> Void)?
        if let display { progress = { @Sendable p in display.update(p) } }
        let output = out, request = fetcher, asked = targets
        let task = Task<FetchSummary, any Error> {
            try await request.run(asked, output: output, notFoundPath: notFoundPath, progress: progress)
        }
        let interrupt = InterruptHandler { task.cancel() }
        let summary: FetchSummary
        do {
            summary = try await task.value
        } catch let error as FetchError {
            Terminal.error(error.description)
            throw ExitCode(error.exitCode)
        }
        interrupt.stop()
        if display != nil { Terminal.clearProgress() }
        if !common.quiet { Terminal.write(summary.text) }
        switch summary.stop {
        case .finished: return
        case .budgetSpent: throw ExitCode(75)
        case .interrupted: throw ExitCode(130)
        case let .failed(message, code):
            Terminal.error(message)
            throw ExitCode(code)
        }
    }

    private var settings: FetchSettings {
        var s = FetchSettings()
        s.apiURL = apiURL
        s.mailto = mailto
        s.apiKey = apiKey ?? ProcessInfo.processInfo.environment["OPENALEX_API_KEY"].flatMap { $0.isEmpty ? nil : $0 }
        s.full = full
        s.perPage = perPage
        s.concurrency = concurrency
        s.maxRequests = maxRequests
        s.timeout = timeout
        s.retry = RetryPolicy(maxRetries: retries, baseDelay: backoff, maxDelay: maxBackoff)
        return s
    }

    private var userAgent: String { "rareshare" + (mailto.map { " (mailto:\($0))" } ?? "") }
}
