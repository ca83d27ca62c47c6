/// An open-addressing table from 64-bit keys that are already hashes to
/// 32-bit values.
///
/// The phrase walk probes it once per word of every affiliation string, so
/// it skips `Dictionary`'s per-lookup seeding and SipHash: keys come out of
/// FNV-1a and a multiplicative mix, and their low bits index the slots
/// directly (linear probing, load at most one half). Key 0 marks an empty
/// slot, so a real key of 0 is stored as 1 (a collision as unlikely as any).
struct HashIndex: Sendable {
    private var keys: [UInt64]
    private var values: [Int32]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        values = [Int32](repeating: 0, count: size)
        mask = size - 1
    }

    @inline(__always) private static func stored(_ key: UInt64) -> UInt64 { key == 0 ? 1 : key }

    @inline(__always) private func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key ^ (key >> 32)) & UInt64(mask)) }

    subscript(key: UInt64) -> Int32? {
        @inline(__always) get {
            let k = HashIndex.stored(key)
            var i = slot(k)
            while true {
                let probe = keys[i]
                if probe == k { return values[i] }
                if probe == 0 { return nil }
                i = (i + 1) & mask
            }
        }
        set {
            guard let value = newValue else { return }   // removal is never needed
            if (count + 1) * 2 > keys.count { grow() }
            let k = HashIndex.stored(key)
            var i = slot(k)
            while keys[i] != 0 && keys[i] != k { i = (i + 1) & mask }
            if keys[i] == 0 { count += 1; keys[i] = k }
            values[i] = value
        }
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        values = [Int32](repeating: 0, count: oldKeys.count * 2)
        mask = keys.count - 1
        count = 0
        for (k, v) in zip(oldKeys, oldValues) where k != 0 {
            var i = slot(k)
            while keys[i] != 0 { i = (i + 1) & mask }
            keys[i] = k; values[i] = v; count += 1
        }
    }
}
