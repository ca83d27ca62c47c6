import Foundation

/// Paths of test inputs: the project's `Fixtures/` and the shared reference
/// material (`../shared`, beside the repository).
enum Fixture {
    /// The repository root, found from this file's location.
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()   // Support
        .deletingLastPathComponent()   // RareShareTests
        .deletingLastPathComponent()   // Tests
        .deletingLastPathComponent()   // repository root

    /// A file or folder under `Fixtures/`.
    static func url(_ relative: String) -> URL { root.appendingPathComponent("Fixtures").appendingPathComponent(relative) }
    static func path(_ relative: String) -> String { url(relative).path }

    /// A file or folder under the shared reference material (`../shared`).
    static func shared(_ relative: String) -> String {
        root.deletingLastPathComponent().appendingPathComponent("shared").appendingPathComponent(relative).path
    }

    /// A fresh temporary folder, removed by `cleanup`.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rareshare-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
