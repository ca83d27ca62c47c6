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

    /// A warning about the whole run, loud on a terminal.
    static func warning(_ s: String) {
        let prefix = stderrIsTerminal ? "\u{1B}[1;33mwarning:\u{1B}[0m " : "warning: "
        write(prefix + s + "\n")
    }

    static func clearProgress() { write("\r\u{1B}[K") }

    /// Columns of the terminal on stderr (`TIOCGWINSZ`), else `COLUMNS`, else 80.
    static var width: Int {
        var size = winsize()
        if ioctl(2, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init) ?? 80
    }
}

/// A one-line progress display on stderr: stage, file, records, MiB read of
/// all inputs, MiB/s, elapsed time and ETA by bytes read. Redrawn at most five
/// times a second, cut to the terminal's width (read at each redraw, so a
/// resized window is followed).
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
        let line = ProgressLine(stage: e.stage, file: e.file, records: e.records, bytesDone: doneByFile.values.reduce(0, +),
                                bytesTotal: totalBytes, elapsed: now.timeIntervalSince(start))
        Terminal.write("\r\u{1B}[K" + line.text(width: Terminal.width))
    }
}

/// Where the bundled demonstration exports live: `RARESHARE_FIXTURES` if
/// set; else `share/rareshare/demo` beside the installed binary's `bin/`;
/// else `Fixtures/demo` of the checkout the binary sits in (`.build/…`).
/// Found from the executable's own path, never from a path compiled in, so
/// an installed binary works after the checkout is gone.
enum DemoFixtures {
    static var folder: String? {
        if let env = ProcessInfo.processInfo.environment["RARESHARE_FIXTURES"] { return env }
        let exe = URL(fileURLWithPath: CommandLine.executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
        var candidates = [exe.deletingLastPathComponent().appendingPathComponent("share/rareshare/demo")]
        var dir = exe
        for _ in 0..<4 {
            dir = dir.deletingLastPathComponent()
            candidates.append(dir.appendingPathComponent("Fixtures/demo"))
        }
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("works").path) }?.path
    }
}

extension CommandLine {
    /// This executable's own path: `/proc/self/exe` on Linux, else `argv[0]`.
    static var executablePath: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? arguments[0]
    }
}
