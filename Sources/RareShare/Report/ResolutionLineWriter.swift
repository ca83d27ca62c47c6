#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes `rareshare resolve` answers, one line each, as TSV
/// (`CODE TAB evidence TAB affiliation`, `-` when unresolved) or JSON lines
/// (`{"affiliation":…,"country":…|null,"evidence":…,"rule":…}`).
///
/// Lines are escaped byte by byte into one buffer written out every 64 kB:
/// the text is UTF-8 already, so only quotes, backslashes and control
/// characters need work, and one `write(2)` serves some 500 lines.
public struct ResolutionLineWriter {
    public enum Format: Sendable { case tsv, json }

    public let format: Format
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private static let flushAt = 1 << 16

    /// `descriptor`: where lines go (standard output by default).
    public init(format: Format, descriptor: Int32 = 1) {
        self.format = format
        self.descriptor = descriptor
        buffer.reserveCapacity(ResolutionLineWriter.flushAt + 4096)
    }

    /// The line as bytes (for tests).
    public static func line(_ affiliation: String, _ answer: CountryResolution, format: Format) -> [UInt8] {
        var w = ResolutionLineWriter(format: format, descriptor: -1)
        w.append(affiliation, answer)
        return w.buffer
    }

    /// Adds one answer; writes the buffer out when it is full.
    public mutating func write(_ affiliation: String, _ answer: CountryResolution) {
        append(affiliation, answer)
        if buffer.count >= ResolutionLineWriter.flushAt { flush() }
    }

    /// Writes out what is buffered.
    public mutating func flush() {
        guard descriptor >= 0, !buffer.isEmpty else { return }
        var done = 0
        buffer.withUnsafeBytes { raw in
            while done < raw.count {
                let n = Glibc.write(descriptor, raw.baseAddress! + done, raw.count - done)
                if n <= 0 { if n < 0 && errno == EINTR { continue }; break }
                done += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    private mutating func append(_ affiliation: String, _ answer: CountryResolution) {
        switch format {
        case .tsv:
            raw(answer.country?.description ?? "-"); buffer.append(9)
            raw(answer.evidenceWithRule); buffer.append(9)
            raw(affiliation); buffer.append(10)
        case .json:
            raw("{\"affiliation\":"); quoted(affiliation)
            raw(",\"country\":")
            if let c = answer.country { quoted(c.description) } else { raw("null") }
            raw(",\"evidence\":"); quoted(answer.evidence)
            raw(",\"rule\":"); quoted(answer.rule)
            raw("}\n")
        }
    }

    private mutating func raw(_ s: String) {
        var s = s
        s.withUTF8 { buffer.append(contentsOf: $0) }
    }

    /// A JSON string: quotes, backslashes and control characters escaped.
    private mutating func quoted(_ s: String) {
        buffer.append(34)
        var s = s
        s.withUTF8 { bytes in
            var clean = 0   // start of the run not yet copied
            for (i, b) in bytes.enumerated() where b < 0x20 || b == 34 || b == 92 {
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[clean..<i]))
                escape(b)
                clean = i + 1
            }
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[clean...]))
        }
        buffer.append(34)
    }

    private mutating func escape(_ b: UInt8) {
        switch b {
        case 34: buffer.append(contentsOf: [92, 34])
        case 92: buffer.append(contentsOf: [92, 92])
        case 10: buffer.append(contentsOf: [92, 110])
        case 13: buffer.append(contentsOf: [92, 114])
        case 9: buffer.append(contentsOf: [92, 116])
        default:
            let hex = Array("0123456789abcdef".utf8)
            buffer.append(contentsOf: [92, 117, 48, 48, hex[Int(b >> 4)], hex[Int(b & 15)]])
        }
    }
}
