#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CZlib

/// Writes rows, one per line, to a file, plain or gzip-compressed.
///
/// The rows go to a hidden `.name.partial` first and are renamed into place
/// by ``close()``: Spark and Hadoop skip names that start with a dot, so a
/// job started while an extraction is still running never reads half a file.
/// Lines are buffered and handed to the C library 1 MiB at a time.
///
/// C: `fopen`/`fwrite`/`fclose`, or zlib's `gzopen`/`gzwrite`/`gzclose`.
public final class RowFileWriter {
    /// The final path, valid once ``close()`` has returned.
    public let path: String
    public let isCompressed: Bool
    public private(set) var rows = 0
    private let partialPath: String
    private var plain: UnsafeMutablePointer<FILE>?
    private var compressed: gzFile?
    private var buffer: [UInt8] = []
    private static let flushSize = 1 << 20

    /// Opens `path` for writing (replacing an older file of that name only at ``close()``).
    /// - Throws: ``InputError`` `.unreadable` when the file cannot be created.
    public init(path: String, compressed: Bool) throws {
        self.path = path
        self.isCompressed = compressed
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        partialPath = folder + "." + name + ".partial"
        if compressed {
            self.compressed = gzopen(partialPath, "wb6")
            if self.compressed == nil { throw Self.failure(partialPath, "cannot create", kind: .cannotCreate) }
        } else {
            plain = fopen(partialPath, "wb")
            if plain == nil { throw Self.failure(partialPath, "cannot create", kind: .cannotCreate) }
        }
        buffer.reserveCapacity(Self.flushSize + 4096)
    }

    deinit {
        // Reached only when close() was not called (an error upstream): drop the partial file.
        if let plain { fclose(plain); unlink(partialPath) }
        if let compressed { gzclose(compressed); unlink(partialPath) }
    }

    /// Appends one row and a line break.
    public func write(_ row: String) throws {
        buffer.append(contentsOf: row.utf8)
        buffer.append(0x0A)
        rows += 1
        if buffer.count >= Self.flushSize { try flush() }
    }

    /// Writes what is buffered, closes the file and moves it to ``path``.
    public func close() throws {
        try flush()
        if let file = plain {
            plain = nil
            if fclose(file) != 0 { throw Self.failure(partialPath, "cannot finish writing") }
        }
        if let file = compressed {
            compressed = nil
            if gzclose(file) != Z_OK { throw Self.failure(partialPath, "cannot finish writing") }
        }
        if rename(partialPath, path) != 0 { throw Self.failure(path, "cannot move the finished file into place") }
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        let ok = buffer.withUnsafeBytes { raw -> Bool in
            guard let base = raw.baseAddress else { return true }
            if let plain { return fwrite(base, 1, raw.count, plain) == raw.count }
            if let compressed { return gzwrite(compressed, base, UInt32(raw.count)) == Int32(raw.count) }
            return false
        }
        if !ok { throw Self.failure(partialPath, "write failed (disk full?)") }
        buffer.removeAll(keepingCapacity: true)
    }

    private static func failure(_ path: String, _ what: String, kind: OutputError.Kind = .writeFailed) -> OutputError {
        let e = errno
        return OutputError(kind, path: path, errno: e, "\(what): \(String(cString: strerror(e)))")
    }
}
