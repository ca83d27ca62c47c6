import Foundation

/// A citation without a DOI, looked up by its title and year (`fetch --titles`).
public struct TitleQuery: Sendable, Hashable {
    /// The title as the citation gives it.
    public var title: String
    /// ``TitleKey/normalize(_:)`` of ``title``: what a work's title must equal.
    public var key: String
    public var year: Int

    public init(title: String, year: Int) {
        self.title = title
        self.key = TitleKey.normalize(title)
        self.year = year
    }

    /// How the query is written in the output (`rareshare_query`) and in
    /// `not_found.tsv`, so a second run can tell it was asked.
    public var resumeKey: String { "\(year)|\(key)" }
}

/// Normalised titles for exact matching: case, accents, punctuation and
/// spacing differ between Reaxys and OpenAlex for the same paper, letters and
/// digits do not.
public enum TitleKey {
    /// Case and accents folded (Foundation's `folding`), every run of
    /// characters that are not letters or digits one space, trimmed:
    /// "Über  die Synthese: Teil II." and "uber die synthese teil ii" are equal.
    public static func normalize(_ title: String) -> String {
        let folded = title.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in folded.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                if pendingSpace && !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.append(scalar)
            } else {
                pendingSpace = true
            }
        }
        return String(out)
    }
}
