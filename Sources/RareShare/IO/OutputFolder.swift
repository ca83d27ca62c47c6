#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A run's output folder, written whole or not at all.
///
/// A run writes into a staging folder beside the target (same parent, so
/// the final moves are renames on one file system) and moves its files in
/// only at ``commit()``, when every file is complete. Until then the
/// previous results stay as they were: an interrupted run, a full disk or a
/// crash leave them whole, and ``abandon()`` removes the staging folder.
///
/// The target's `.rareshare-manifest` lists the files a run wrote. At the
/// next commit those that the new run does not write again are removed (so
/// old and new results are never mixed), files the new run writes replace
/// the old ones, and anything else in the folder (a user's notes, another
/// tool's files) is kept.
///
/// `@unchecked Sendable`: the state is read and changed only under `lock`,
/// so that an interrupt arriving on another thread waits for a commit in
/// progress instead of cutting it in half.
public final class OutputFolder: @unchecked Sendable {
    public static let manifestName = ".rareshare-manifest"
    /// Keep the previous runs' files even where this run did not write them
    /// again (`extract`: row files of several machines' runs gather in one
    /// folder, each with its own `--file-order-start`). Set before ``commit()``.
    public var keepsPreviousFiles = false

    /// The folder the results end up in.
    public let target: String
    /// Where the run writes until ``commit()``: `<parent>/.<name>.rareshare-<pid>`.
    public let staging: String

    private enum State { case open, committed, abandoned }
    private var state = State.open
    private let lock = NSLock()

    /// Makes the staging folder. - Throws: ``OutputError`` `.cannotCreate`
    /// when the target is not a folder or its parent cannot be written.
    public init(target: String) throws {
        self.target = target
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw OutputError(.cannotCreate, path: target, "is a file, not a folder: name a new or existing folder for the output")
        }
        let url = URL(fileURLWithPath: target).standardizedFileURL
        let parent = url.deletingLastPathComponent().path
        staging = (parent as NSString).appendingPathComponent(".\(url.lastPathComponent).rareshare-\(getpid())")
        try? FileManager.default.removeItem(atPath: staging)
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw OutputError(.cannotCreate, path: parent, errno: Self.errno(of: error), "cannot create the output's parent folder: \(Self.reason(error))")
        }
        guard mkdir(staging, 0o755) == 0 else {
            let e = Glibc.errno
            throw OutputError(.cannotCreate, path: staging, errno: e, "cannot create a folder beside \(target): \(String(cString: strerror(e)))")
        }
    }

    /// Moves every file of the staging folder into the target, removes the
    /// previous run's files the new run did not write, and writes the new
    /// manifest. Only renames and removals: no new data is written, so a
    /// full disk cannot stop it halfway.
    /// - Throws: ``OutputError`` `.writeFailed`.
    public func commit() throws {
        lock.lock()
        defer { lock.unlock() }
        guard state == .open else { return }
        let written = Self.files(under: staging)
        let fm = FileManager.default
        do {
            try fm.createDirectory(atPath: target, withIntermediateDirectories: true)
        } catch {
            throw OutputError(.cannotCreate, path: target, errno: Self.errno(of: error), "cannot create the output folder: \(Self.reason(error))")
        }
        let previous = Self.manifest(in: target)
        let listed = keepsPreviousFiles ? Array(Set(previous).union(written)).sorted() : written
        let manifest = listed.map { $0 + "\n" }.joined()
        let manifestPath = (staging as NSString).appendingPathComponent(Self.manifestName)
        do {
            try manifest.write(toFile: manifestPath, atomically: false, encoding: .utf8)
        } catch {
            throw OutputError(.writeFailed, path: manifestPath, errno: Self.errno(of: error), "cannot write: \(Self.reason(error))")
        }
        for name in written + [Self.manifestName] {
            let from = (staging as NSString).appendingPathComponent(name), to = (target as NSString).appendingPathComponent(name)
            try? fm.createDirectory(atPath: (to as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            guard rename(from, to) == 0 else {
                let e = Glibc.errno
                throw OutputError(.writeFailed, path: to, errno: e, "cannot move the new file in: \(String(cString: strerror(e)))")
            }
        }
        let kept = Set(written)
        for stale in previous where !keepsPreviousFiles && !kept.contains(stale) && !stale.contains("..") {
            try? fm.removeItem(atPath: (target as NSString).appendingPathComponent(stale))
        }
        state = .committed
        try? fm.removeItem(atPath: staging)
    }

    /// Removes the staging folder (after a failure or an interrupt); the
    /// target is left as it was. Returns false when the run had already
    /// committed (its results are complete).
    @discardableResult
    public func abandon() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard state == .open else { return state == .abandoned }
        state = .abandoned
        try? FileManager.default.removeItem(atPath: staging)
        return true
    }

    /// Writes `text` to `path` through `path.partial` and a rename, so that
    /// `path` is never half written, with the system's reason when it fails
    /// (Foundation's own writer loses the `errno`).
    /// - Throws: ``OutputError`` `.cannotCreate` or `.writeFailed` (`errno` 28 for a full disk).
    public static func write(_ text: String, toFile path: String) throws {
        let partial = path + ".partial"
        let fd = open(partial, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else {
            let e = Glibc.errno
            throw OutputError(.cannotCreate, path: path, errno: e, "cannot create: \(String(cString: strerror(e)))")
        }
        var failure: Int32?
        var text = text
        text.withUTF8 { bytes in
            var done = 0
            while done < bytes.count {
                let n = Glibc.write(fd, bytes.baseAddress! + done, bytes.count - done)
                if n < 0 {
                    if Glibc.errno == EINTR { continue }
                    failure = Glibc.errno
                    return
                }
                done += n
            }
        }
        if close(fd) != 0, failure == nil { failure = Glibc.errno }
        if failure == nil, rename(partial, path) != 0 { failure = Glibc.errno }
        if let e = failure {
            unlink(partial)
            throw OutputError(.writeFailed, path: path, errno: e, "cannot write: \(String(cString: strerror(e)))")
        }
    }

    /// `error` with the staging folder in its path shown as the target, as the user named it.
    public func shown(_ error: OutputError) -> OutputError {
        var e = error
        if e.path.hasPrefix(staging) { e.path = target + e.path.dropFirst(staging.count) }
        return e
    }

    /// What a failed run says about the target.
    public var abandonedNote: String { "nothing was written: the previous results in \(target) are as they were" }

    /// Relative paths of the regular files under `root`, sorted.
    static func files(under root: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        var out: [String] = []
        while let name = walker.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: (root as NSString).appendingPathComponent(name), isDirectory: &isDirectory),
               !isDirectory.boolValue, name != manifestName {
                out.append(name)
            }
        }
        return out.sorted()
    }

    /// The files the previous run listed in `folder`'s manifest (none without one).
    static func manifest(in folder: String) -> [String] {
        let path = (folder as NSString).appendingPathComponent(manifestName)
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").map(String.init).filter { !$0.isEmpty && !$0.hasPrefix("/") }
    }

    static func errno(of error: any Error) -> Int32? {
        ((error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError).flatMap { $0.domain == NSPOSIXErrorDomain ? Int32($0.code) : nil }
    }

    static func reason(_ error: any Error) -> String {
        errno(of: error).map { String(cString: strerror($0)) } ?? error.localizedDescription
    }
}
