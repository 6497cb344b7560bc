import AgendaCLI
import Foundation
import Testing

/// README's table of commands and `agendac help` list the same commands with
/// the same arguments and options, word for word, so neither can drift.
@Suite struct ReadmeCommandsTests {
    /// The synopsis of each command in `agendac help`: the lines indented two
    /// spaces under `commands:`, up to the gap before their description.
    static func helpSynopses() -> [String] {
        let output = CapturedOutput()
        _ = CLI.run(["help"], io: output.io(in: Golden.packageRoot))
        var synopses: [String] = []
        var inCommands = false
        for line in output.standardOutput.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "commands:" { inCommands = true; continue }
            guard inCommands, line.hasPrefix("  "), !line.hasPrefix("   ") else { continue }
            let text = line.dropFirst(2)
            let synopsis = text.range(of: "  ").map { text[..<$0.lowerBound] } ?? text
            synopses.append(String(synopsis))
        }
        return synopses
    }

    /// The first cell of each row of README's command table, without `agendac ` and with `\|` read as `|`.
    static func readmeSynopses() -> [String] {
        let readme = Golden.read(Golden.packageRoot.appendingPathComponent("README.md"))
        return readme.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("| `agendac "), let end = line.dropFirst(3).range(of: "` |") else { return nil }
            return String(line[line.index(line.startIndex, offsetBy: 3 + "agendac ".count)..<end.lowerBound])
                .replacingOccurrences(of: "\\|", with: "|")
        }
    }

    @Test func helpListsCommands() {
        let commands = Self.helpSynopses().compactMap { $0.split(separator: " ").first.map(String.init) }
        for expected in ["compile", "check", "fmt", "lsp", "rules", "help", "--version"] {
            #expect(commands.contains(expected), "agendac help lacks \(expected)")
        }
    }

    @Test func readmeTableMatchesHelpExactly() {
        let help = Self.helpSynopses()
        let readme = Self.readmeSynopses()
        for synopsis in help where !readme.contains(synopsis) {
            Issue.record("README's command table lacks `agendac \(synopsis)` as agendac help prints it")
        }
        for synopsis in readme where !help.contains(synopsis) {
            Issue.record("README's command table has `agendac \(synopsis)`, which agendac help does not print")
        }
    }

    /// Every option and value help names (`--format`, `sarif`, `--check` …) is in README's table.
    @Test func everyOptionOfHelpIsInReadme() {
        let readme = Self.readmeSynopses().joined(separator: " ")
        let words = Self.helpSynopses().joined(separator: " ")
            .split(whereSeparator: { " []|".contains($0) }).map(String.init)
        for word in Set(words) {
            #expect(readme.split(whereSeparator: { " []|".contains($0) }).contains(Substring(word)), "README lacks \(word)")
        }
        #expect(words.contains("sarif") && words.contains("FILES-OR-FOLDERS…"))
    }
}
