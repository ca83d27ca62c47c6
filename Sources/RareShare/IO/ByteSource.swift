#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CISAL

/// Reads a file as a stream of fixed-size chunks, gunzipping transparently
/// when the content starts with the gzip magic bytes (whatever the name).
///
/// Gzip is inflated with ISA-L (`libisal`), not zlib: on the benchmark's
/// OpenAlex file it inflates about twice as fast, which matters because one
/// core inflates while the others parse.
///
/// Readers never hold a whole export: they ask for the next chunk, use it and
/// let it go. `bytesRead` counts bytes of the file on disk (compressed), for
/// progress and ETA.
public final class ByteSource {
    public let path: String
    public private(set) var bytesRead: Int = 0
    public let fileSize: Int
    public let isGzip: Bool

    private let fd: Int32
    private let chunkSize: Int
    private var raw: [UInt8]
    private var inflater: UnsafeMutablePointer<inflate_state>?
    private var streamEnded = false
    private var pending: [UInt8] = []   // bytes peeked before streaming started

    /// Opens `path`. - Throws: ``InputError`` `.missing` or `.unreadable`.
    public init(path: String, chunkSize: Int = 1 << 20) throws {
        self.path = path
        self.chunkSize = chunkSize
        var st = stat()
        guard stat(path, &st) == 0 else {
            throw InputError(.missing, at: SourcePosition(file: path), "no such file")
        }
        if (st.st_mode & S_IFMT) == S_IFDIR {
            throw InputError(.unreadable, at: SourcePosition(file: path), "is a directory")
        }
        fileSize = Int(st.st_size)
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw InputError(.unreadable, at: SourcePosition(file: path), "cannot open: \(String(cString: strerror(errno)))")
        }
        self.fd = fd
        raw = [UInt8](repeating: 0, count: chunkSize)
        // Peek at the first bytes to detect gzip.
        var head = [UInt8](repeating: 0, count: 2)
        let n = head.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, 2) }
        if n > 0 { bytesRead = n; pending = Array(head[0..<n]) }
        isGzip = n == 2 && head[0] == 0x1F && head[1] == 0x8B
        if isGzip {
            guard let state = rs_isal_make() else {
                close(fd)
                throw InputError(.unreadable, at: SourcePosition(file: path), "cannot start gzip decompression (out of memory)")
            }
            inflater = state
        }
    }

    deinit {
        if let inflater { rs_isal_free(inflater) }
        close(fd)
    }

    private func readRaw(into buffer: inout [UInt8]) throws -> Int {
        if !pending.isEmpty {
            let n = pending.count
            buffer.replaceSubrange(0..<n, with: pending)
            pending = []
            let more = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + n, chunkSize - n) }
            if more < 0 { throw InputError(.unreadable, at: SourcePosition(file: path, byteOffset: bytesRead), "read failed") }
            bytesRead += more
            return n + more
        }
        let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, chunkSize) }
        if n < 0 { throw InputError(.unreadable, at: SourcePosition(file: path, byteOffset: bytesRead), "read failed: \(String(cString: strerror(errno)))") }
        bytesRead += n
        return n
    }

    /// The next chunk of (decompressed) content, or `nil` at the end.
    /// - Throws: ``InputError`` `.malformed` when a gzip stream is corrupt or cut short.
    public func nextChunk() throws -> [UInt8]? {
        if !isGzip {
            let n = try readRaw(into: &raw)
            return n == 0 ? nil : Array(raw[0..<n])
        }
        if streamEnded { return nil }
        guard let inflater else { return nil }
        var out = [UInt8](repeating: 0, count: chunkSize * 2)
        var produced = 0
        while produced == 0 {
            if inputLeft == 0 {
                let n = try readRaw(into: &raw)
                if n == 0 {
                    streamEnded = true
                    throw InputError(.malformed, at: SourcePosition(file: path, byteOffset: bytesRead),
                                     "gzip stream ends early (file truncated?)")
                }
                inputHold = Array(raw[0..<n])
                inputOffset = 0
                inputLeft = n
            }
            var memberDone: Int32 = 0
            let status: Int32 = inputHold.withUnsafeMutableBufferPointer { inBuf in
                out.withUnsafeMutableBufferPointer { outBuf in
                    var inLeft = UInt32(inputLeft), outLeft = UInt32(outBuf.count - produced)
                    let r = rs_isal_step(inflater, inBuf.baseAddress! + inputOffset, &inLeft,
                                         outBuf.baseAddress! + produced, &outLeft, &memberDone)
                    inputOffset += inputLeft - Int(inLeft)
                    inputLeft = Int(inLeft)
                    produced = outBuf.count - Int(outLeft)
                    return r
                }
            }
            if status < 0 {
                streamEnded = true
                throw InputError(.malformed, at: SourcePosition(file: path, byteOffset: bytesRead),
                                 "gzip data is corrupt (ISA-L inflate status \(status))")
            }
            if memberDone != 0 {
                // Concatenated gzip members (as `cat a.gz b.gz` makes) continue.
                if inputLeft > 0 || !atEndOfFile() {
                    rs_isal_restart(inflater)
                } else {
                    streamEnded = true
                }
                if produced == 0 && streamEnded { return nil }
            }
        }
        return Array(out[0..<produced])
    }

    /// Reads the next chunk of (decompressed) content into `buffer` from
    /// `offset` on, making `buffer` longer if it has less room than a
    /// chunk, and returns how many bytes it stored (0 at the end). A plain
    /// file is read straight into `buffer`, without the copy ``nextChunk()`` makes.
    public func readNextChunk(into buffer: inout [UInt8], at offset: Int) throws -> Int {
        guard !isGzip, pending.isEmpty else {
            guard let chunk = try nextChunk() else { return 0 }
            if buffer.count < offset + chunk.count { buffer += [UInt8](repeating: 0, count: offset + chunk.count - buffer.count) }
            buffer.withUnsafeMutableBytes { b in chunk.withUnsafeBytes { b.baseAddress!.advanced(by: offset).copyMemory(from: $0.baseAddress!, byteCount: $0.count) } }
            return chunk.count
        }
        if buffer.count < offset + chunkSize { buffer += [UInt8](repeating: 0, count: offset + chunkSize - buffer.count) }
        let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + offset, chunkSize) }
        if n < 0 { throw InputError(.unreadable, at: SourcePosition(file: path, byteOffset: bytesRead), "read failed: \(String(cString: strerror(errno)))") }
        bytesRead += n
        return n
    }

    private var inputHold: [UInt8] = []
    private var inputOffset = 0
    private var inputLeft = 0

    private func atEndOfFile() -> Bool {
        // Peek one byte; keep it for the next read.
        var b: UInt8 = 0
        let n = Glibc.read(fd, &b, 1)
        if n == 1 {
            bytesRead += 1
            pending = [b]
            return false
        }
        return true
    }

    /// Reads the first `count` bytes of content (decompressed) without
    /// disturbing a later full read; used for format detection.
    public static func peek(path: String, count: Int = 4096) throws -> [UInt8] {
        let source = try ByteSource(path: path, chunkSize: max(count, 4096))
        var out: [UInt8] = []
        while out.count < count, let chunk = try? source.nextChunk() {
            out.append(contentsOf: chunk)
        }
        return Array(out.prefix(count))
    }
}

@available(*, unavailable)
extension ByteSource: Sendable {}
