#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CZlib

/// Reads a file as a stream of fixed-size chunks, gunzipping transparently
/// when the content starts with the gzip magic bytes (whatever the name).
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
    private var stream = z_stream()
    private var inflating = false
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
            guard rs_inflate_init_gzip(&stream) == Z_OK else {
                close(fd)
                throw InputError(.unreadable, at: SourcePosition(file: path), "cannot start gzip decompression")
            }
            inflating = true
        }
    }

    deinit {
        if inflating { inflateEnd(&stream) }
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
    ///
    /// A damaged gzip stream (cut, corrupt, followed by padding or junk)
    /// ends the content where the damage is, without an error: every byte
    /// decompressed before it is handed out, and ``damage`` says what
    /// happened, so a reader keeps its complete records and says how many.
    /// - Throws: ``InputError`` `.unreadable` when reading the file fails.
    public func nextChunk() throws -> [UInt8]? {
        if !isGzip {
            let n = try readRaw(into: &raw)
            return n == 0 ? nil : Array(raw[0..<n])
        }
        if streamEnded { return nil }
        var out = [UInt8](repeating: 0, count: chunkSize * 2)
        var produced = 0
        while produced == 0 && !streamEnded {
            if stream.avail_in == 0, try refill() == 0 {
                end(.cut)
                break
            }
            let (status, made) = inflateStep(into: &out, at: produced)
            produced = made
            if status == Z_STREAM_END {
                // Concatenated gzip members (as `cat a.gz b.gz` makes) continue.
                try startNextMember()
            } else if status != Z_OK && status != Z_BUF_ERROR {
                end(.corrupt, status: status, message: stream.msg.map { String(cString: $0) })
            }
        }
        return produced == 0 ? nil : Array(out[0..<produced])
    }

    /// Why the gzip content ended early, or what followed it; `nil` for a
    /// plain file or a clean stream (also before the end is reached).
    public private(set) var damage: GzipDamage?

    /// For readers that can use only a whole file (tables, overrides):
    /// damage that lost content becomes an error.
    /// - Throws: ``InputError`` `.malformed`.
    public func throwIfDamaged() throws {
        guard let damage, damage.losesContent else { return }
        throw InputError(.malformed, at: SourcePosition(file: path, byteOffset: damage.fileOffset), cause: damage.zlibStatus.map { .zlib($0) },
                         damage.summary)
    }

    /// Decompressed bytes handed out so far.
    private var contentBytes = 0

    /// Inflates from the held input into `out[offset...]`; returns zlib's status and the bytes now in `out`.
    private func inflateStep(into out: inout [UInt8], at offset: Int) -> (Int32, Int) {
        inputHold.withUnsafeMutableBufferPointer { inBuf in
            out.withUnsafeMutableBufferPointer { outBuf in
                stream.next_in = inBuf.baseAddress! + inputOffset
                stream.next_out = outBuf.baseAddress! + offset
                stream.avail_out = UInt32(outBuf.count - offset)
                let before = stream.avail_in
                let status = inflate(&stream, Z_NO_FLUSH)
                inputOffset += Int(before - stream.avail_in)
                let made = outBuf.count - Int(stream.avail_out)
                contentBytes += made - offset
                return (status, made)
            }
        }
    }

    /// Reads the next raw chunk into the input held for zlib; returns its length (0 at the end of the file).
    private func refill() throws -> Int {
        let n = try readRaw(into: &raw)
        inputHold = Array(raw[0..<n])
        inputOffset = 0
        stream.avail_in = UInt32(n)
        return n
    }

    /// After a member's end: another member follows (its magic bytes), or the
    /// file ends, or what follows is padding or junk (counted, then the end).
    private func startNextMember() throws {
        if stream.avail_in < 2 {
            // Keep the unread byte (if any) and read on, so the magic is seen whole.
            let left = Array(inputHold[inputOffset...])
            let n = try readRaw(into: &raw)
            inputHold = left + raw[0..<n]
            inputOffset = 0
            stream.avail_in = UInt32(inputHold.count)
        }
        if stream.avail_in == 0 {
            streamEnded = true
            return
        }
        if stream.avail_in >= 2, inputHold[inputOffset] == 0x1F, inputHold[inputOffset + 1] == 0x8B {
            inflateReset(&stream)
            return
        }
        let offset = bytesRead - Int(stream.avail_in)
        var count = Int(stream.avail_in), allZero = !inputHold[inputOffset...].contains { $0 != 0 }
        while true {
            let n = try readRaw(into: &raw)
            if n == 0 { break }
            count += n
            if allZero { allZero = !raw[0..<n].contains { $0 != 0 } }
        }
        stream.avail_in = 0
        end(allZero ? .zeroPadding : .trailingJunk, at: offset, trailing: count)
    }

    private func end(_ kind: GzipDamage.Kind, at offset: Int? = nil, status: Int32? = nil, message: String? = nil, trailing: Int = 0) {
        streamEnded = true
        damage = GzipDamage(kind: kind, fileOffset: offset ?? (bytesRead - Int(stream.avail_in)), contentBytes: contentBytes,
                            zlibStatus: status, zlibMessage: message, trailingBytes: trailing)
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

    /// Reads the first `count` bytes of content (decompressed) without
    /// disturbing a later full read; used for format detection.
    public static func peek(path: String, count: Int = 4096) throws -> [UInt8] {
        let source = try ByteSource(path: path, chunkSize: max(count, 4096))
        var out: [UInt8] = []
        while out.count < count, let chunk = try source.nextChunk() {
            out.append(contentsOf: chunk)
        }
        return Array(out.prefix(count))
    }
}

@available(*, unavailable)
extension ByteSource: Sendable {}
