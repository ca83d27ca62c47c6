/// Citation id → year and DOI: the first join of a substance run.
///
/// Reaxys citation ids are integers, so they are kept as `UInt64` keys (8
/// bytes instead of a string) in an ``IntegerKeyIndex``; any other id falls
/// back to a string key. Years are `Int16` (0 = none). The first record read
/// for an id wins. DOIs are numbered once each: works are kept under that
/// number, so no DOI string is stored twice.
struct CitationIndex: Sendable {
    private var numeric = IntegerKeyIndex()
    private var other: [String: Int32] = [:]
    private(set) var years: [Int16] = []
    /// DOI number of each slot; -1 when the citation has no DOI.
    private var doiOfSlot: [Int32] = []
    /// DOIs by number.
    private var doiText: [String] = []
    /// Every DOI some citation names, with its number: the works worth keeping.
    private(set) var doiNumbers: [String: Int32] = [:]

    var count: Int { years.count }
    /// Distinct DOIs named by citations.
    var doiCount: Int { doiText.count }

    /// Frees the DOIs (``doiNumbers``, the DOI of each slot) once the works
    /// have been read and joined (``joinSlots(authorshipOfDOI:)``): they are
    /// needed only to choose the works and file them.
    mutating func releaseDOIs() {
        doiNumbers = [:]
        doiText = []
        doiOfSlot = []
    }

    /// One citation reduced to what the index keeps; made on the workers
    /// (``Builder``), so an integer id never becomes a string.
    struct Entry: Sendable {
        /// The id as an integer (``numericKey(_:)-(String)``) when it is one; `idText` is nil then.
        var id: UInt64
        var idText: String?
        var doi: String?
        var year: Int?
    }

    /// Makes index entries from the citation reader's fields.
    struct Builder: CitationRecordBuilder {
        func record(from fields: CitationFields) -> Entry {
            let key = CitationIndex.numericKey(fields.bytes(fields.id))
            return Entry(id: key ?? 0, idText: key == nil ? fields.string(fields.id) : nil, doi: fields.doi, year: fields.year)
        }
    }

    mutating func insert(_ c: Citation) {
        let key = Self.numericKey(c.id)
        insert(Entry(id: key ?? 0, idText: key == nil ? c.id : nil, doi: c.doi, year: c.year))
    }

    mutating func insert(_ c: Entry) {
        if let text = c.idText {
            guard other[text] == nil else { return }
        } else {
            guard numeric[c.id] == nil else { return }
        }
        let s = Int32(years.count)
        if let text = c.idText { other[text] = s } else { numeric.set(c.id, s) }
        years.append(Int16(clamping: c.year ?? 0))
        guard let d = c.doi else { doiOfSlot.append(-1); return }
        if let n = doiNumbers[d] {
            doiOfSlot.append(n)
        } else {
            let n = Int32(doiText.count)
            doiNumbers[d] = n
            doiText.append(d)
            doiOfSlot.append(n)
        }
    }

    func slot(of id: String) -> Int32? {
        if let n = Self.numericKey(id) { return numeric[n] }
        return other[id]
    }

    /// The slot of an id given as UTF-8 bytes (as a reader holds it), without making a string when it is an integer.
    func slot(of id: UnsafeBufferPointer<UInt8>) -> Int32? {
        if let n = Self.numericKey(id) { return numeric[n] }
        if other.isEmpty { return nil }
        return other[String(decoding: id, as: UTF8.self)]
    }

    /// Starts loading the index entry of an id given as UTF-8 bytes (see ``IntegerKeyIndex/prefetch(_:)``).
    func prefetch(id: UnsafeBufferPointer<UInt8>) {
        if let n = Self.numericKey(id) { numeric.prefetch(n) }
    }

    func year(of id: String) -> Int? {
        guard let s = slot(of: id) else { return nil }
        return year(atSlot: s)
    }

    func year(atSlot s: Int32) -> Int? {
        let y = years[Int(s)]
        return y == 0 ? nil : Int(y)
    }

    func doi(atSlot s: Int32) -> String? {
        let n = doiOfSlot[Int(s)]
        return n < 0 ? nil : doiText[Int(n)]
    }

    /// The number of the slot's DOI (see ``doiNumbers``); -1 when the citation has none.
    func doiNumber(atSlot s: Int32) -> Int32 { doiOfSlot[Int(s)] }

    /// In ``joinSlots(authorshipOfDOI:)``: the citation has no DOI.
    static let noDOI: Int32 = -2

    /// The join of every slot with the works read: what `authorshipOfDOI`
    /// holds for the slot's DOI number (-1 when no record was read for it),
    /// or ``noDOI``. One array lookup per substance then replaces two.
    func joinSlots(authorshipOfDOI: [Int32]) -> [Int32] {
        doiOfSlot.map { $0 < 0 ? Self.noDOI : authorshipOfDOI[Int($0)] }
    }

    /// The id as an integer when it is one written canonically (no sign, no leading zero).
    static func numericKey(_ id: String) -> UInt64? {
        var id = id
        return id.withUTF8 { numericKey($0) }
    }

    /// ``numericKey(_:)-(String)`` on UTF-8 bytes.
    static func numericKey(_ u: UnsafeBufferPointer<UInt8>) -> UInt64? {
        guard !u.isEmpty, u.count <= 19, u[0] != UInt8(ascii: "0") || u.count == 1 else { return nil }
        var v: UInt64 = 0
        for b in u {
            guard b >= 48 && b <= 57 else { return nil }
            v = v &* 10 &+ UInt64(b &- 48)
        }
        return v
    }
}
