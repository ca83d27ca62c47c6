/// Counting line breaks in a buffer eight bytes at a time.
///
/// Batches are parsed on several cores but their line numbers must be the
/// file's, so every batch counts its own line breaks: a few megabytes per
/// batch, where a `memchr` per line would cost a call every 20 bytes.
enum LineBreaks {
    /// The number of `\n` bytes in `bytes`.
    static func count(_ bytes: UnsafeRawBufferPointer) -> Int {
        let n = bytes.count
        guard n > 0, let base = bytes.baseAddress else { return 0 }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let newlines = ones &* 0x0A
        var total = 0
        var i = 0
        while i + 8 <= n {
            // A byte of `x` is zero exactly where the input byte is '\n';
            // `found` has the high bit set in exactly those bytes.
            let x = base.loadUnaligned(fromByteOffset: i, as: UInt64.self) ^ newlines
            let found = ~(((x & low7) &+ low7) | x | low7)
            total += found.nonzeroBitCount
            i += 8
        }
        while i < n {
            if base.load(fromByteOffset: i, as: UInt8.self) == 0x0A { total += 1 }
            i += 1
        }
        return total
    }

    static func count(_ bytes: [UInt8]) -> Int {
        bytes.withUnsafeBytes { count($0) }
    }

    static func count(_ bytes: ArraySlice<UInt8>) -> Int {
        bytes.withUnsafeBytes { count($0) }
    }
}
