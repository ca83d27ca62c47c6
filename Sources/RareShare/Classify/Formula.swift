/// A molecular formula reduced to what the region rules need: the element
/// symbols of each component.
///
/// Parsing rules (METRICS.md, "Region of the chemical space"):
/// - markup is already joined by the reader (`C<sub>6</sub>H<sub>6</sub>` → `C6H6`);
///   any leftover tags are ignored;
/// - components are separated by `*` (or `·`, `•`) or by a `.` that is not a
///   decimal point (`C2H6O*0.5H2O` has two components, not three);
/// - element symbols are an upper-case letter and an optional lower-case one,
///   matched greedily against the periodic table, so `Co` is cobalt, `CO` is
///   carbon and oxygen, `Yb` is ytterbium and not yttrium;
/// - `D` and `T` are hydrogen; digits, charges, `(x)`, `n` and brackets are ignored;
/// - a symbol that is no element (`R`, `X`, `Ln`) is kept in ``unknownSymbols``.
///
/// Parsing works on UTF-8 bytes with a lookup table of symbols: it runs once
/// per substance, millions of times in a run.
public struct Formula: Sendable, Equatable {
    /// Element symbols per component, in order of appearance, without repeats.
    public var components: [[String]] { componentIDs.map { $0.map { Element.table.symbols[Int($0)] } } }
    /// Symbols that are not chemical elements.
    public let unknownSymbols: [String]
    /// Element numbers per component (indexes into ``Element/table``).
    let componentIDs: [[UInt8]]

    public init(_ text: String) {
        var text = text
        self = text.withUTF8 { Formula(bytes: $0) }
    }

    /// Parses UTF-8 bytes, as a reader holds them.
    init(bytes: UnsafeBufferPointer<UInt8>) {
        var collector = Collector()
        Formula.scan(bytes, into: &collector)
        componentIDs = collector.components
        unknownSymbols = collector.unknown
    }

    /// Keeps each component's elements in order, without repeats.
    private struct Collector: FormulaVisitor {
        var components: [[UInt8]] = []
        var current: [UInt8] = []
        var unknown: [String] = []

        mutating func element(_ id: UInt8) {
            if !current.contains(id) { current.append(id) }
        }

        mutating func endComponent() {
            if !current.isEmpty { components.append(current) }
            current = []
        }

        mutating func unknownSymbol(_ symbol: UnsafeBufferPointer<UInt8>) {
            let s = String(decoding: symbol, as: UTF8.self)
            if !unknown.contains(s) { unknown.append(s) }
        }
    }

    /// Walks a formula once, reporting element symbols, the ends of
    /// components and symbols that are no element, in order. The rules are
    /// in the type's documentation; ``Formula`` and ``FormulaProfile`` are
    /// both made by this one walk.
    @inline(__always)
    static func scan<V: FormulaVisitor>(_ bytes: UnsafeBufferPointer<UInt8>, into visitor: inout V) {
        let n = bytes.count
        var i = 0
        func isDigit(_ k: Int) -> Bool { k >= 0 && k < n && bytes[k] >= 48 && bytes[k] <= 57 }
        while i < n {
            let b = bytes[i]
            switch b {
            case UInt8(ascii: "<"):
                while i < n && bytes[i] != UInt8(ascii: ">") { i += 1 }
                i += 1
            case UInt8(ascii: "*"):
                visitor.endComponent()
                i += 1
            case UInt8(ascii: "."):
                if !(isDigit(i - 1) && isDigit(i + 1)) { visitor.endComponent() }
                i += 1
            case 0xC2 where i + 1 < n && bytes[i + 1] == 0xB7:   // U+00B7 middle dot
                visitor.endComponent()
                i += 2
            case 0xE2 where i + 2 < n && bytes[i + 1] == 0x80 && bytes[i + 2] == 0xA2:   // U+2022 bullet
                visitor.endComponent()
                i += 3
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                var id = Element.table.id(b, nil)
                var length = 1
                if i + 1 < n, bytes[i + 1] >= UInt8(ascii: "a"), bytes[i + 1] <= UInt8(ascii: "z") {
                    if let two = Element.table.id(b, bytes[i + 1]) {
                        id = two
                        length = 2
                    } else if id == nil {
                        length = 2
                    }
                }
                if let id {
                    visitor.element(id)
                } else {
                    visitor.unknownSymbol(UnsafeBufferPointer(rebasing: bytes[i..<(i + length)]))
                }
                i += length
            default:
                i += 1
            }
        }
        visitor.endComponent()
    }

    /// All element symbols of the formula, sorted, without repeats.
    public var elements: [String] {
        var seen = [Bool](repeating: false, count: Element.table.symbols.count)
        for c in componentIDs { for id in c { seen[Int(id)] = true } }
        return Element.table.alphabetical.filter { seen[Int($0)] }.map { Element.table.symbols[Int($0)] }
    }

    /// The paper's composition key: element symbols sorted and concatenated (`CClHORu`).
    public var compositionKey: String { elements.joined() }
}

/// What ``Formula/scan(_:into:)`` reports.
protocol FormulaVisitor {
    /// An element symbol of the current component (an index into ``Element/table``).
    mutating func element(_ id: UInt8)
    /// The end of a component (a separator, or the end of the formula); may follow an empty one.
    mutating func endComponent()
    /// A symbol that is no element, e.g. `R` or `Ln`.
    mutating func unknownSymbol(_ symbol: UnsafeBufferPointer<UInt8>)
}
