#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Expands what a user names on the command line (files, folders, globs)
/// into a sorted list of files, so a batch of Reaxys downloads can be named
/// as one folder or `substances-*.xml`.
public enum InputFiles {
    /// Each argument in turn: a folder gives its regular files (not hidden,
    /// recursively, sorted); a pattern with `*`, `?` or `[` gives its
    /// matches (sorted); anything else is taken as a file. Duplicates are dropped.
    /// - Throws: ``InputError`` `.missing` for a name or pattern that matches nothing.
    public static func expand(_ arguments: [String]) throws -> [String] {
        var out: [String] = []
        var seen = Set<String>()
        for argument in arguments {
            var found: [String]
            if argument.contains(where: { $0 == "*" || $0 == "?" || $0 == "[" }) {
                found = glob(argument)
                if found.isEmpty { throw InputError(.missing, at: SourcePosition(file: argument), "no file matches this pattern") }
            } else if isDirectory(argument) {
                found = listFiles(in: argument)
                if found.isEmpty { throw InputError(.missing, at: SourcePosition(file: argument), "folder holds no files") }
            } else {
                guard access(argument, F_OK) == 0 else {
                    throw InputError(.missing, at: SourcePosition(file: argument), "no such file")
                }
                guard access(argument, R_OK) == 0 else {
                    throw InputError(.unreadable, at: SourcePosition(file: argument), "permission denied")
                }
                found = [argument]
            }
            for f in found where seen.insert(f).inserted { out.append(f) }
        }
        return out
    }

    static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    static func glob(_ pattern: String) -> [String] {
        var g = glob_t()
        defer { globfree(&g) }
        guard Glibc.glob(pattern, 0, nil, &g) == 0 else { return [] }
        var out: [String] = []
        for i in 0..<Int(g.gl_pathc) {
            if let p = g.gl_pathv[i] {
                let s = String(cString: p)
                if isDirectory(s) { out += listFiles(in: s) } else { out.append(s) }
            }
        }
        return out.sorted()
    }

    static func listFiles(in folder: String) -> [String] {
        guard let dir = opendir(folder) else { return [] }
        defer { closedir(dir) }
        var out: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name.hasPrefix(".") { continue }
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            if isDirectory(path) { out += listFiles(in: path) } else { out.append(path) }
        }
        return out.sorted()
    }
}
