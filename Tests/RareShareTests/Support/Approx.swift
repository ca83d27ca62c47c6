/// Floating-point comparison for values that are sums of fractions
/// (`1/3 + 1 + 1 + 1`): equal to within a few units in the last place.
func approximatelyEqual(_ a: Double?, _ b: Double, tolerance: Double = 1e-9) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= tolerance * max(1, abs(b))
}
