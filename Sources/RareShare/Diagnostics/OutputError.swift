/// A fatal problem writing the results: the output folder cannot be made,
/// or a write fails (disk full, permission, a read-only file system).
///
/// Kept apart from ``InputError`` so that a full disk is not reported as a
/// missing input: the two have different remedies and different exit codes.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// The folder or a file in it cannot be created (sysexits EX_CANTCREAT, 73).
        case cannotCreate
        /// Writing, flushing or moving a file failed (sysexits EX_IOERR, 74).
        case writeFailed
    }

    public var kind: Kind
    /// The file or folder at fault.
    public var path: String
    public var message: String
    /// The system's `errno`, where one was set (28 is ENOSPC, no space left).
    public var errno: Int32?

    public init(_ kind: Kind, path: String, errno: Int32? = nil, _ message: String) {
        self.kind = kind
        self.path = path
        self.errno = errno
        self.message = message
    }

    public var description: String { "\(path): \(message)" }

    /// 73 when something cannot be created, 74 when a write fails.
    public var exitCode: Int32 {
        switch kind {
        case .cannotCreate: 73
        case .writeFailed: 74
        }
    }
}
