import Foundation

/// Finds the library's data files (`cities.tsv.gz`, `ror-names.tsv.gz`, …)
/// from where the running executable is, so an installed `rareshare` works
/// after the checkout it was built in is gone.
///
/// SwiftPM's `Bundle.module` falls back to the absolute build folder and
/// stops the process when neither place has the bundle; this looks in each
/// layout in turn and returns `nil` instead:
/// 1. `RARESHARE_RESOURCES` (a folder holding the files);
/// 2. `<bin>/../share/rareshare/resources/` (what `Scripts/install` writes);
/// 3. `<bin>/RareShare_RareShare.resources/Resources/` (a build folder, the test runner's too).
public enum ResourceFiles {
    /// The folders searched, in order.
    public static var folders: [URL] {
        var out: [URL] = []
        if let env = ProcessInfo.processInfo.environment["RARESHARE_RESOURCES"] { out.append(URL(fileURLWithPath: env)) }
        let bin = executableFolder
        out.append(bin.deletingLastPathComponent().appendingPathComponent("share/rareshare/resources"))
        out.append(bin.appendingPathComponent("RareShare_RareShare.resources/Resources"))
        out.append(bin.appendingPathComponent("RareShare_RareShare.resources"))
        return out
    }

    /// The path of one resource file, `nil` when no folder has it.
    public static func path(_ name: String) -> String? {
        folders.map { $0.appendingPathComponent(name).path }.first { FileManager.default.fileExists(atPath: $0) }
    }

    /// The folder of the running executable, symbolic links resolved
    /// (`/proc/self/exe` on Linux, else the first argument).
    public static var executableFolder: URL {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: exe).resolvingSymlinksInPath().deletingLastPathComponent()
    }
}
