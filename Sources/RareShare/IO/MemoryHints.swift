import CMemoryHints

/// Processor hints Swift has no spelling for, so that only the IO layer
/// imports the C module that provides them.
enum MemoryHints {
    /// Starts loading the cache line holding `address` for reading, with
    /// little expected reuse; it never faults and may do nothing.
    /// Inlined, so the call costs what the builtin costs. C: `__builtin_prefetch`.
    @inline(__always)
    static func prefetch(_ address: UnsafeRawPointer) { rs_prefetch(address) }
}
