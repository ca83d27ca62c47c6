/// Writes one country collaboration network (a ``CollaborationNetwork/Graph``
/// summed over a year range) in the formats bibliometricians load:
///
/// - VOSviewer map file: tab-separated with a header row; columns `id`,
///   `label` and `weight<…>` as VOSviewer's manual documents them (`x`, `y`
///   and `cluster` are optional and left for VOSviewer to compute). Ids are
///   1, 2, … in country-code order.
/// - VOSviewer network files, one per counting: no header, one link per line,
///   `id₁ id₂ strength`, tab-separated; `.full` with full-counting strengths,
///   `.fractional` with fractional ones (see ``CollaborationNetwork``).
/// - GraphML (`.graphml`) with both strengths on every edge, for Gephi,
///   Cytoscape or networkx.
/// - An edge list (`_edges.csv`): `source,target,full,fractional`.
/// - A country × country matrix (`_matrix.tsv`): units shared by the row and
///   column country under full counting; the diagonal holds the country's own
///   units (its full count), as bibliometrix's collaboration matrix does.
///
/// Every list is in code order so the files are the same on every run.
public enum CollaborationNetworkWriter {
    /// The map file's weight columns, in order.
    public static let mapWeights = ["Links", "Total link strength", "Total link strength (fractional)",
                                    "Documents", "International documents", "Fractional documents"]

    /// All files of one graph, named `<stem>…`.
    public static func files(_ graph: CollaborationNetwork.Graph, stem: String) -> [(name: String, text: String)] {
        [
            ("\(stem)_vosviewer_map.txt", vosviewerMap(graph)),
            ("\(stem)_vosviewer_network.full.txt", vosviewerNetwork(graph, fractional: false)),
            ("\(stem)_vosviewer_network.fractional.txt", vosviewerNetwork(graph, fractional: true)),
            ("\(stem).graphml", graphML(graph)),
            ("\(stem)_edges.csv", edgeList(graph)),
            ("\(stem)_matrix.tsv", matrix(graph)),
        ]
    }

    /// VOSviewer ids: 1-based position in code order.
    static func ids(_ graph: CollaborationNetwork.Graph) -> [CountryCode: Int] {
        var out: [CountryCode: Int] = [:]
        for (i, c) in graph.countries.enumerated() { out[c] = i + 1 }
        return out
    }

    public static func vosviewerMap(_ graph: CollaborationNetwork.Graph) -> String {
        var out = "id\tlabel\t" + mapWeights.map { "weight<\($0)>" }.joined(separator: "\t") + "\n"
        for (i, c) in graph.countries.enumerated() {
            let node = graph.nodes[c] ?? .init()
            let strength = graph.totalStrength(c)
            let cells = [String(i + 1), c.description, String(graph.linkCount(c)), String(strength.full),
                         number(strength.fractional), String(node.units), String(node.internationalUnits),
                         number(node.fractionalWeight)]
            out += cells.joined(separator: "\t") + "\n"
        }
        return out
    }

    public static func vosviewerNetwork(_ graph: CollaborationNetwork.Graph, fractional: Bool) -> String {
        let ids = ids(graph)
        var out = ""
        for link in graph.sortedLinks {
            guard let a = ids[link.first], let b = ids[link.second], let s = graph.links[link] else { continue }
            out += "\(a)\t\(b)\t\(fractional ? number(s.fractional) : String(s.full))\n"
        }
        return out
    }

    public static func graphML(_ graph: CollaborationNetwork.Graph) -> String {
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
          <key id="label" for="node" attr.name="label" attr.type="string"/>
          <key id="documents" for="node" attr.name="documents" attr.type="int"/>
          <key id="fractional_documents" for="node" attr.name="fractional_documents" attr.type="double"/>
          <key id="full" for="edge" attr.name="full" attr.type="int"/>
          <key id="fractional" for="edge" attr.name="fractional" attr.type="double"/>
          <graph id="countries" edgedefault="undirected">

        """
        for c in graph.countries {
            let node = graph.nodes[c] ?? .init()
            out += "    <node id=\"\(c)\"><data key=\"label\">\(c)</data><data key=\"documents\">\(node.units)</data>"
            out += "<data key=\"fractional_documents\">\(number(node.fractionalWeight))</data></node>\n"
        }
        for link in graph.sortedLinks {
            guard let s = graph.links[link] else { continue }
            out += "    <edge source=\"\(link.first)\" target=\"\(link.second)\"><data key=\"full\">\(s.full)</data>"
            out += "<data key=\"fractional\">\(number(s.fractional))</data></edge>\n"
        }
        out += "  </graph>\n</graphml>\n"
        return out
    }

    public static func edgeList(_ graph: CollaborationNetwork.Graph) -> String {
        var out = "source,target,full,fractional\n"
        for link in graph.sortedLinks {
            guard let s = graph.links[link] else { continue }
            out += "\(link.first),\(link.second),\(s.full),\(number(s.fractional))\n"
        }
        return out
    }

    public static func matrix(_ graph: CollaborationNetwork.Graph) -> String {
        let countries = graph.countries
        var out = "\t" + countries.map(\.description).joined(separator: "\t") + "\n"
        for r in countries {
            let cells = countries.map { c -> String in
                if c == r { return String(graph.nodes[c]?.units ?? 0) }
                guard let link = CollaborationNetwork.Link(r, c) else { return "0" }
                return String(graph.links[link]?.full ?? 0)
            }
            out += "\(r)\t" + cells.joined(separator: "\t") + "\n"
        }
        return out
    }

    /// Shortest round-tripping text, `0` for zero (these files have no empty cells).
    static func number(_ v: Double) -> String { v == 0 ? "0" : NumberFormat.exact(v) }
}
