import ArgumentParser
import Foundation
import RareShare

/// What `analyze` and `extract` share when turning arguments into inputs:
/// expanding files, folders and globs, and loading an overrides file; an
/// input error becomes its sysexits exit code with the message on stderr.
enum CommandInputs {
    /// Expands each argument list (see ``InputFiles/expand(_:skipped:)``), in
    /// order; what folders held besides regular files is warned about on
    /// stderr and returned in `skipped` (for problems.tsv).
    static func expand(_ lists: [[String]], skipped: inout [Problem]) throws -> [[String]] {
        var found: [Problem] = []
        let files = try reporting { try lists.map { try InputFiles.expand($0, skipped: &found) } }
        for p in found { Terminal.warning(p.description) }
        skipped += found
        return files
    }

    /// The default resolver, with the user's overrides when a file is named.
    static func resolver(overrides: String?) throws -> (any AffiliationResolver)? {
        guard let overrides else { return nil }
        return try reporting { EvidenceResolver(overrides: try AffiliationOverrides.load(path: overrides)) }
    }

    /// Runs `body`; an error of the run (``InputError``, ``OutputError``)
    /// becomes its message on stderr and its exit code (``ExitStatus``), the
    /// one mapping every command shares. `after` adds a sentence to the
    /// message (what became of the previous results).
    static func reporting<T>(staged output: OutputFolder? = nil, _ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch { throw exit(for: error, staged: output) }
    }

    static func reporting<T>(staged output: OutputFolder? = nil, _ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw exit(for: error, staged: output) }
    }

    /// The message on stderr and the ``ExitCode`` for `error`; other errors
    /// pass through. With a staged output, the message names the file as the
    /// user knows it and says the previous results are untouched.
    static func exit(for error: any Error, staged output: OutputFolder? = nil) -> any Error {
        var error = error
        if let output, let e = error as? OutputError { error = output.shown(e) }
        guard let (code, message) = ExitStatus.of(error) else { return error }
        Terminal.error(message + (output.map { "; " + $0.abandonedNote } ?? ""))
        return ExitCode(code)
    }

    /// The output folder of a run, staged beside `path` before any work (see
    /// ``OutputFolder``), with interrupts from now on leaving the previous results whole.
    static func stage(_ path: String) throws -> OutputFolder {
        let folder = try reporting { try OutputFolder(target: path) }
        Interrupts.protect(folder)
        return folder
    }

    /// A usage error when `path` names something that is not a folder: the
    /// run would otherwise fail only when writing, after all the work.
    static func checkOutputFolder(_ path: String, option: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw ValidationError("\(option) '\(path)' is a file, not a folder: name a new or existing folder for the output.")
        }
    }
}
