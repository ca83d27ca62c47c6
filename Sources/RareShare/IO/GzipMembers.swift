#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CZlib

/// Gzip files made of independent members, one per appended block.
///
/// An appended output (``WorksOutputFile``) writes each batch as one complete
/// gzip member in one `write(2)`, so the file is always valid up to its last
/// whole member; gzip readers (``ByteSource``, `zcat`) read concatenated
/// members as one stream. A member costs about 20 bytes of header and trailer
/// and restarts the compression window: on batches of 100 works (~100 KB of
/// JSON) that is under 1% larger than one stream.
public enum GzipMembers {
    /// Errors of zlib itself (out of memory, bad level), with zlib's status code.
    public struct ZlibError: Error, Sendable, CustomStringConvertible {
        public var status: Int32
        public var operation: String
        public var description: String { "zlib \(operation) failed (status \(status))" }
    }

    /// `bytes` compressed into one complete gzip member (header, deflate data, trailer).
    /// - Complexity: O(bytes); memory about 1.1 × bytes.count.
    public static func member(_ bytes: [UInt8], level: Int32 = 6) throws(ZlibError) -> [UInt8] {
        var stream = z_stream()
        let initStatus = rs_deflate_init_gzip(&stream, level)
        guard initStatus == Z_OK else { throw ZlibError(status: initStatus, operation: "deflateInit2") }
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, UInt(bytes.count))) + 32
        var out = [UInt8](repeating: 0, count: bound)
        var input = bytes
        let status: Int32 = input.withUnsafeMutableBufferPointer { inBuf in
            out.withUnsafeMutableBufferPointer { outBuf in
                stream.next_in = inBuf.baseAddress
                stream.avail_in = UInt32(inBuf.count)
                stream.next_out = outBuf.baseAddress
                stream.avail_out = UInt32(outBuf.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { throw ZlibError(status: status, operation: "deflate") }
        out.removeLast(Int(stream.avail_out))
        return out
    }

    /// What ``scan(fileDescriptor:body:)`` found.
    public struct ScanResult: Sendable, Equatable {
        /// Bytes of the file up to the end of its last complete member.
        public var completeBytes: Int
        /// Bytes of the file.
        public var fileBytes: Int
        /// Complete members read.
        public var members: Int
    }

    /// Inflates every complete member of an open gzip file, in order, handing
    /// `body` each member's content; stops quietly at a cut or damaged tail,
    /// whose length the result tells (the caller truncates it away).
    /// - Complexity: O(file size); memory O(largest member's content).
    public static func scan(fileDescriptor fd: Int32, body: ([UInt8]) throws -> Void) throws -> ScanResult {
        var stream = z_stream()
        let initStatus = rs_inflate_init_gzip_only(&stream)
        guard initStatus == Z_OK else { throw ZlibError(status: initStatus, operation: "inflateInit2") }
        defer { inflateEnd(&stream) }
        var result = ScanResult(completeBytes: 0, fileBytes: 0, members: 0)
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var out = [UInt8](repeating: 0, count: 1 << 18)
        var content: [UInt8] = []
        var consumedBefore = 0   // file bytes of chunks fully handed to zlib before this one
        _ = lseek(fd, 0, SEEK_SET)
        reading: while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard n > 0 else { break }
            result.fileBytes += n
            var offset = 0
            var outputFull = false   // zlib may hold more output for the input it already took
            while offset < n || outputFull {
                var status: Int32 = Z_OK
                var used = 0, produced = 0
                chunk.withUnsafeMutableBufferPointer { inBuf in
                    out.withUnsafeMutableBufferPointer { outBuf in
                        stream.next_in = inBuf.baseAddress! + offset
                        stream.avail_in = UInt32(n - offset)
                        stream.next_out = outBuf.baseAddress
                        stream.avail_out = UInt32(outBuf.count)
                        status = inflate(&stream, Z_NO_FLUSH)
                        used = (n - offset) - Int(stream.avail_in)
                        produced = outBuf.count - Int(stream.avail_out)
                    }
                }
                content.append(contentsOf: out[0..<produced])
                offset += used
                outputFull = produced == out.count
                if status == Z_STREAM_END {
                    try body(content)
                    content.removeAll(keepingCapacity: true)
                    result.members += 1
                    result.completeBytes = consumedBefore + offset
                    inflateReset(&stream)
                } else if status != Z_OK && !(status == Z_BUF_ERROR && used == 0 && produced == 0) {
                    break reading   // damaged member: everything from it on is the tail
                } else if used == 0 && produced == 0 {
                    break
                }
            }
            consumedBefore += n
        }
        return result
    }
}
