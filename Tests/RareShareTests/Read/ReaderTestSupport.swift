import Foundation
@testable import RareShare

/// Reads a whole file with its detected reader, for tests.
struct ReadResult {
    var works: [Work]
    var stats: ReadStatistics
    var log: ProblemLog
}

func readAll(_ path: String, override: SourceFormat? = nil) throws -> ReadResult {
    let reader = try FormatDetector.workReader(for: path, override: override)
    var log = ProblemLog()
    var works: [Work] = []
    let stats = try reader.read(path: path, log: &log) { works.append($0) }
    return ReadResult(works: works, stats: stats, log: log)
}

/// Writes the first `fraction` of `source`'s bytes (or `bytes` bytes) to a temp file.
func truncatedCopy(of source: String, keeping bytes: Int, name: String) throws -> (folder: URL, path: String) {
    let folder = try Fixture.temporaryFolder()
    let data = try Data(contentsOf: URL(fileURLWithPath: source))
    let url = folder.appendingPathComponent(name)
    try data.prefix(bytes).write(to: url)
    return (folder, url.path)
}

/// Byte offset of the `n`-th (1-based) occurrence of `needle` in the file at `path`.
func offset(of needle: String, occurrence n: Int, in path: String) throws -> Int {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    let pattern = Data(needle.utf8)
    var start = data.startIndex
    var found = 0
    while let r = data.range(of: pattern, in: start..<data.endIndex) {
        found += 1
        if found == n { return r.lowerBound - data.startIndex }
        start = r.upperBound
    }
    throw CocoaError(.fileReadCorruptFile)
}
