/// A set of chemical elements as a 128-bit mask (element numbers 0–117).
///
/// The composition tables group substances by their sorted element symbols;
/// a mask compares and hashes in two words, so substances are grouped
/// without building a string for each, and the string is made once per group.
struct ElementSet: Hashable, Sendable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    init() {}

    @inline(__always)
    mutating func insert(_ id: UInt8) {
        if id < 64 { low |= 1 << UInt64(id) } else { high |= 1 << UInt64(id - 64) }
    }

    @inline(__always)
    func contains(_ id: UInt8) -> Bool {
        id < 64 ? low & (1 << UInt64(id)) != 0 : high & (1 << UInt64(id - 64)) != 0
    }

    var isEmpty: Bool { low == 0 && high == 0 }

    /// The paper's composition key: the symbols sorted and concatenated (`CClHORu`),
    /// as ``Formula/compositionKey``.
    var compositionKey: String {
        var key = ""
        for id in Element.table.alphabetical where contains(id) { key += Element.table.symbols[Int(id)] }
        return key
    }
}
