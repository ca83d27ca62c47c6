/// A hash index from `UInt64` keys to `Int32` slots: open addressing with
/// linear probing and a multiplicative (Fibonacci) hash.
///
/// Registry numbers and citation ids are integers, looked up once per
/// record or citation block, millions of times in a run. `Dictionary`
/// hashes every key with SipHash, which is built to resist hash flooding;
/// these keys come from the user's own exports, and a multiply-shift hash is
/// several times cheaper.
///
/// Memory is what limits a run of ten million substances, so a key that
/// fits in 32 bits (Reaxys numbers do, by far) shares an 8-byte entry with
/// its value: a probe touches one cache line and the table costs 8 bytes a
/// slot at most three quarters full. Larger keys go to a dictionary beside it.
/// (``HashIndex`` serves keys that are already hashes, where a rare
/// collision is tolerated; these keys must match exactly.)
struct IntegerKeyIndex: Sendable {
    private struct Entry {
        var key: UInt32
        /// -1 marks an empty entry.
        var value: Int32
    }

    private var entries: [Entry]
    private var shift: UInt64
    private var wide: [UInt64: Int32] = [:]
    private var narrowCount = 0

    init() {
        entries = [Entry](repeating: Entry(key: 0, value: -1), count: 1024)
        shift = 64 - 10
    }

    var count: Int { narrowCount + wide.count }

    /// Keys are hashed in runs of 64: the run (`key / 64`) picks a block of
    /// 64 entries by a Fibonacci hash, the low six bits the entry in it. So
    /// consecutive keys (registry numbers often come sorted) fill adjacent
    /// entries and probe memory in order, while keys with a common stride
    /// still spread over the table, since their runs differ.
    @inline(__always)
    private func home(_ key: UInt32) -> Int {
        let block = (UInt64(key >> 6) &* 0x9E37_79B9_7F4A_7C15) >> (shift + 6)
        return Int(truncatingIfNeeded: block << 6 | UInt64(key & 63))
    }

    /// The slot stored for `key`, if any.
    subscript(key: UInt64) -> Int32? {
        guard let narrow = UInt32(exactly: key) else { return wide[key] }
        return entries.withUnsafeBufferPointer { entries in
            let mask = entries.count - 1
            var i = home(narrow)
            while true {
                let e = entries[i]
                if e.value < 0 { return nil }
                if e.key == narrow { return e.value }
                i = (i + 1) & mask
            }
        }
    }

    /// Starts loading the entry where a lookup of `key` begins, so that a
    /// lookup a little later finds it in cache: keys are looked up in random
    /// order, and waiting on memory was most of a lookup's time.
    @inline(__always)
    func prefetch(_ key: UInt64) {
        guard let narrow = UInt32(exactly: key) else { return }
        entries.withUnsafeBufferPointer { MemoryHints.prefetch($0.baseAddress! + home(narrow)) }
    }

    /// Calls `body` with every key and its value, in no particular order.
    func forEach(_ body: (UInt64, Int32) -> Void) {
        for e in entries where e.value >= 0 { body(UInt64(e.key), e.value) }
        for (k, v) in wide { body(k, v) }
    }

    /// Stores `value` (not negative) for `key`, replacing any earlier value.
    mutating func set(_ key: UInt64, _ value: Int32) {
        precondition(value >= 0, "slots are not negative")
        guard let narrow = UInt32(exactly: key) else {
            wide[key] = value
            return
        }
        if (narrowCount + 1) * 4 > entries.count * 3 { grow() }
        let mask = entries.count - 1
        var i = home(narrow)
        while entries[i].value >= 0 {
            if entries[i].key == narrow { entries[i].value = value; return }
            i = (i + 1) & mask
        }
        entries[i] = Entry(key: narrow, value: value)
        narrowCount += 1
    }

    private mutating func grow() {
        let old = entries
        entries = [Entry](repeating: Entry(key: 0, value: -1), count: old.count * 2)
        shift -= 1
        let mask = entries.count - 1
        for e in old where e.value >= 0 {
            var i = home(e.key)
            while entries[i].value >= 0 { i = (i + 1) & mask }
            entries[i] = e
        }
    }
}
