import Dispatch
import Foundation
import RareShare

/// SIGINT and SIGTERM during a run: the staging folder is removed, the
/// previous results are left whole, and the command says so and exits 130.
///
/// The signals are caught by dispatch sources (the default action would end
/// the process with the staging folder still on disk); an interrupt that
/// arrives while ``OutputFolder/commit()`` is moving files in waits for it.
enum Interrupts {
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

    /// From now on an interrupt abandons `folder`'s staging folder and ends the process.
    static func protect(_ folder: OutputFolder) {
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler {
                if folder.abandon() {
                    Terminal.error("interrupted: nothing was written; the previous results in \(folder.target) are as they were")
                    exit(ExitStatus.interrupted)
                }
                Terminal.error("interrupted after the results were written to \(folder.target)")
                exit(ExitStatus.interrupted)
            }
            source.resume()
            sources.append(source)
        }
    }
}
