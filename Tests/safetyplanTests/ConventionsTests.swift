import Foundation
import Testing

/// The tool meets its ecosystem's conventions: `--version`, and shell completions made from
/// the same definitions as `--help`, naming every subcommand.
@Suite struct ConventionsTests {
    static let subcommands = ["generate", "batch", "fill", "handout", "check", "lint", "list", "serve"]

    @Test func versionIsPrinted() throws {
        let result = try ToolRunner.run(["--version"])
        #expect(result.status == 0)
        #expect(result.standardOutput == "0.5.0\n")
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func completionsNameEverySubcommand(shell: String) throws {
        let result = try ToolRunner.run(["--generate-completion-script", shell])
        #expect(result.status == 0)
        for name in Self.subcommands {
            #expect(result.standardOutput.contains(name), "\(shell): \(name)")
        }
        #expect(result.standardOutput.contains("audience"))  // fish writes options as `-l audience`
    }

    /// The manual and the completions name batch's outputs as its help does: `-o, --output
    /// FILE` (one file, as for every command) and `--output-dir DIR`; `--output-file` is gone.
    @Test func batchOutputsInTheManualAndCompletions() throws {
        let dump = try ToolRunner.run(["--experimental-dump-help"])
        let json = try JSONSerialization.jsonObject(with: Data(dump.standardOutput.utf8)) as? [String: Any]
        let subcommands = (json?["command"] as? [String: Any])?["subcommands"] as? [[String: Any]] ?? []
        let batch = subcommands.first { $0["commandName"] as? String == "batch" }
        let options = (batch?["arguments"] as? [[String: Any]] ?? []).map { argument in
            ((argument["names"] as? [[String: Any]]) ?? []).compactMap { $0["name"] as? String }.sorted()
        }
        #expect(options.contains(["o", "output"]))
        #expect(options.contains(["output-dir"]))
        #expect(!options.contains { $0.contains("output-file") })
        for shell in ["bash", "zsh", "fish"] {
            let script = try ToolRunner.run(["--generate-completion-script", shell]).standardOutput
            #expect(script.contains("output-dir"), "\(shell)")
            #expect(!script.contains("output-file"), "\(shell)")
        }
    }

    /// What ArgumentParser's `generate-manual` plugin reads to write the man page.
    @Test func theManualsSourceNamesEverySubcommand() throws {
        let result = try ToolRunner.run(["--experimental-dump-help"])
        #expect(result.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        let command = json?["command"] as? [String: Any]
        let names = (command?["subcommands"] as? [[String: Any]])?.compactMap { $0["commandName"] as? String }
        #expect(Set(names ?? []).isSuperset(of: Self.subcommands))
    }
}
