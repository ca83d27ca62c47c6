import Foundation
import Testing
@testable import RareShare

/// Naming inputs: link loops, FIFOs and sockets in folders never hang a
/// run, names with glob characters are taken as they are, and "empty" means
/// no byte but white space in the whole file.
@Suite struct InputFilesTests {
    @Test func linkLoopsAreWalkedOnce() throws {
        let dir = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sub = dir.appendingPathComponent("sub")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        try Data("a\n".utf8).write(to: dir.appendingPathComponent("a.jsonl"))
        try Data("b\n".utf8).write(to: sub.appendingPathComponent("b.jsonl"))
        // Two links to the folder itself and one up: each would recurse forever.
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("self").path, withDestinationPath: ".")
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("again").path, withDestinationPath: ".")
        try FileManager.default.createSymbolicLink(atPath: sub.appendingPathComponent("up").path, withDestinationPath: "..")
        var skipped: [Problem] = []
        let files = try InputFiles.expand([dir.path], skipped: &skipped)
        #expect(files == [dir.path + "/a.jsonl", dir.path + "/sub/b.jsonl"])
        #expect(skipped.map(\.position.file) == [dir.path + "/again", dir.path + "/self", dir.path + "/sub/up"])
        #expect(skipped.allSatisfy { $0.reason.hasPrefix("this folder was already read (a symbolic link loop") })
    }

    @Test func fifosAndSocketsInFoldersAreSkipped() throws {
        let dir = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("a\n".utf8).write(to: dir.appendingPathComponent("a.jsonl"))
        let fifo = dir.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("dangling").path, withDestinationPath: "nowhere")
        var skipped: [Problem] = []
        let files = try InputFiles.expand([dir.path], skipped: &skipped)
        #expect(files == [dir.path + "/a.jsonl"])
        #expect(skipped.map(\.reason) == ["a broken symbolic link; not read",
                                          "not a regular file (a FIFO); not read: name it directly to read a pipe"])
    }

    @Test func existingNamesWithGlobCharactersAreTakenAsTheyAre() throws {
        let dir = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        for name in ["works[1].jsonl", "works1.jsonl", "what?.jsonl", "star*.jsonl", "starry.jsonl"] {
            try Data("x\n".utf8).write(to: dir.appendingPathComponent(name))
        }
        #expect(try InputFiles.expand([dir.path + "/works[1].jsonl"]) == [dir.path + "/works[1].jsonl"])
        #expect(try InputFiles.expand([dir.path + "/what?.jsonl"]) == [dir.path + "/what?.jsonl"])
        #expect(try InputFiles.expand([dir.path + "/star*.jsonl"]) == [dir.path + "/star*.jsonl"])
        // A pattern that names no file is still a pattern.
        #expect(try InputFiles.expand([dir.path + "/star?y.jsonl"]) == [dir.path + "/starry.jsonl"])
    }

    @Test func leadingBlankLinesDoNotMakeAFileEmpty() async throws {
        let works = try BadInputTests.bytes("works/works-1.jsonl")
        let padded = [UInt8](repeating: 0x0A, count: 100) + [UInt8](repeating: 0x20, count: 4000) + works
        let result = try await BadInputTests.run(works: padded, publicationsOnly: true)
        #expect(!result.quality.problems.problems.contains { $0.reason.contains("empty") })
        #expect(result.quality.files.first?.recordsRead == 4)
        let blank = try await BadInputTests.run(works: [UInt8](repeating: 0x20, count: 70_000) + [0x0A], publicationsOnly: true)
        #expect(blank.quality.problems.problems.map(\.reason) == ["the file is empty; nothing was read from it"])
    }

    @Test func fileNamesAreEscapedInTSV() {
        #expect(AnalysisReportWriter.escapedName("a\tb\nc\r\nd\\e.xml") == "a\\tb\\nc\\r\\nd\\\\e.xml")
        #expect(AnalysisReportWriter.escapedName("plain.xml") == "plain.xml")
    }
}
