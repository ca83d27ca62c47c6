/// The fields of one substance record, lent by ``ReaxysSubstanceReader``
/// for the duration of one ``SubstanceRecordBuilder`` call.
///
/// Field text is trimmed and stored back to back in one buffer the reader
/// reuses from record to record, so reading a record allocates nothing; a
/// builder copies what it keeps.
struct SubstanceFields {
    /// One citation block: the range of its citation id in ``text`` (nil when
    /// the block has no id or an empty one) and its `CIT.PY` year.
    struct CitationBlock {
        var id: Range<Int>?
        var year: Int?
    }

    /// Trimmed field text, back to back.
    let text: UnsafeBufferPointer<UInt8>
    /// `IDE.XRN`: never empty (records without one are skipped before).
    let registryNumber: Range<Int>
    /// `IDE.MF` with its markup children joined, if the record has a non-empty one.
    let formula: Range<Int>?
    /// The citation blocks in the order listed.
    let blocks: UnsafeBufferPointer<CitationBlock>

    /// The bytes of a field.
    func bytes(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: text[range])
    }

    /// A field as a string.
    func string(_ range: Range<Int>) -> String {
        String(decoding: bytes(range), as: UTF8.self)
    }
}

/// Makes the value a caller keeps from one substance record's fields.
protocol SubstanceRecordBuilder: Sendable {
    associatedtype Record: Sendable
    func record(from fields: SubstanceFields) -> Record
    /// Told of each citation id as soon as it is read, before the record is
    /// complete: a builder that will look ids up can start loading them.
    /// Nil (the default) when the builder looks nothing up.
    var prefetcher: (@Sendable (UnsafeBufferPointer<UInt8>) -> Void)? { get }
}

extension SubstanceRecordBuilder {
    var prefetcher: (@Sendable (UnsafeBufferPointer<UInt8>) -> Void)? { nil }
}

/// Builds the public ``Substance`` value: every field as a string.
struct SubstanceValueBuilder: SubstanceRecordBuilder {
    func record(from fields: SubstanceFields) -> Substance {
        Substance(registryNumber: fields.string(fields.registryNumber),
                  formula: fields.formula.map(fields.string),
                  reports: fields.blocks.map { SubstanceReport(citationID: $0.id.map(fields.string), year: $0.year) })
    }
}
