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

    static func progress(_ e: ProgressEvent) {
        let mb = Double(e.bytesDone) / 1_048_576
        write("\r\u{1B}[K\(e.stage): \((e.file as NSString).lastPathComponent) \(e.records) records, \(String(format: "%.1f", mb)) MB")
    }

    static func clearProgress() { write("\r\u{1B}[K") }
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
