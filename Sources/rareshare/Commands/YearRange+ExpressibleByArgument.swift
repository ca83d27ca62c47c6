import ArgumentParser
import RareShare

/// `--years-plausible 1800-2100` (also `1800:2100`), parsed once by the argument parser.
extension YearRange: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}
