#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file that only grows by whole blocks: each ``append(_:)`` is one
/// `write(2)` of complete lines (or one complete gzip member), so an
/// interrupted run leaves a file that ends at a block boundary, and a run
/// killed mid-write leaves a tail that ``truncate(to:)`` cuts on the next open.
///
/// Bound to the task that writes the output.
final class AppendFile {
    let path: String
    let fd: Int32

    /// Opens (creating if needed) for reading the old content and appending.
    init(path: String) throws(FetchError) {
        self.path = path
        let fd = open(path, O_RDWR | O_CREAT, 0o644)
        guard fd >= 0 else { throw FetchError.output(path: path, message: Self.errnoText()) }
        self.fd = fd
    }

    deinit { close(fd) }

    /// Reads the whole file in chunks from the start, handing `body` every complete
    /// line (without its `\n`); returns the bytes up to the end of the last complete line.
    func forEachLine(_ body: ([UInt8]) throws -> Void) throws -> Int {
        _ = lseek(fd, 0, SEEK_SET)
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var carry: [UInt8] = []
        var complete = 0
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 { throw FetchError.output(path: path, message: Self.errnoText()) }
            if n == 0 { break }
            var start = 0
            for i in 0..<n where chunk[i] == 0x0A {
                if carry.isEmpty { try body(Array(chunk[start..<i])) } else {
                    carry += chunk[start..<i]
                    try body(carry)
                    carry.removeAll(keepingCapacity: true)
                }
                complete += i + 1 - start
                start = i + 1
            }
            carry += chunk[start..<n]   // the rest waits for its line break
        }
        return complete
    }

    /// Bytes of the file now.
    var size: Int {
        var st = stat()
        return fstat(fd, &st) == 0 ? Int(st.st_size) : 0
    }

    /// Cuts the file to `length` bytes (a torn tail) and positions at the end.
    func truncate(to length: Int) throws(FetchError) {
        guard ftruncate(fd, off_t(length)) == 0 else { throw FetchError.output(path: path, message: Self.errnoText()) }
        _ = lseek(fd, 0, SEEK_END)
    }

    /// Writes `bytes` at the end in one call (looping only on a short write).
    func append(_ bytes: [UInt8]) throws(FetchError) {
        _ = lseek(fd, 0, SEEK_END)
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + done, $0.count - done) }
            if n < 0 {
                if errno == EINTR { continue }
                throw FetchError.output(path: path, message: Self.errnoText())
            }
            done += n
        }
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}

extension AppendFile {
    /// Hands `body` the first `count` bytes of the file (fewer if it is shorter).
    func forEachPrefix(_ count: Int, _ body: ([UInt8]) -> Void) throws {
        var head = [UInt8](repeating: 0, count: count)
        let n = head.withUnsafeMutableBytes { pread(fd, $0.baseAddress, count, 0) }
        if n < 0 { throw FetchError.output(path: path, message: Self.errnoText()) }
        body(Array(head[0..<n]))
    }
}
