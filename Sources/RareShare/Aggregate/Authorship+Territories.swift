extension Authorship {
    /// The same authors with each territory the rule folds replaced by its
    /// country and each author's countries deduplicated again (an author in
    /// Beijing and Hong Kong becomes one CN author). Returns `self` when no
    /// code changes, which is the common case and costs one scan of ``codes``.
    public func folding(_ territories: CountingRules.Territories) -> Authorship {
        guard territories != .asDelivered, codes.contains(where: { territories.fold($0) != $0 }) else { return self }
        var out = Authorship()
        for i in 0..<authorCount { out.append(countries(ofAuthor: i).map(territories.fold)) }
        out.firstAuthorIndex = firstAuthorIndex
        out.correspondingIndexes = correspondingIndexes
        out.unattributedAuthors = unattributedAuthors
        return out
    }
}
