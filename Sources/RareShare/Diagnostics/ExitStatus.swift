/// The one mapping from a run's fatal errors to the BSD sysexits codes every
/// command exits with, so that a script tells the causes apart the same way
/// for `analyze`, `extract`, `inspect`, `figures` and `resolve`:
///
/// | code | meaning |
/// |---|---|
/// | 65 | bad data (an unknown format, `--strict`) |
/// | 66 | an input missing or unreadable |
/// | 73 | the output cannot be created |
/// | 74 | writing the output failed (disk full) |
/// | 130 | interrupted (SIGINT or SIGTERM) |
public enum ExitStatus {
    /// Exit code and message for `error`, or `nil` for an error that is not
    /// one of the run's (a usage error, which the argument parser reports).
    public static func of(_ error: any Error) -> (code: Int32, message: String)? {
        switch error {
        case let e as InputError: (e.exitCode, e.description)
        case let e as OutputError: (e.exitCode, e.description)
        default: nil
        }
    }

    /// The exit status after SIGINT or SIGTERM (128 + SIGINT, as shells report it).
    public static let interrupted: Int32 = 130
}
