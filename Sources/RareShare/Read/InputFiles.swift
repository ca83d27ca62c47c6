#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Expands what a user names on the command line (files, folders, globs)
/// into a sorted list of files, so a batch of Reaxys downloads can be named
/// as one folder or `substances-*.xml`.
public enum InputFiles {
    /// Each argument in turn: a path that exists is taken as it is (even with
    /// `*`, `?` or `[` in its name); a folder gives its regular files (not
    /// hidden, recursively, sorted); otherwise a pattern with `*`, `?` or `[`
    /// gives its matches (sorted). Duplicates are dropped. A file named
    /// directly may be a pipe (`<(zcat works.jsonl.gz)`, `/dev/stdin`).
    ///
    /// In folders, only regular files are read: FIFOs, sockets and devices
    /// (which could block the run forever) are left out, and a folder reached
    /// again through a symbolic link (same device and inode) is not walked
    /// twice, so a link loop cannot hang the run; each is listed in `skipped`.
    /// - Throws: ``InputError`` `.missing` for a name or pattern that matches nothing.
    public static func expand(_ arguments: [String], skipped: inout [Problem]) throws -> [String] {
        var out: [String] = []
        var seen = Set<String>()
        for argument in arguments {
            var found: [String]
            var walk = Walk()
            if isDirectory(argument) {
                found = walk.files(in: argument)
                if found.isEmpty && walk.skipped.isEmpty { throw InputError(.missing, at: SourcePosition(file: argument), "folder holds no files") }
            } else if access(argument, F_OK) == 0 {
                guard access(argument, R_OK) == 0 else {
                    throw InputError(.unreadable, at: SourcePosition(file: argument), cause: .errno(errno), "permission denied")
                }
                found = [argument]
            } else if argument.contains(where: { $0 == "*" || $0 == "?" || $0 == "[" }) {
                found = glob(argument, walk: &walk)
                if found.isEmpty { throw InputError(.missing, at: SourcePosition(file: argument), "no file matches this pattern") }
            } else {
                throw InputError(.missing, at: SourcePosition(file: argument), cause: .errno(ENOENT), "no such file")
            }
            skipped += walk.skipped
            for f in found where seen.insert(f).inserted { out.append(f) }
        }
        return out
    }

    /// ``expand(_:skipped:)`` for callers that do not list what folders held besides files.
    public static func expand(_ arguments: [String]) throws -> [String] {
        var skipped: [Problem] = []
        return try expand(arguments, skipped: &skipped)
    }

    static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    static func glob(_ pattern: String, walk: inout Walk) -> [String] {
        var g = glob_t()
        defer { globfree(&g) }
        guard Glibc.glob(pattern, 0, nil, &g) == 0 else { return [] }
        var out: [String] = []
        for i in 0..<Int(g.gl_pathc) {
            if let p = g.gl_pathv[i] {
                let s = String(cString: p)
                if isDirectory(s) { out += walk.files(in: s) } else { out.append(s) }
            }
        }
        return out.sorted()
    }

    /// One walk through folders: the folders entered (device, inode) and what was left out.
    struct Walk {
        struct Identity: Hashable { var device: UInt64; var inode: UInt64 }
        var entered = Set<Identity>()
        var skipped: [Problem] = []

        mutating func files(in folder: String) -> [String] {
            var st = stat()
            guard stat(folder, &st) == 0 else { return [] }
            guard entered.insert(Identity(device: UInt64(st.st_dev), inode: UInt64(st.st_ino))).inserted else {
                skipped.append(Problem(.warning, at: SourcePosition(file: folder),
                                       reason: "this folder was already read (a symbolic link loop or a second link to it); not read again"))
                return []
            }
            guard let dir = opendir(folder) else {
                skipped.append(Problem(.warning, at: SourcePosition(file: folder),
                                       reason: "the folder cannot be opened (\(String(cString: strerror(errno)))); its files were not read"))
                return []
            }
            defer { closedir(dir) }
            var names: [String] = []
            while let entry = readdir(dir) {
                let name = withUnsafePointer(to: entry.pointee.d_name) {
                    $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
                }
                if !name.hasPrefix(".") { names.append(name) }
            }
            var out: [String] = []
            for name in names.sorted() {
                let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
                var entry = stat()
                guard stat(path, &entry) == 0 else {
                    skipped.append(Problem(.warning, at: SourcePosition(file: path), reason: "a broken symbolic link; not read"))
                    continue
                }
                switch entry.st_mode & S_IFMT {
                case S_IFDIR: out += files(in: path)
                case S_IFREG: out.append(path)
                default:
                    skipped.append(Problem(.warning, at: SourcePosition(file: path),
                                           reason: "not a regular file (\(Self.kind(entry.st_mode))); not read: name it directly to read a pipe"))
                }
            }
            return out.sorted()
        }

        static func kind(_ mode: mode_t) -> String {
            switch mode & S_IFMT {
            case S_IFIFO: "a FIFO"
            case S_IFSOCK: "a socket"
            case S_IFCHR: "a character device"
            case S_IFBLK: "a block device"
            default: "not a file"
            }
        }
    }
}
