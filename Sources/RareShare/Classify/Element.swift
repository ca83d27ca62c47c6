/// Chemical element symbols and the groups the region rules use.
public enum Element {
    /// Every element symbol, 1–118.
    public static let symbols: [String] = [
        "H", "He", "Li", "Be", "B", "C", "N", "O", "F", "Ne", "Na", "Mg", "Al", "Si", "P", "S", "Cl", "Ar",
        "K", "Ca", "Sc", "Ti", "V", "Cr", "Mn", "Fe", "Co", "Ni", "Cu", "Zn", "Ga", "Ge", "As", "Se", "Br", "Kr",
        "Rb", "Sr", "Y", "Zr", "Nb", "Mo", "Tc", "Ru", "Rh", "Pd", "Ag", "Cd", "In", "Sn", "Sb", "Te", "I", "Xe",
        "Cs", "Ba", "La", "Ce", "Pr", "Nd", "Pm", "Sm", "Eu", "Gd", "Tb", "Dy", "Ho", "Er", "Tm", "Yb", "Lu",
        "Hf", "Ta", "W", "Re", "Os", "Ir", "Pt", "Au", "Hg", "Tl", "Pb", "Bi", "Po", "At", "Rn",
        "Fr", "Ra", "Ac", "Th", "Pa", "U", "Np", "Pu", "Am", "Cm", "Bk", "Cf", "Es", "Fm", "Md", "No", "Lr",
        "Rf", "Db", "Sg", "Bh", "Hs", "Mt", "Ds", "Rg", "Cn", "Nh", "Fl", "Mc", "Lv", "Ts", "Og",
    ]

    /// Metals for the organometallic rule, exactly METRICS.md's list.
    public static let metals: Set<String> = [
        "Li", "Be", "Na", "Mg", "Al", "K", "Ca", "Sc", "Ti", "V", "Cr", "Mn", "Fe", "Co", "Ni", "Cu", "Zn", "Ga",
        "Rb", "Sr", "Y", "Zr", "Nb", "Mo", "Tc", "Ru", "Rh", "Pd", "Ag", "Cd", "In", "Sn", "Cs", "Ba", "La", "Ce",
        "Pr", "Nd", "Pm", "Sm", "Eu", "Gd", "Tb", "Dy", "Ho", "Er", "Tm", "Yb", "Lu", "Hf", "Ta", "W", "Re", "Os",
        "Ir", "Pt", "Au", "Hg", "Tl", "Pb", "Bi", "Po", "Ra", "Ac", "Th", "Pa", "U", "Np", "Pu", "Am", "Cm", "Bk",
        "Cf", "Es", "At", "Fr", "Fm", "Md", "No", "Lr",
    ]

    /// Rare-earth elements: scandium, yttrium and the lanthanides.
    public static let rareEarths: Set<String> = [
        "Sc", "Y", "La", "Ce", "Pr", "Nd", "Pm", "Sm", "Eu", "Gd", "Tb", "Dy", "Ho", "Er", "Tm", "Yb", "Lu",
    ]

    /// Symbol lookup by bytes, and group membership by element number.
    struct Table: Sendable {
        let symbols: [String]
        /// Element numbers (0-based) in alphabetical order of symbol.
        let alphabetical: [UInt8]
        let isMetal: [Bool]
        let isRareEarth: [Bool]
        let carbon: UInt8
        /// (upper − 'A') × 27 + (lower − 'a' + 1, or 0) → element number + 1 (0 = none).
        private let lookup: [UInt8]

        init() {
            let symbols = Element.symbols
            self.symbols = symbols
            var lookup = [UInt8](repeating: 0, count: 26 * 27)
            for (i, s) in symbols.enumerated() {
                let u = Array(s.utf8)
                let slot = Int(u[0] - 65) * 27 + (u.count > 1 ? Int(u[1] - 96) : 0)
                lookup[slot] = UInt8(i + 1)
            }
            // Deuterium and tritium are hydrogen.
            lookup[Int(UInt8(ascii: "D") - 65) * 27] = 1
            lookup[Int(UInt8(ascii: "T") - 65) * 27] = 1
            self.lookup = lookup
            alphabetical = symbols.indices.sorted { symbols[$0] < symbols[$1] }.map { UInt8($0) }
            isMetal = symbols.map(Element.metals.contains)
            isRareEarth = symbols.map(Element.rareEarths.contains)
            carbon = UInt8(symbols.firstIndex(of: "C")!)
        }

        /// The element number of a one- or two-letter symbol, or nil.
        @inline(__always)
        func id(_ upper: UInt8, _ lower: UInt8?) -> UInt8? {
            let slot = Int(upper - 65) * 27 + (lower.map { Int($0 - 96) } ?? 0)
            let v = lookup[slot]
            return v == 0 ? nil : v - 1
        }
    }

    static let table = Table()
}
