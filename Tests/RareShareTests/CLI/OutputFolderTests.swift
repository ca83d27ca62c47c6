import Foundation
import Testing
@testable import RareShare

/// The output folder is written whole or not at all: files of the previous
/// run are replaced (the manifest lists them), other files are kept, and a
/// failed or interrupted run leaves the previous results and no staging folder.
@Suite struct OutputFolderTests {
    static func contents(_ folder: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            out[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return out
    }

    /// Entries of `parent` that are staging folders.
    static func leftovers(in parent: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: parent.path).filter { $0.contains(".rareshare-") }
    }

    /// One baseline run (each run of the demo takes seconds), then the cases on copies of its folder.
    @Test func previousResultsStayWholeOrAreReplacedWhole() throws {
        let dir = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let baseline = dir.appendingPathComponent("baseline")
        let first = try CommandRunner.run(["analyze", "--out", baseline.path, "-q", "--counting", "all"])
        #expect(first.status == 0, "\(first.stderr)")
        for (i, signal) in [SIGINT, SIGTERM].enumerated() {
            let sub = dir.appendingPathComponent("interrupt\(i)")
            try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: baseline, to: sub.appendingPathComponent("out"))
            try Self.interruptLeavesThePreviousResults(in: sub, signal: signal)
        }
        let failing = dir.appendingPathComponent("failing")
        try FileManager.default.createDirectory(at: failing, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: baseline, to: failing.appendingPathComponent("out"))
        try Self.failedWriteLeavesThePreviousResults(in: failing)
        try Self.previousRunFilesAreReplacedOthersKept(baseline, in: dir)
    }

    static func previousRunFilesAreReplacedOthersKept(_ out: URL, in dir: URL) throws {
        try Data("my notes\n".utf8).write(to: out.appendingPathComponent("notes.txt"))
        let manifest = try String(contentsOf: out.appendingPathComponent(".rareshare-manifest"), encoding: .utf8)
        #expect(manifest.contains("Country_weighted_allSubs.full.tsv\n"))
        #expect(!manifest.contains("notes.txt"))
        let second = try CommandRunner.run(["analyze", "--out", out.path, "-q"])
        #expect(second.status == 0, "\(second.stderr)")
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: out.path))
        #expect(names.contains("notes.txt"))
        #expect(!names.contains("Country_weighted_allSubs.full.tsv"), "a file of the previous run that this run did not write")
        #expect(names.contains("Country_weighted_allSubs.tsv"))
        let written = try String(contentsOf: out.appendingPathComponent(".rareshare-manifest"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        #expect(Set(written).union(["notes.txt", ".rareshare-manifest"]) == names)
        #expect(try Self.leftovers(in: dir).isEmpty)
    }

    static func failedWriteLeavesThePreviousResults(in dir: URL) throws {
        let out = dir.appendingPathComponent("out")
        let before = try Self.contents(out)
        // A 4 KiB file-size limit makes writing the larger tables fail (EFBIG), like a full disk.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", "ulimit -f 4; trap '' XFSZ; exec \"$0\" analyze --out \"$1\" -q --counting all",
                             CommandRunner.binary.path, out.path]
        let err = Pipe()
        process.standardError = err
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 74)
        #expect(message.contains("error: \(out.path)/"), "\(message)")
        #expect(message.contains("cannot write: File too large; nothing was written: the previous results in \(out.path) are as they were"))
        #expect(try Self.contents(out) == before)
        #expect(try Self.leftovers(in: dir).isEmpty)
    }

    static func interruptLeavesThePreviousResults(in dir: URL, signal: Int32) throws {
        let out = dir.appendingPathComponent("out")
        let before = try Self.contents(out)
        // Works large enough that the run is still reading when the signal comes.
        let works = dir.appendingPathComponent("works.jsonl")
        let one = try Data(contentsOf: URL(fileURLWithPath: Fixture.shared("corpora/openalex-json/openalexPro__biodiversity_finance_200.jsonl")))
        try Data((0..<4).flatMap { _ in one }).write(to: works)
        let process = Process()
        process.executableURL = CommandRunner.binary
        process.arguments = ["analyze", "--works", works.path, "--out", out.path, "-q", "--threads", "1"]
        let err = Pipe()
        process.standardError = err
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        while try Self.leftovers(in: dir).isEmpty, Date() < deadline { usleep(20_000) }
        usleep(300_000)
        kill(process.processIdentifier, signal)
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130, "signal \(signal): \(message)")
        #expect(message.contains("interrupted: nothing was written; the previous results in \(out.path) are as they were"))
        #expect(try Self.contents(out) == before)
        #expect(try Self.leftovers(in: dir).isEmpty)
    }

    @Test func anOutputThatIsAFileIsRefusedBeforeAnyWork() throws {
        let dir = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("results")
        try Data("x".utf8).write(to: file)
        let r = try CommandRunner.run(["analyze", "--out", file.path, "-q"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("is a file, not a folder"))
        #expect(try Data(contentsOf: file) == Data("x".utf8))
    }

    @Test func exitCodesOfTheRunsErrors() {
        let write = OutputError(.writeFailed, path: "out/a.tsv", errno: 28, "cannot write: No space left on device")
        #expect(ExitStatus.of(write)?.code == 74)
        #expect(ExitStatus.of(OutputError(.cannotCreate, path: "out", "cannot create"))?.code == 73)
        #expect(ExitStatus.of(InputError(.missing, at: SourcePosition(file: "a"), "no such file"))?.code == 66)
        #expect(ExitStatus.of(InputError(.malformed, at: SourcePosition(file: "a"), "bad"))?.code == 65)
        #expect(ExitStatus.of(CocoaError(.fileNoSuchFile)) == nil)
    }
}
