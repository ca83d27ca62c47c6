#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Measures a resolver against a labeled set of real affiliation strings
/// (`Fixtures/affiliations/evaluation.tsv`, built by
/// `Scripts/build-affiliation-evaluation.py`): correct, wrong and unresolved
/// answers overall, for strings that name their country and for strings that
/// do not, and resolution speed.
///
/// Wrong and unresolved are kept apart because they cost differently: an
/// unresolved author drops out of `A(s)`, a wrong one moves a share to
/// another country.
public struct ResolverEvaluation: Sendable {
    /// One labeled string.
    public struct Case: Sendable, Equatable {
        public var affiliation: String
        public var expected: CountryCode
        /// The string contains a name of its country.
        public var namesCountry: Bool
        /// Where the string comes from (`wos`, `wos-cut`, `openalex`, …).
        public var source: String
    }

    /// Counts of one group of cases.
    public struct Tally: Sendable, Equatable {
        public var correct = 0
        public var wrong = 0
        public var unresolved = 0
        public var total: Int { correct + wrong + unresolved }

        func percent(_ n: Int) -> Double { total == 0 ? 0 : 100 * Double(n) / Double(total) }
        public var correctPercent: Double { percent(correct) }
        public var wrongPercent: Double { percent(wrong) }
        public var unresolvedPercent: Double { percent(unresolved) }

        mutating func add(_ expected: CountryCode, _ got: CountryCode?) {
            if got == expected { correct += 1 } else if got == nil { unresolved += 1 } else { wrong += 1 }
        }
    }

    public var overall = Tally()
    public var namingCountry = Tally()
    public var notNamingCountry = Tally()
    /// Per source, sorted by source name.
    public var bySource: [(source: String, tally: Tally)] = []
    /// Every wrong answer, in file order.
    public var wrongAnswers: [(case: Case, answer: CountryResolution)] = []
    /// Every unresolved case, in file order.
    public var unresolvedCases: [(case: Case, answer: CountryResolution)] = []

    /// Reads `country TAB names_country TAB source TAB affiliation` rows (header first).
    /// - Throws: ``InputError`` naming the line of a malformed row.
    public static func load(path: String) throws -> [Case] {
        let source = try ByteSource(path: path)
        var bytes: [UInt8] = []
        while let chunk = try source.nextChunk() { bytes += chunk }   // a few hundred kB
        try source.throwIfDamaged()
        var cases: [Case] = []
        var line = 0
        for row in String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
            line += 1
            if line == 1 || row.isEmpty { continue }
            let f = row.split(separator: "\t", maxSplits: 3, omittingEmptySubsequences: false)
            guard f.count == 4, let code = CountryCode(f[0]), f[1] == "yes" || f[1] == "no" else {
                throw InputError(.malformed, at: SourcePosition(file: path, line: line), "expected country, names_country (yes/no), source, affiliation")
            }
            cases.append(Case(affiliation: String(f[3]), expected: code, namesCountry: f[1] == "yes", source: String(f[2])))
        }
        return cases
    }

    /// Resolves every case once and counts the answers.
    public init(cases: [Case], resolver: some AffiliationResolver) {
        var sources: [String: Tally] = [:]
        for c in cases {
            let answer = resolver.resolve(c.affiliation)
            overall.add(c.expected, answer.country)
            if c.namesCountry { namingCountry.add(c.expected, answer.country) } else { notNamingCountry.add(c.expected, answer.country) }
            sources[c.source, default: Tally()].add(c.expected, answer.country)
            if answer.country == nil { unresolvedCases.append((c, answer)) }
            else if answer.country != c.expected { wrongAnswers.append((c, answer)) }
        }
        bySource = sources.keys.sorted().map { ($0, sources[$0]!) }
    }

    /// Resolution speed, in strings per second on one core.
    public struct Speed: Sendable {
        /// Distinct strings, each resolved from scratch.
        public var distinctPerSecond: Double
        /// Repeated strings, answered from a ``CountryAttributor``'s cache.
        public var cachedPerSecond: Double
    }

    /// Times `resolver` over `strings` (repeated until at least `seconds`
    /// have passed) and over the same strings through a caching attributor.
    ///
    /// Time is the thread's CPU time, not wall time, so that other work on
    /// the machine does not lower the figure: the rate is per core.
    public static func measureSpeed(strings: [String], resolver: some AffiliationResolver, seconds: Double = 1) -> Speed {
        let clock = ThreadCPUClock()
        guard !strings.isEmpty else { return Speed(distinctPerSecond: 0, cachedPerSecond: 0) }
        var count = 0, resolved = 0
        let start = clock.now
        var elapsed: Duration = .zero
        repeat {
            for s in strings where resolver.resolve(s).country != nil { resolved += 1 }
            count += strings.count
            elapsed = clock.now - start
        } while elapsed < .seconds(seconds)
        let distinct = Double(count) / Self.seconds(elapsed)

        var attributor = CountryAttributor(resolver: resolver)
        let affiliations = strings.map { Affiliation(raw: $0) }
        for a in affiliations { _ = attributor.country(of: a) }   // fill the cache
        var cachedCount = 0
        let cachedStart = clock.now
        repeat {
            for a in affiliations where attributor.country(of: a) != nil { resolved += 1 }
            cachedCount += affiliations.count
            elapsed = clock.now - cachedStart
        } while elapsed < .seconds(seconds)
        _ = resolved   // keeps the loops from being optimized away
        return Speed(distinctPerSecond: distinct, cachedPerSecond: Double(cachedCount) / Self.seconds(elapsed))
    }

    private static func seconds(_ d: Duration) -> Double {
        let c = d.components
        return Double(c.seconds) + Double(c.attoseconds) * 1e-18
    }

    /// The report `rareshare resolve --evaluate` prints.
    public func text(speed: Speed? = nil, listing: Int = 20) -> String {
        func row(_ name: String, _ t: Tally) -> String {
            let pad = name.padding(toLength: 26, withPad: " ", startingAt: 0)
            return "\(pad)\(String(t.total).leftPadded(6))  correct \(NumberFormat.fixed(t.correctPercent, decimals: 2).leftPadded(6))%  wrong \(NumberFormat.fixed(t.wrongPercent, decimals: 2).leftPadded(5))%  unresolved \(NumberFormat.fixed(t.unresolvedPercent, decimals: 2).leftPadded(6))%"
        }
        var lines: [String] = []
        lines.append(row("all strings", overall))
        lines.append(row("naming their country", namingCountry))
        lines.append(row("not naming their country", notNamingCountry))
        for (s, t) in bySource { lines.append(row("  " + s, t)) }
        if let speed {
            lines.append("speed: \(Int(speed.distinctPerSecond)) distinct strings/s, \(Int(speed.cachedPerSecond)) repeated strings/s (cache), one core")
        }
        if listing > 0 {
            lines.append("wrong answers (\(wrongAnswers.count)):")
            for (c, a) in wrongAnswers.prefix(listing) {
                lines.append("  expected \(c.expected), got \(a.country?.description ?? "-"): \(c.affiliation)  [\(a.evidenceWithRule)]")
            }
            lines.append("unresolved (\(unresolvedCases.count)):")
            for (c, a) in unresolvedCases.prefix(listing) {
                lines.append("  expected \(c.expected): \(c.affiliation)  [\(a.evidenceWithRule)]")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// CPU time of the calling thread. C: clock_gettime(CLOCK_THREAD_CPUTIME_ID).
private struct ThreadCPUClock {
    var now: Duration {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return .seconds(ts.tv_sec) + .nanoseconds(ts.tv_nsec)
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
