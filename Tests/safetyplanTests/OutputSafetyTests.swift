import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The attacks of issue 12 against the built tool: an output over its own input, signals
/// during every kind of write, devices, FIFOs, deep and doubling includes, long and
/// non-UTF-8 names, values in messages, batch folders, and the PDF engine under fake
/// Chromiums. Each checks the exact behaviour: the message, the exit status, and what is
/// (and is not) left on disk.
@Suite struct OutputSafetyTests {
    static let tool = ToolRunner.executable.path
    static let sample = ToolRunner.packageRoot.appendingPathComponent("Samples/preparation.json").path

    // MARK: Helpers

    /// Runs `script` with bash, with the tool's path in `$TOOL`.
    static func shell(_ script: String, in directory: URL, environment: [String: String] = [:]) throws
        -> ToolRunner.Result
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script]
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment.merging(["TOOL": tool]) { $1 }) {
            $1
        }
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return ToolRunner.Result(
            status: process.terminationStatus, standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self))
    }

    /// Starts the tool in `directory` and returns at once; standard output is discarded and
    /// standard error goes to `errorLog` (a file of its own: tests run in parallel), or is
    /// discarded.
    static func start(
        _ arguments: [String], in directory: URL, environment: [String: String] = [:], errorLog: URL? = nil
    ) throws -> Process {
        let process = Process()
        process.executableURL = ToolRunner.executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = FileHandle.nullDevice
        if let errorLog {
            _ = FileManager.default.createFile(atPath: errorLog.path, contents: nil)
            process.standardError = try FileHandle(forWritingTo: errorLog)
        } else {
            process.standardError = FileHandle.nullDevice
        }
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Polls `condition` every 10 ms for up to `timeout` seconds.
    @discardableResult
    static func wait(upTo timeout: Double, for condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition() { return true }
            usleep(10_000)
        }
        return condition()
    }

    /// Runs the tool, killing it after `timeout` seconds (a hang is a failure, not a stuck test).
    static func runBounded(
        _ arguments: [String], in directory: URL = ToolRunner.packageRoot, timeout: Double = 5,
        environment: [String: String] = [:]
    ) throws -> (status: Int32, standardError: String, seconds: Double) {
        let started = Date()
        let errorLog = FileManager.default.temporaryDirectory.appendingPathComponent(
            "safetyplan-tests-stderr-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: errorLog) }
        let process = try start(arguments, in: directory, environment: environment, errorLog: errorLog)
        let finished = wait(upTo: timeout) { !process.isRunning }
        if !finished { process.terminate() }
        process.waitUntilExit()
        let error = try String(contentsOf: errorLog, encoding: .utf8)
        #expect(finished, "still running after \(timeout) s: \(arguments)")
        return (process.terminationStatus, error, Date().timeIntervalSince(started))
    }

    /// The names in a folder, as bytes (FileManager would decode a non-UTF-8 name).
    static func rawEntries(_ folder: String) -> [[UInt8]] {
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        var names: [[UInt8]] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: 256) { Array(String(cString: $0).utf8) }
            }
            var bytes = name
            // String(cString:) repairs invalid UTF-8; read the bytes themselves instead.
            withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: UInt8.self, capacity: 256) { raw in
                    bytes = Array(
                        UnsafeBufferPointer(
                            start: raw, count: strlen(UnsafeRawPointer(raw).assumingMemoryBound(to: CChar.self))))
                }
            }
            if bytes != Array(".".utf8) && bytes != Array("..".utf8) { names.append(bytes) }
        }
        return names.sorted { $0.lexicographicallyPrecedes($1) }
    }

    static func entries(_ folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    static func bytes(_ path: String) -> [UInt8] {
        FileManager.default.contents(atPath: path).map(Array.init) ?? []
    }

    static func write(_ text: String, to name: String, in folder: URL, mode: Int = 0o644) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, mode_t(mode))
        return path
    }

    /// The plan the sample data gives as text, from standard output.
    static let samplePlan: String = {
        (try? ToolRunner.run(["generate", "--data", sample]).standardOutput) ?? ""
    }()

    static func fileType(_ path: String) -> mode_t? {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : nil
    }

    /// A process id that has just ended (so no process has it, for a while).
    static func deadProcessID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    // MARK: 1. Inputs are sacred

    @Test func generateRefusesToWriteOverItsDataFile() throws {
        let folder = try ToolRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = try Self.write(ToolRunner.sample("preparation.json"), to: "same.json", in: folder)
        let before = Self.bytes(data)
        let result = try ToolRunner.run(["generate", "--data", data, "-o", data])
        #expect(result.status == 1)
        #expect(result.standardError == "\(data): error: the output is also an input (\(data)); nothing was written\n")
        #expect(Self.bytes(data) == before)
        // Through a symbolic link and a hard link: the same file, by device and inode.
        let link = folder.appendingPathComponent("link.json").path
        let hard = folder.appendingPathComponent("hard.json").path
        symlink(data, link)
        Glibc.link(data, hard)
        for output in [link, hard] {
            let again = try ToolRunner.run(["generate", "--data", data, "-o", output])
            #expect(again.status == 1)
            #expect(
                again.standardError == "\(output): error: the output is also an input (\(data)); nothing was written\n")
        }
        #expect(Self.bytes(data) == before)
        #expect(Self.fileType(link) == S_IFLNK)
        #expect(Self.entries(folder) == ["hard.json", "link.json", "same.json"])
    }

    @Test func batchRefusesToWriteOverItsRecords() throws {
        let folder = try ToolRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = try Self.write(
            #"{"id": "a", "stage": "action"}"# + "\n" + #"{"id": "b", "stage": "maintenance"}"# + "\n",
            to: "same.jsonl", in: folder)
        let before = Self.bytes(data)
        let result = try ToolRunner.run(["batch", "--data", data, "-o", data])
        #expect(result.status == 1)
        #expect(result.standardError == "\(data): error: the output is also an input (\(data)); nothing was written\n")
        #expect(Self.bytes(data) == before)
        #expect(Self.entries(folder) == ["same.jsonl"])

        // A record whose document would replace the records file itself, in --output-dir mode.
        let records = try Self.write(#"{"id": "recs", "stage": "action"}"# + "\n", to: "recs.txt", in: folder)
        chmod(folder.path, 0o700)
        let inPlace = try ToolRunner.run(["batch", "--data", records, "--output-dir", folder.path])
        #expect(inPlace.status == 1)
        #expect(
            inPlace.standardError
                == "\(folder.path)/recs.txt: error: the output is also an input (\(records)); nothing was written\n"
                + "batch: 0 documents written, 1 failed\n")
        #expect(Self.bytes(records) == Array((#"{"id": "recs", "stage": "action"}"# + "\n").utf8))
    }

    @Test func fillRefusesToWriteOverItsForm() throws {
        let folder = try ToolRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let form = ToolRunner.packageRoot.appendingPathComponent("Templates/forms/maintenance-support.xml")
        try FileManager.default.copyItem(at: form, to: folder.appendingPathComponent("maintenance-support.xml"))
        let before = Self.bytes(folder.appendingPathComponent("maintenance-support.xml").path)
        let result = try ToolRunner.run(
            ["fill", "./maintenance-support.xml", "-o", "maintenance-support.xml"], in: folder)
        #expect(result.status == 1)
        #expect(
            result.standardError
                == "maintenance-support.xml: error: the output is also an input (./maintenance-support.xml); nothing was written\n"
        )
        #expect(Self.bytes(folder.appendingPathComponent("maintenance-support.xml").path) == before)
        #expect(Self.entries(folder) == ["maintenance-support.xml"])
    }

    @Test func generateRefusesToWriteOverAnAgencyTemplate() throws {
        let folder = try ToolRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plan = ToolRunner.packageRoot.appendingPathComponent("Templates/documents/plan.xml")
        let copy = folder.appendingPathComponent("plan.xml").path
        try FileManager.default.copyItem(atPath: plan.path, toPath: copy)
        let before = Self.bytes(copy)
        let result = try ToolRunner.run(["generate", "--stage", "action", "--templates", folder.path, "-o", copy])
        #expect(result.status == 1)
        #expect(result.standardError == "\(copy): error: the output is also an input (\(copy)); nothing was written\n")
        #expect(Self.bytes(copy) == before)
    }

    // MARK: 2. Outputs go where asked

    /// Whether this process may make a private mount namespace (root, with CAP_SYS_ADMIN).
    static let canUnshareMounts: Bool = {
        guard geteuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare") else { return false }
        let result = try? shell("unshare -m true", in: ToolRunner.packageRoot)
        return result?.status == 0
    }()

    @Test(.enabled(if: canUnshareMounts, "needs root and unshare -m: devices are made in a private /dev"))
    func devicesAndStandardOutputAreWrittenIntoNeverReplaced() throws {
        // A fresh /dev in a private mount namespace: whatever happens, the real one is untouched.
        let script = #"""
            unshare -m bash -c '
            mount -t tmpfs tmpfs /dev || exit 77
            mknod -m 666 /dev/null c 1 3 && mknod -m 666 /dev/full c 1 7 && ln -s /proc/self/fd/1 /dev/stdout
            "$TOOL" generate --stage preparation -o /dev/null; echo "null $? $(stat -c %F /dev/null)"
            err=$("$TOOL" generate --stage preparation -o /dev/full 2>&1 >/dev/null); echo "full $? $(stat -c %F /dev/full) $err"
            lines=$("$TOOL" generate --stage preparation -o /dev/stdout | wc -l); echo "stdout $lines $(stat -c %F /dev/stdout)"
            err=$("$TOOL" batch --data "$DATA" -o /dev/full 2>&1); echo "batch $? $(stat -c %F /dev/full) $err"
            mkdir small && mount -t tmpfs -o size=16k tmpfs small || exit 77
            err=$("$TOOL" batch --data "$MANY" -o small/plans.txt 2>&1); echo "disk $? $(ls -A small) $err"
            '
            """#
        let folder = try ToolRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = try Self.write(
            #"{"id": "a", "stage": "action"}"# + "\n" + #"{"id": "b", "stage": "action"}"# + "\n", to: "r.jsonl",
            in: folder)
        let many = try Self.manyRecords(in: folder, count: 200)
        let result = try Self.shell(script, in: folder, environment: ["DATA": data, "MANY": many])
        let planLines = Self.samplePlanForStage.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        #expect(result.status == 0, "\(result.standardError)")
        #expect(
            result.standardOutput == """
                null 0 character special file
                full 1 character special file /dev/full: error: cannot write the output file (No space left on device)
                stdout \(planLines) symbolic link
                batch 1 character special file /dev/full: error: cannot write the output file (No space left on device)
                batch: 0 documents written, 1 failed
                disk 1  small/plans.txt: error: cannot write the output file (No space left on device)
                batch: 0 documents written, 1 failed

                """)
    }

    static let samplePlanForStage: String = {
        (try? ToolRunner.run(["generate", "--stage", "preparation"]).standardOutput) ?? ""
    }()

    @Test func aFIFOOutputIsWrittenIntoNotReplaced() throws {
        let folder = try ToolRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let result = try Self.shell(
            #"cat pipe > copy.txt & "$TOOL" generate --data "$DATA" -o pipe; echo "exit $?"; wait"#, in: folder,
            environment: ["DATA": Self.sample])
        #expect(result.standardOutput == "exit 0\n")
        #expect(Self.fileType(fifo) == S_IFIFO)
        #expect(
            String(decoding: Self.bytes(folder.appendingPathComponent("copy.txt").path), as: UTF8.self)
                == Self.samplePlan)
    }

    @Test func aNameOf250BytesIsWrittenExactly() throws {
        let folder = try ToolRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let name = String(repeating: "a", count: 246) + ".txt"
        let result = try ToolRunner.run(["generate", "--data", Self.sample, "-o", name], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError == "")
        #expect(Self.entries(folder) == [name])
        #expect(
            String(decoding: Self.bytes(folder.appendingPathComponent(name).path), as: UTF8.self) == Self.samplePlan)
        // 255 bytes, the limit itself, for one batch document and the -o file.
        let longest = String(repeating: "b", count: 251) + ".txt"
        let batch = try ToolRunner.run(
            [
                "batch", "--data", Self.write(#"{"stage": "action"}"#, to: "r.jsonl", in: folder), "-o",
                longest,
            ],
            in: folder)
        #expect(batch.status == 0, "\(batch.standardError)")
        #expect(Self.entries(folder) == [name, longest, "r.jsonl"].sorted() as [String])
    }

    @Test func nonUTF8NamesAreUsedExactly() throws {
        let folder = try ToolRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // $'…' makes the bytes; the tool must open and create exactly those names.
        let result = try Self.shell(
            #"""
            cp "$DATA" $'in\xff.json' &&
            "$TOOL" generate --data $'in\xff.json' -o $'plan\xff\xfe.txt' && echo ok
            "$TOOL" generate --data $'missing\xff.json' 2>&1 | od -An -c | tr -s ' ' | head -1
            """#, in: folder, environment: ["DATA": Self.sample])
        #expect(result.standardError == "")
        // The message names the file by its own bytes (377 is 0xFF).
        #expect(result.standardOutput == "ok\n m i s s i n g 377 . j s o n : 1 :\n")
        #expect(
            Self.rawEntries(folder.path) == [
                Array("in".utf8) + [0xFF] + Array(".json".utf8),
                Array("plan".utf8) + [0xFF, 0xFE] + Array(".txt".utf8),
            ])
        let written = Self.bytes(folder.path + "/plan\u{FFFD}\u{FFFD}.txt")
        #expect(written.isEmpty, "a file with the replacement characters must not exist")
        let copy = try Self.shell(#"cat $'plan\xff\xfe.txt'"#, in: folder)
        #expect(copy.standardOutput == Self.samplePlan)
    }

    @Test func processSubstitutionAndPipesAreReadAsStreams() throws {
        let folder = try ToolRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Self.shell(
            #"""
            "$TOOL" generate --data <(cat "$DATA") > a.txt && echo substitution
            cat "$DATA" | "$TOOL" generate --data /dev/stdin > b.txt && echo stdin
            "$TOOL" batch --data <(printf '{"id": "x", "stage": "action"}\n') --output-dir out 2>&1
            """#, in: folder, environment: ["DATA": Self.sample])
        #expect(result.standardOutput == "substitution\nstdin\nbatch: 1 document written, 0 failed\n")
        #expect(
            String(decoding: Self.bytes(folder.appendingPathComponent("a.txt").path), as: UTF8.self) == Self.samplePlan)
        #expect(
            String(decoding: Self.bytes(folder.appendingPathComponent("b.txt").path), as: UTF8.self) == Self.samplePlan)
        #expect(Self.entries(folder.appendingPathComponent("out")) == ["x.txt"])
    }

    // MARK: 3. Signals clean up

    /// Records enough for a batch to take a few seconds.
    static func manyRecords(in folder: URL, count: Int = 20_000) throws -> String {
        let line = #"{"stage": "preparation", "client": {"name": "Jordan"}, "goals": ["Finish 10th grade"]}"#
        return try write(
            Array(repeating: line, count: count).joined(separator: "\n") + "\n", to: "many.jsonl", in: folder)
    }

    @Test(arguments: [(SIGTERM, Int32(143)), (SIGINT, Int32(130)), (SIGHUP, Int32(129))])
    func aSignalDuringBatchOutputFileLeavesNothing(signal: Int32, status: Int32) throws {
        let folder = try ToolRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = try Self.manyRecords(in: folder)
        let process = try Self.start(
            ["batch", "--data", data, "-o", "plans.txt", "--jobs", "1"], in: folder)
        // The temporary file exists, and holds documents, when the signal comes.
        let temporary = Self.wait(upTo: 20) {
            Self.entries(folder).contains { name in
                name.hasPrefix(".plans.txt.sp") && name.hasSuffix(".tmp")
                    && ((try? FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(name).path))?[
                        .size] as? NSNumber)?.intValue ?? 0 > 0
            }
        }
        #expect(temporary, "no temporary file appeared")
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == status)
        #expect(Self.entries(folder) == ["many.jsonl"])
    }

    @Test func aSignalDuringBatchOutputFolderLeavesNoTemporaryFile() throws {
        let folder = try ToolRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = try Self.manyRecords(in: folder)
        let output = folder.appendingPathComponent("out")
        let process = try Self.start(["batch", "--data", data, "--output-dir", output.path], in: folder)
        // A finished document, not the hidden temporary file of the first one (a signal
        // before the first rename rightly leaves the folder empty).
        let finished = { Self.entries(output).contains { $0.hasPrefix("record-") && $0.hasSuffix(".txt") } }
        #expect(Self.wait(upTo: 20, for: finished), "no document appeared")
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        #expect(process.terminationStatus == 143)
        let names = Self.entries(output)
        #expect(!names.isEmpty)
        #expect(
            names.allSatisfy { $0.hasPrefix("record-") && $0.hasSuffix(".txt") },
            "\(names.filter { !$0.hasPrefix("record-") })")
    }

    @Test func aSignalAtAnyMomentOfGenerateLeavesTheFileWholeOrAbsent() throws {
        let folder = try ToolRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for attempt in 0..<24 {
            let process = try Self.start(["generate", "--data", Self.sample, "-o", "plan.txt"], in: folder)
            usleep(UInt32(attempt) * 4_000)
            kill(process.processIdentifier, SIGTERM)
            process.waitUntilExit()
            let left = Self.entries(folder)
            if process.terminationReason == .exit && process.terminationStatus == 0 {
                #expect(left == ["plan.txt"])
                #expect(
                    String(decoding: Self.bytes(folder.appendingPathComponent("plan.txt").path), as: UTF8.self)
                        == Self.samplePlan)
            } else {
                // Killed before the handler was installed (signal 15), or cleaned up (143).
                #expect(
                    (process.terminationReason == .exit && process.terminationStatus == 143)
                        || (process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGTERM))
                #expect(left == [] || left == ["plan.txt"], "left: \(left)")
            }
            try? FileManager.default.removeItem(at: folder.appendingPathComponent("plan.txt"))
        }
    }

    /// A fake Chromium: records its process id (and its child's) in `$PIDFILE`, then sleeps;
    /// `ignoresTerm` makes it (and its child) ignore SIGTERM.
    static func fakeChromium(in folder: URL, ignoresTerm: Bool) throws -> String {
        let script = """
            #!/bin/sh
            \(ignoresTerm ? "trap '' TERM" : "")
            sleep 30 &
            echo "$$ $!" > "$PIDFILE"
            wait
            """
        return try Self.write(
            script, to: ignoresTerm ? "stubborn-chromium" : "sleepy-chromium", in: folder, mode: 0o755)
    }

    static func isAlive(_ pid: Int32) -> Bool {
        // A zombie still answers kill(0); its state in /proc says it has ended.
        guard kill(pid, 0) == 0 else { return false }
        let status = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        return !status.contains(") Z ")
    }

    @Test(arguments: [false, true])
    func aSignalDuringPDFStopsChromiumAndRemovesTheFolder(ignoresTerm: Bool) throws {
        let folder = try ToolRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let temporary = folder.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        let chromium = try Self.fakeChromium(in: folder, ignoresTerm: ignoresTerm)
        let pidFile = folder.appendingPathComponent("pids").path
        let process = try Self.start(
            ["generate", "--data", Self.sample, "--format", "pdf", "-o", "plan.pdf"], in: folder,
            environment: ["SAFETYPLAN_CHROMIUM": chromium, "TMPDIR": temporary.path, "PIDFILE": pidFile])
        #expect(
            Self.wait(upTo: 10) { FileManager.default.fileExists(atPath: pidFile) && Self.bytes(pidFile).count > 2 })
        let pids = String(decoding: Self.bytes(pidFile), as: UTF8.self).split(whereSeparator: \.isWhitespace)
            .compactMap { Int32($0) }
        #expect(pids.count == 2)
        // The page with the plan is in the private folder while Chromium runs.
        let folders = Self.entries(temporary)
        #expect(folders.count == 1 && folders[0].hasPrefix("safetyplan-pdf-\(process.processIdentifier)-"))
        let started = Date()
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        let seconds = Date().timeIntervalSince(started)
        #expect(process.terminationStatus == 143)
        #expect(Self.entries(temporary) == [], "the page or the PDF was left behind")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("plan.pdf").path))
        for pid in pids { #expect(!Self.isAlive(pid), "Chromium (or its child) \(pid) still runs") }
        // SIGTERM is enough for the sleepy one; the stubborn one gets SIGKILL after 2 seconds.
        #expect(ignoresTerm ? (1.9...6).contains(seconds) : seconds < 1.5, "\(seconds) s")
    }

    @Test func theNextRunRemovesWhatSIGKILLLeft() throws {
        let folder = try ToolRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let dead = try Self.deadProcessID()
        let stale = ".plan.txt.sp\(dead)-k3j2a9.tmp"
        let live = ".plan.txt.sp\(getpid())-k3j2a9.tmp"
        let other = ".notes.txt.tmp"
        for name in [stale, live, other] { _ = try Self.write("a plan", to: name, in: folder, mode: 0o600) }
        let result = try ToolRunner.run(["generate", "--data", Self.sample, "-o", "plan.txt"], in: folder)
        #expect(result.status == 0)
        #expect(Self.entries(folder) == [other, live, "plan.txt"].sorted())

        // The PDF engine's folder in TMPDIR, with the page in it.
        let temporary = folder.appendingPathComponent("tmp")
        let staleFolder = temporary.appendingPathComponent("safetyplan-pdf-\(dead)-AbC123")
        try FileManager.default.createDirectory(at: staleFolder, withIntermediateDirectories: true)
        _ = try Self.write("<html>a plan</html>", to: "plan.html", in: staleFolder)
        let chromium = try Self.pdfWriter(in: folder, writes: Self.minimalPDF)
        let pdf = try ToolRunner.run(
            ["generate", "--data", Self.sample, "--format", "pdf", "-o", "plan.pdf"], in: folder,
            environment: ["SAFETYPLAN_CHROMIUM": chromium, "TMPDIR": temporary.path])
        #expect(pdf.status == 0, "\(pdf.standardError)")
        #expect(Self.entries(temporary) == [])
    }

    // MARK: 4. Only regular files are read

    @Test func FIFOsAndDevicesAreRefusedAtOnce() throws {
        let folder = try ToolRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("fifo.json").path
        let form = folder.appendingPathComponent("fifo.xml").path
        #expect(mkfifo(fifo, 0o600) == 0 && mkfifo(form, 0o600) == 0)
        let templates = folder.appendingPathComponent("agency")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        let stages = templates.appendingPathComponent("stages.xml").path
        #expect(mkfifo(stages, 0o600) == 0)
        let cases: [(arguments: [String], environment: [String: String], message: String)] = [
            (["generate", "--data", fifo], [:], "\(fifo):1:1: error: is a FIFO, not a regular file\n"),
            (
                ["fill", "maintenance-support", "--data", fifo], [:],
                "\(fifo):1:1: error: is a FIFO, not a regular file\n"
            ),
            (["fill", form], [:], "\(form):1:1: error: is a FIFO, not a regular file\n"),
            (["check", form], [:], "\(form):1:1: error: is a FIFO, not a regular file\n"),
            (
                ["batch", "--data", fifo, "--output-dir", folder.appendingPathComponent("out").path], [:],
                "\(fifo):1:1: error: is a FIFO, not a regular file\n"
            ),
            (
                ["batch", "--data", "/dev/zero", "--output-dir", folder.appendingPathComponent("out").path], [:],
                "/dev/zero:1:1: error: is a device, not a regular file\n"
            ),
            (
                ["generate", "--stage", "action", "--templates", templates.path], [:],
                "\(stages):1:1: error: is a FIFO, not a regular file\n"
            ),
            (
                ["generate", "--stage", "action"], ["SAFETYPLAN_TEMPLATES": templates.path],
                "\(stages):1:1: error: is a FIFO, not a regular file\n"
            ),
            (
                ["check"], ["SAFETYPLAN_TEMPLATES": templates.path],
                "\(stages):1:1: error: is a FIFO, not a regular file\n"
            ),
        ]
        for (arguments, environment, message) in cases {
            let result = try Self.runBounded(arguments, in: folder, timeout: 5, environment: environment)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.standardError == message, "\(arguments)")
            #expect(result.seconds < 2, "\(arguments): \(result.seconds) s")
        }
    }

    @Test func aLinkOutOfTheAgencyFolderIsRefused() throws {
        let folder = try ToolRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let templates = folder.appendingPathComponent("agency")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        let secret = try Self.write("<secret/>", to: "outside.xml", in: folder)
        let link = templates.appendingPathComponent("plan.xml").path
        symlink(secret, link)
        let result = try ToolRunner.run(["generate", "--stage", "action", "--templates", templates.path])
        #expect(result.status == 1)
        #expect(
            result.standardError == "\(link):1:1: error: is a symbolic link that points outside the templates folder\n")
        // A link that stays inside the folder is followed.
        let inside = templates.appendingPathComponent("real")
        try FileManager.default.createDirectory(at: inside, withIntermediateDirectories: true)
        try FileManager.default.removeItem(atPath: link)
        try FileManager.default.copyItem(
            atPath: ToolRunner.packageRoot.appendingPathComponent("Templates/documents/plan.xml").path,
            toPath: inside.appendingPathComponent("copy-of-plan.xml").path)
        symlink(inside.appendingPathComponent("copy-of-plan.xml").path, link)
        let followed = try ToolRunner.run(["generate", "--stage", "action", "--templates", templates.path])
        #expect(followed.status == 0, "\(followed.standardError)")
        #expect(followed.standardError == "")
    }

    // MARK: 5. Bounded templates

    static let templateNamespace = "urn:safetyplanner:template:1"

    @Test func aChainOf10000IncludesIsAnErrorWithinASecond() throws {
        let folder = try ToolRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(
            #"<template xmlns="\#(Self.templateNamespace)" name="plan" title="T"><include name="f0"/></template>"#.utf8
        ).write(to: folder.appendingPathComponent("plan.xml"))
        for index in 0..<10_000 {
            let body = index < 9_999 ? #"<include name="f\#(index + 1)"/>"# : "<p>end</p>"
            try Data(#"<fragment xmlns="\#(Self.templateNamespace)">\#(body)</fragment>"#.utf8)
                .write(to: folder.appendingPathComponent("f\(index).xml"))
        }
        let result = try Self.runBounded(["generate", "--stage", "action", "--templates", folder.path], timeout: 10)
        #expect(result.status == 1)
        #expect(result.standardError == "\(folder.path)/f63.xml:1:48: error: includes are nested more than 64 deep\n")
        #expect(result.seconds < 1, "\(result.seconds) s")
        // check compiles every fragment of the chain: no crash, every problem reported.
        let check = try Self.runBounded(["check", folder.path], timeout: 60)
        #expect(check.status == 1)
        #expect(check.standardError.hasSuffix("checked 10001 files: 9936 problems\n"))
    }

    @Test func aDoublingIncludeTreeIsAnErrorWithinASecond() throws {
        let folder = try ToolRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(
            #"<template xmlns="\#(Self.templateNamespace)" name="plan" title="T"><include name="t0"/></template>"#.utf8
        ).write(to: folder.appendingPathComponent("plan.xml"))
        for level in 0..<20 {
            let body = level < 19 ? #"<include name="t\#(level + 1)"/><include name="t\#(level + 1)"/>"# : "<p>leaf</p>"
            try Data(#"<fragment xmlns="\#(Self.templateNamespace)">\#(body)</fragment>"#.utf8)
                .write(to: folder.appendingPathComponent("t\(level).xml"))
        }
        let result = try Self.runBounded(["generate", "--stage", "action", "--templates", folder.path], timeout: 10)
        #expect(result.status == 1)
        #expect(
            result.standardError
                == "\(folder.path)/t18.xml:1:48: error: the template has more than 10000 elements once its includes are expanded\n"
        )
        #expect(result.seconds < 1, "\(result.seconds) s")
    }

    // MARK: 6. No values in messages

    @Test func noPlantedValueReachesStandardError() throws {
        let folder = try ToolRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let canary = "Samira-Canary"
        let records = try Self.write(
            """
            {"id": "\(canary)", "stage": "action"}
            {"id": "\(canary)", "stage": "action"}
            {"stage": "action", "\(canary)-key": "4471 Hidden Lane"}
            {"stage": "action", "safePlaces": [{"adress": "4471 Hidden Lane", "\(canary)": 1, "\(canary)": 2}]}
            """, to: "dup.jsonl", in: folder)
        let result = try ToolRunner.run([
            "batch", "--data", records, "--output-dir", folder.appendingPathComponent("out").path,
        ])
        #expect(result.status == 1)
        #expect(
            result.standardError == """
                \(records):2:1: error: id: another record already gave this name
                \(records):3:21: error: unknown key
                \(records):4:37: error: safePlaces[0]: unknown key (did you mean "address"?)
                \(records):4:67: error: safePlaces[0]: unknown key
                \(records):4:87: error: safePlaces[0]: duplicate key
                batch: 1 document written, 3 failed

                """)
        for planted in [canary, "Hidden", "adress"] { #expect(!result.standardError.contains(planted)) }
    }

    // MARK: 7 and 10. The PDF engine

    /// A small but complete PDF: header, one page, cross-reference offset and trailer.
    static let minimalPDF = """
        %PDF-1.4
        1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
        2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
        3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj
        trailer << /Size 4 /Root 1 0 R >>
        startxref
        9
        %%EOF

        """

    /// A fake Chromium that writes `contents` to the `--print-to-pdf=` path, and its arguments to `$ARGS`.
    static func pdfWriter(in folder: URL, writes contents: String) throws -> String {
        let body = try Self.write(contents, to: "pdf-body-\(contents.utf8.count)", in: folder)
        let script = """
            #!/bin/sh
            [ -n "$ARGS" ] && printf '%s\\n' "$@" > "$ARGS"
            for a in "$@"; do case "$a" in --print-to-pdf=*) cat '\(body)' > "${a#--print-to-pdf=}";; esac; done
            """
        return try Self.write(script, to: "chromium-\(contents.utf8.count)", in: folder, mode: 0o755)
    }

    @Test(arguments: [
        "%PDF-1.4\ngarbage", "%PDF-1.4\n1 0 obj << /Type /Page >> endobj\n",
        "%PDF-1.4\n1 0 obj << /Type /Pages /Count 0 >> endobj\nstartxref\n9\n%%EOF\n",
    ])
    func anIncompletePDFIsRefused(contents: String) throws {
        let folder = try ToolRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let temporary = folder.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        let chromium = try Self.pdfWriter(in: folder, writes: contents)
        let result = try ToolRunner.run(
            ["generate", "--data", Self.sample, "--format", "pdf", "-o", "plan.pdf"], in: folder,
            environment: ["SAFETYPLAN_CHROMIUM": chromium, "TMPDIR": temporary.path])
        #expect(result.status == 1)
        #expect(
            result.standardError
                == "error: Chromium wrote an incomplete PDF (no trailer or no page); nothing was written\n")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("plan.pdf").path))
        #expect(Self.entries(temporary) == [])
    }

    @Test func aCompletePDFIsWrittenAndChromiumGetsTheOfflineSwitches() throws {
        let folder = try ToolRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let chromium = try Self.pdfWriter(in: folder, writes: Self.minimalPDF)
        let arguments = folder.appendingPathComponent("arguments").path
        let result = try ToolRunner.run(
            ["generate", "--data", Self.sample, "--format", "pdf", "-o", "plan.pdf"], in: folder,
            environment: ["SAFETYPLAN_CHROMIUM": chromium, "ARGS": arguments])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(Self.bytes(folder.appendingPathComponent("plan.pdf").path) == Array(Self.minimalPDF.utf8))
        let given = String(decoding: Self.bytes(arguments), as: UTF8.self).split(separator: "\n").map(String.init)
        for expected in [
            "--headless", "--disable-background-networking", "--dns-prefetch-disable", "--no-proxy-server",
            "--no-pings", "--disable-component-update", "--disable-sync", "--disable-domain-reliability",
            "--disable-features=NetworkTimeServiceQuerying", "--host-resolver-rules=MAP * ~NOTFOUND",
        ] {
            #expect(given.contains(expected), "\(expected) is not given to Chromium")
        }
    }

    @Test(arguments: [false, true])
    func pdfTimeoutStopsChromium(ignoresTerm: Bool) throws {
        let folder = try ToolRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let temporary = folder.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        let chromium = try Self.fakeChromium(in: folder, ignoresTerm: ignoresTerm)
        let pidFile = folder.appendingPathComponent("pids").path
        let result = try Self.runBounded(
            ["generate", "--data", Self.sample, "--format", "pdf", "-o", "plan.pdf", "--pdf-timeout", "1"], in: folder,
            timeout: 10, environment: ["SAFETYPLAN_CHROMIUM": chromium, "TMPDIR": temporary.path, "PIDFILE": pidFile])
        #expect(result.status == 1)
        #expect(result.standardError == "error: Chromium did not finish the PDF within 1 seconds\n")
        #expect(ignoresTerm ? (2.9...7).contains(result.seconds) : result.seconds < 2.5, "\(result.seconds) s")
        #expect(Self.entries(temporary) == [])
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("plan.pdf").path))
        let pids = String(decoding: Self.bytes(pidFile), as: UTF8.self).split(whereSeparator: \.isWhitespace)
            .compactMap { Int32($0) }
        for pid in pids { #expect(!Self.isAlive(pid), "Chromium (or its child) \(pid) still runs") }
    }

    // MARK: 8. Batch folders

    @Test func batchRefusesAFolderOthersCanWriteOrALinkUnlessForced() throws {
        let folder = try ToolRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = try Self.write(
            #"{"id": "a", "stage": "action"}"# + "\n" + #"{"id": "b", "stage": "action"}"# + "\n", to: "r.jsonl",
            in: folder)
        let shared = folder.appendingPathComponent("shared")
        try FileManager.default.createDirectory(at: shared, withIntermediateDirectories: true)
        chmod(shared.path, 0o777)
        let refused = try ToolRunner.run(["batch", "--data", data, "--output-dir", shared.path])
        #expect(refused.status == 1)
        #expect(
            refused.standardError
                == "\(shared.path): error: others can write to the output folder; give a private folder, or --force to use it\n"
        )
        #expect(Self.entries(shared) == [])
        let link = folder.appendingPathComponent("link").path
        let own = folder.appendingPathComponent("own")
        try FileManager.default.createDirectory(at: own, withIntermediateDirectories: true)
        chmod(own.path, 0o700)
        symlink(own.path, link)
        let linked = try ToolRunner.run(["batch", "--data", data, "--output-dir", link])
        #expect(linked.status == 1)
        #expect(
            linked.standardError
                == "\(link): error: the output folder is a symbolic link; give the folder itself, or --force to use it\n"
        )
        let forced = try ToolRunner.run(["batch", "--data", data, "--output-dir", shared.path, "--force"])
        #expect(forced.status == 0)
        #expect(forced.standardError == "batch: 2 documents written, 0 failed\n")
        // A second run replaces both documents, and says so.
        let again = try ToolRunner.run(["batch", "--data", data, "--output-dir", own.path])
        #expect(again.standardError == "batch: 2 documents written, 0 failed\n")
        let replaced = try ToolRunner.run(["batch", "--data", data, "--output-dir", own.path])
        #expect(replaced.status == 0)
        #expect(replaced.standardError == "batch: 2 documents written, replaced 2, 0 failed\n")
        #expect(Self.entries(own) == ["a.txt", "b.txt"])
    }

    // MARK: 9. Small ones

    @Test func impossibleDatesAreErrors() throws {
        let folder = try ToolRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bad = try Self.write(#"{"stage": "action", "date": "2026-02-31"}"#, to: "bad.json", in: folder)
        let result = try ToolRunner.run(["generate", "--data", bad])
        #expect(result.status == 1)
        #expect(
            result.standardError == "\(bad):1:29: error: date: expected a date that exists; the month has no such day\n"
        )
        let leap = try Self.write(#"{"stage": "action", "date": "2028-02-29"}"#, to: "leap.json", in: folder)
        #expect(try ToolRunner.run(["generate", "--data", leap]).status == 0)
        let notLeap = try Self.write(
            #"{"stage": "action", "history": [{"stage": "contemplation", "date": "2100-02-29"}]}"#, to: "c.json",
            in: folder)
        let century = try ToolRunner.run(["generate", "--data", notLeap])
        #expect(
            century.standardError
                == "\(notLeap):1:68: error: history[0].date: expected a date that exists; the month has no such day\n")
    }

    @Test func checkAndListUseTheTemplatesFolderFromTheEnvironment() throws {
        let folder = try ToolRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plan = try Self.write(
            #"<template xmlns="\#(Self.templateNamespace)" name="agency-plan" title="Our plan"><p>Hello</p></template>"#,
            to: "agency-plan.xml", in: folder)
        let list = try ToolRunner.run(["list", "templates"], environment: ["SAFETYPLAN_TEMPLATES": folder.path])
        #expect(list.status == 0)
        #expect(list.standardOutput.hasPrefix("agency-plan          plan        Our plan\n"))
        let check = try ToolRunner.run(["check"], environment: ["SAFETYPLAN_TEMPLATES": folder.path])
        #expect(check.status == 0)
        #expect(check.standardOutput == "checked 1 file: no problems\n")
        try Data(#"<template xmlns="\#(Self.templateNamespace)" name="agency-plan"><p>Hi</p></template>"#.utf8)
            .write(to: URL(fileURLWithPath: plan))
        let broken = try ToolRunner.run(["check"], environment: ["SAFETYPLAN_TEMPLATES": folder.path])
        #expect(broken.status == 1)
        #expect(broken.standardError.hasPrefix("\(plan):1:1: error: "))
    }
}
