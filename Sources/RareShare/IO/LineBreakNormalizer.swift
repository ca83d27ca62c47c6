#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Makes every line break of a stream of UTF-8 chunks LF (CRLF and a lone
/// CR alike) and drops every UTF-8 byte-order mark, carrying a CR or a cut
/// BOM over a chunk boundary.
///
/// A BOM is only ever a mark, never text, so dropping it anywhere is safe;
/// the ones that matter sit where `cat` joined two exports that each began
/// with one. The common chunk, with neither a CR nor a 0xEF byte, costs two
/// `memchr` scans and no copy.
struct LineBreakNormalizer: Sendable {
    /// Bytes held back from the previous chunk (a CR, or `EF` / `EF BB`).
    private var held: [UInt8] = []

    /// `chunk` with its line breaks made LF and its BOMs removed; with
    /// `isLast` false, a trailing CR or partial BOM is kept for the next call.
    mutating func normalize(_ chunk: [UInt8], isLast: Bool) -> [UInt8] {
        var input = chunk
        if !held.isEmpty {
            input = held + chunk
            held = []
        }
        guard Self.needsWork(input) else { return input }
        var out: [UInt8] = []
        out.reserveCapacity(input.count)
        var i = 0
        let n = input.count
        while i < n {
            let b = input[i]
            if b == 0x0D {
                if i + 1 == n && !isLast { held = [0x0D]; break }
                out.append(0x0A)
                i += (i + 1 < n && input[i + 1] == 0x0A) ? 2 : 1
                continue
            }
            if b == 0xEF {
                let rest = n - i
                if rest < 3 && !isLast && Array(input[i...]) == Array(Self.bom.prefix(rest)) { held = Array(input[i...]); break }
                if rest >= 3 && input[i + 1] == 0xBB && input[i + 2] == 0xBF { i += 3; continue }
            }
            out.append(b)
            i += 1
        }
        return out
    }

    private static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// True when `bytes` holds a CR or a 0xEF byte (the lead byte of a BOM).
    private static func needsWork(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress, raw.count > 0 else { return false }
            return memchr(base, 0x0D, raw.count) != nil || memchr(base, 0xEF, raw.count) != nil
        }
    }
}
