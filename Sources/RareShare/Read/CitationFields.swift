/// The fields of one citation record, lent by ``ReaxysCitationReader`` for
/// the duration of one ``CitationRecordBuilder`` call.
struct CitationFields {
    /// Trimmed field text, back to back.
    let text: UnsafeBufferPointer<UInt8>
    /// `CNR.CNR`: never empty (records without one are skipped before).
    let id: Range<Int>
    /// `CIT.DOI`, normalized; nil when absent or not a DOI.
    let doi: String?
    /// `CIT.PY`, else `CIT.PREPY`.
    let year: Int?
    /// `CIT.AU`, if present.
    let authors: Range<Int>?
    /// `CIT.TI`, if present.
    let title: Range<Int>?

    func bytes(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: text[range]) }
    func string(_ range: Range<Int>) -> String { String(decoding: bytes(range), as: UTF8.self) }
}

/// Makes the value a caller keeps from one citation record's fields.
protocol CitationRecordBuilder: Sendable {
    associatedtype Record: Sendable
    func record(from fields: CitationFields) -> Record
}

/// Builds the public ``Citation`` value.
struct CitationValueBuilder: CitationRecordBuilder {
    func record(from fields: CitationFields) -> Citation {
        Citation(id: fields.string(fields.id), doi: fields.doi, year: fields.year, authors: fields.authors.map(fields.string),
                 title: fields.title.map(fields.string))
    }
}
