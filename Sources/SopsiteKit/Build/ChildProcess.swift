import Foundation

/// The programs sopsite runs and waits for (Pagefind, headless Chromium), started so that they
/// die with sopsite: a killed build or a stopped `serve` leaves no child still writing into
/// its folders.
///
/// Linux ends a child when its parent dies only if the child asked for it (`PR_SET_PDEATHSIG`)
/// between fork and exec, which Foundation's `Process` cannot do. util-linux's `setpriv
/// --pdeathsig KILL` asks for it and then runs the program: no C, no fork in this threaded
/// process. (A C helper could also catch a parent killed in the millisecond before setpriv
/// asks, by checking `getppid()`; that window is left open.) Without a setpriv that knows the
/// option, the program is run directly, as before.
enum ChildProcess {
    /// How a child ended.
    struct Finished {
        var succeeded: Bool
        /// "exit 1" or "signal 9", for a message.
        var ending: String
        /// What it wrote on standard error, when asked for.
        var errors: String
    }

    /// Runs `program` with `arguments` and waits for it; standard output is dropped, standard
    /// error kept when `keepingErrors`. A program that cannot be started is an error at its own
    /// path (`why` says where it was named); any other failure is the caller's to word, about `path`.
    ///
    /// The kernel sends the signal when the *thread* that started the child ends, not the
    /// process: so the child is started and waited for on the calling thread, which must not
    /// end before `run` returns (Foundation's `waitUntilExit` keeps it here).
    static func run(_ program: String, _ arguments: [String], keepingErrors: Bool = false,
                    about path: String, why: String = "") throws -> Finished {
        // Asked here: through setpriv, a missing program would only be an exit status.
        guard FileManager.default.isExecutableFile(atPath: program) else {
            throw Diagnostic.failure(program, "cannot run it: missing or not executable\(why)")
        }
        let process = Process()
        if let setpriv = setpriv {
            process.executableURL = URL(fileURLWithPath: setpriv)
            process.arguments = ["--pdeathsig", "KILL", "--", program] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = arguments
        }
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = keepingErrors ? errors : FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw Diagnostic.failure(path, "cannot run \(program): \(CopyFiles.reason(error))")
        }
        let message = keepingErrors ? errors.fileHandleForReading.readDataToEndOfFile() : Data()
        process.waitUntilExit()
        let signalled = process.terminationReason == .uncaughtSignal
        return Finished(succeeded: !signalled && process.terminationStatus == 0,
                        ending: "\(signalled ? "signal" : "exit") \(process.terminationStatus)",
                        errors: String(decoding: message, as: UTF8.self))
    }

    /// util-linux's setpriv, if it knows `--pdeathsig` (2.33 and later); asked once per run.
    static let setpriv: String? = {
        guard let path = ["/usr/bin/setpriv", "/bin/setpriv"].first(where: FileManager.default.isExecutableFile),
              let help = try? output(of: path, ["--help"]) else { return nil }
        return help.contains("--pdeathsig") ? path : nil
    }()

    private static func output(of program: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
