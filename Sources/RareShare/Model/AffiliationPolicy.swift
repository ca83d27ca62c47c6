/// Which affiliations of an author count.
public enum AffiliationPolicy: String, Sendable, CaseIterable, Codable {
    /// The first affiliation only, as in the reference study.
    case first
    /// Every affiliation; an author is split equally among their distinct countries.
    case all
}
