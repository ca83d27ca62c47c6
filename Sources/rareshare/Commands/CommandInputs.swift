import ArgumentParser
import Foundation
import RareShare

/// What `analyze` and `extract` share when turning arguments into inputs:
/// expanding files, folders and globs, and loading an overrides file; an
/// input error becomes its sysexits exit code with the message on stderr.
enum CommandInputs {
    /// Expands each argument list (see ``InputFiles/expand(_:)``), in order.
    static func expand(_ lists: [[String]]) throws -> [[String]] {
        do {
            return try lists.map { try InputFiles.expand($0) }
        } catch let error as InputError {
            Terminal.error(error.description)
            throw ExitCode(error.exitCode)
        }
    }

    /// The default resolver, with the user's overrides when a file is named.
    static func resolver(overrides: String?) throws -> (any AffiliationResolver)? {
        guard let overrides else { return nil }
        do {
            return EvidenceResolver(overrides: try AffiliationOverrides.load(path: overrides))
        } catch let error as InputError {
            Terminal.error(error.description)
            throw ExitCode(error.exitCode)
        }
    }

    /// Runs `body`; an ``InputError`` becomes its message on stderr and its exit code.
    static func reporting<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as InputError {
            Terminal.error(error.description)
            throw ExitCode(error.exitCode)
        }
    }

    static func reporting<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as InputError {
            Terminal.error(error.description)
            throw ExitCode(error.exitCode)
        }
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
