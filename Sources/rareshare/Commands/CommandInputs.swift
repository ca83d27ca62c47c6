import ArgumentParser
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
}
