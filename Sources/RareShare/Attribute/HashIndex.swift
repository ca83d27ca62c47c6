/// An open-addressing table from 64-bit keys that are already hashes to
/// 32-bit values.
///
/// The phrase walk probes it once per word of every affiliation string, so
/// it skips `Dictionary`'s per-lookup seeding and SipHash: keys come out of
/// FNV-1a and a multiplicative mix, and their low bits index the slots
/// directly (linear probing, load at most one half). Key and value share a
/// slot, so a probe touches one cache line; the shipped tables make a table
/// of some 2 million slots (32 MB), built at start. Key 0 marks an empty
/// slot, so a real key of 0 is stored as 1 (a collision as unlikely as any).
struct HashIndex: Sendable {
    private struct Slot: Sendable {
        var key: UInt64
        var value: Int32
    }
    private var slots: [Slot]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Slot](repeating: Slot(key: 0, value: 0), count: size)
        mask = size - 1
    }

    @inline(__always) private static func stored(_ key: UInt64) -> UInt64 { key == 0 ? 1 : key }

    @inline(__always) private func home(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key ^ (key >> 32)) & UInt64(mask)) }

    subscript(key: UInt64) -> Int32? {
        @inline(__always) get {
            let k = HashIndex.stored(key)
            var i = home(k)
            return slots.withUnsafeBufferPointer { s in
                while true {
                    let probe = s[i].key
                    if probe == k { return s[i].value }
                    if probe == 0 { return nil }
                    i = (i + 1) & mask
                }
            }
        }
        set {
            guard let value = newValue else { return }   // removal is never needed
            _ = insert(key, value, replacing: true)
        }
    }

    /// Stores `value` under `key` unless the key is present (or, with
    /// `replacing`, overwrites it); returns the value now stored. One probe
    /// sequence, for the bulk load.
    @discardableResult
    mutating func insert(_ key: UInt64, _ value: Int32, replacing: Bool = false) -> Int32 {
        if (count + 1) * 2 > slots.count { grow() }
        let k = HashIndex.stored(key)
        var i = home(k)
        let m = mask
        let (stored, added) = slots.withUnsafeMutableBufferPointer { s -> (Int32, Bool) in
            while s[i].key != 0 && s[i].key != k { i = (i + 1) & m }
            if s[i].key == 0 {
                s[i] = Slot(key: k, value: value)
                return (value, true)
            }
            if replacing { s[i].value = value }
            return (s[i].value, false)
        }
        if added { count += 1 }
        return stored
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(key: 0, value: 0), count: old.count * 2)
        mask = slots.count - 1
        count = 0
        for s in old where s.key != 0 {
            var i = home(s.key)
            while slots[i].key != 0 { i = (i + 1) & mask }
            slots[i] = s
            count += 1
        }
    }
}
