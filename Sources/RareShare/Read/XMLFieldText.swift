import CLibXML2

/// The text a record reader collects in field mode (see ``XMLFieldHandler``):
/// the trimmed fields of the current record, back to back, in one buffer
/// that libxml2's text events fill directly while a field is open. Fields
/// open and close below Swift; the reader hears of a field when it closes,
/// and finds its text from ``fieldStart`` to ``count``.
///
/// It is a view of the parser's buffer: valid while the parser exists, and
/// reused from record to record, so reading a record allocates nothing.
/// Ranges the reader keeps are offsets into it.
struct XMLFieldText {
    fileprivate var fields: UnsafeMutablePointer<rs_fields>?

    init() {}
    init(_ fields: UnsafeMutablePointer<rs_fields>) { self.fields = fields }

    /// Bytes collected so far.
    var count: Int { fields.map { Int($0.pointee.length) } ?? 0 }

    /// Opens a record: forgets every field; fields may open until ``closeRecord()``.
    func openRecord() {
        guard let fields else { return }
        fields.pointee.length = 0
        fields.pointee.capturing = 0
        fields.pointee.recordOpen = 1
    }

    /// Closes the record: no field opens until the next ``openRecord()``.
    func closeRecord() {
        guard let fields else { return }
        fields.pointee.capturing = 0
        fields.pointee.recordOpen = 0
    }

    /// Where the text of the field that just closed starts.
    var fieldStart: Int { fields.map { Int($0.pointee.fieldStart) } ?? 0 }

    /// Trims the text collected since `start` in place (ASCII white space on
    /// bytes; other white space, which is rare, through `String`) and returns
    /// its range.
    func trimField(from start: Int) -> Range<Int> {
        guard let fields, let base = fields.pointee.text else { return start..<start }
        @inline(__always) func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }
        var lo = start, hi = Int(fields.pointee.length)
        while lo < hi, isSpace(base[lo]) { lo += 1 }
        while hi > lo, isSpace(base[hi - 1]) { hi -= 1 }
        if lo < hi, base[lo] >= 0x80 || base[hi - 1] >= 0x80 {
            let trimmed = Array(String(decoding: UnsafeBufferPointer(start: base + lo, count: hi - lo), as: UTF8.self).trimmingSpaces.utf8)
            fields.pointee.length = start
            // Never longer than what it replaces, so the buffer need not grow.
            _ = trimmed.withUnsafeBufferPointer { rs_fields_append(fields, $0.baseAddress, $0.count) }
            return start..<Int(fields.pointee.length)
        }
        if lo > start { (base + start).update(from: base + lo, count: hi - lo) }
        let end = start + (hi - lo)
        fields.pointee.length = end
        return start..<end
    }

    /// Drops the text from `offset` on (a field the reader does not keep).
    func truncate(to offset: Int) {
        guard let fields, offset < Int(fields.pointee.length) else { return }
        fields.pointee.length = offset
    }

    /// The byte at `offset`.
    subscript(offset: Int) -> UInt8 { fields!.pointee.text[offset] }

    /// The bytes of `range`.
    func bytes(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        guard let fields, let base = fields.pointee.text else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: base + range.lowerBound, count: range.count)
    }

    /// Every byte collected, for lending a record's fields to a builder.
    var all: UnsafeBufferPointer<UInt8> { bytes(0..<count) }

    /// The text of `range` as a string.
    func string(_ range: Range<Int>) -> String { String(decoding: bytes(range), as: UTF8.self) }
}
