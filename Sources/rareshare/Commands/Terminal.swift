import Foundation
import RareShare

/// stderr output: notes, errors and progress (only on a terminal).
enum Terminal {
    static var stderrIsTerminal: Bool { isatty(2) == 1 }

    static func write(_ s: String) {
        FileHandle.standardError.write(s.data(using: .utf8)!)
    }

    static func note(_ s: String) { write("rareshare: \(s)\n") }

    static func error(_ s: String) {
        let prefix = stderrIsTerminal ? "\u{1B}[31merror:\u{1B}[0m " : "error: "
        write(prefix + s + "\n")
    }

    static func clearProgress() { write("\r\u{1B}[K") }
}

/// A one-line progress display on stderr: stage, file, records, MB read of
/// all inputs, MB/s, elapsed time and ETA by bytes read. Redrawn at most five
/// times a second.
///
/// `@unchecked Sendable`: every mutable field is read and written only while
/// `lock` is held.
final class ProgressDisplay: @unchecked Sendable {
    private let lock = NSLock()
    private let totalBytes: Int
    private let start = Date()
    private var lastDraw = Date.distantPast
    private var doneByFile: [String: Int] = [:]

    /// `files`: every input, for the total the ETA is measured against (compressed sizes for gzip).
    init(files: [String]) {
        totalBytes = files.reduce(0) { total, f in
            total + ((try? FileManager.default.attributesOfItem(atPath: f)[.size] as? Int) ?? 0)
        }
    }

    func update(_ e: ProgressEvent) {
        lock.lock()
        defer { lock.unlock() }
        doneByFile[e.file] = max(doneByFile[e.file] ?? 0, e.bytesDone)
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.2 else { return }
        lastDraw = now
        let done = doneByFile.values.reduce(0, +)
        let elapsed = now.timeIntervalSince(start)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let eta = rate > 0 && totalBytes > done ? Double(totalBytes - done) / rate : 0
        let line = String(format: "%@ %@: %d records | %.0f of %.0f MB | %.1f MB/s | %@ elapsed | ETA %@",
                          e.stage, (e.file as NSString).lastPathComponent, e.records,
                          Double(done) / 1_048_576, Double(totalBytes) / 1_048_576, rate / 1_048_576,
                          Self.clock(elapsed), Self.clock(eta))
        Terminal.write("\r\u{1B}[K" + line)
    }

    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String(format: "%d:%02d", s / 60, s % 60)
    }
}

/// Where the bundled demonstration exports live: `RARESHARE_FIXTURES` if set,
/// else `Fixtures/demo` of the source tree this binary was built from.
enum DemoFixtures {
    static var folder: String {
        if let env = ProcessInfo.processInfo.environment["RARESHARE_FIXTURES"] { return env }
        let source = URL(fileURLWithPath: #filePath)   // …/Sources/rareshare/Commands/Terminal.swift
        return source.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures/demo").path
    }
}

/// A progress bar on stderr for counted work (`fetch`: DOIs answered of those
/// asked, requests, retries, ETA by count). Redrawn at most five times a second.
///
/// `@unchecked Sendable`: every mutable field is read and written only while `lock` is held.
final class CountProgressBar: @unchecked Sendable {
    private let lock = NSLock()
    private let label: String
    private let start = Date()
    private var lastDraw = Date.distantPast

    init(label: String) { self.label = label }

    func update(_ p: FetchProgress) {
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.2 || p.done == p.total else { return }
        lastDraw = now
        let width = 30
        let fraction = p.total > 0 ? Double(p.done) / Double(p.total) : 1
        let filled = Int((fraction * Double(width)).rounded(.down))
        let elapsed = now.timeIntervalSince(start)
        let eta = p.done > 0 && p.total > p.done ? elapsed / Double(p.done) * Double(p.total - p.done) : 0
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        Terminal.write("\r\u{1B}[K\(label) [\(bar)] \(p.done)/\(p.total) | found \(p.found) | \(p.requests) requests, "
                       + "\(p.retries) retries | \(ProgressDisplay.clock(elapsed)) elapsed | ETA \(ProgressDisplay.clock(eta))")
    }
}

/// Turns Ctrl-C (SIGINT) into a call, so a command can stop between two
/// whole writes instead of being killed in the middle of one.
final class InterruptHandler: @unchecked Sendable {   // `source` is set once in init and only cancelled after
    private let source: DispatchSourceSignal

    init(_ action: @escaping @Sendable () -> Void) {
        // A parent may have started us with SIGINT blocked (test runners do): unblock it here.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        signal(SIGINT, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGINT, queue: DispatchQueue.global())
        source.setEventHandler(handler: action)
        source.resume()
    }

    func stop() {
        source.cancel()
        signal(SIGINT, SIG_DFL)
    }
}
