import AgendaBase
import Foundation
import Testing

/// Raw control characters in an agenda (an ESC sequence that would recolour or
/// clear a terminal, BEL, a carriage return, a C1 CSI) never reach text or
/// Markdown output; `check` reports the ones that are not text (AG100).
@Suite struct ControlCharacterOutputTests {
    static let text = "møde: Udvalget\u{1B}[2J\u{07}\ndato: 2026-05-04\n\npunkt 1: Titel\u{1B}]0;ejet\u{07}\nresume:\nTekst\u{1B}[31m rød\u{9B}31m og\u{0C}mere.\n"

    @Test("compile --to text, markdown and html show control characters as U+FFFD", arguments: ["text", "markdown", "html"])
    func noControlCharacters(_ format: String) throws {
        let folder = temporaryTestFolder("agendac-control")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(FileManager.default.createFile(atPath: folder.appendingPathComponent("a.agenda").path, contents: Data(Self.text.utf8)))
        let result = CheckCommandTests.run(["compile", "a.agenda", "--to", format, "--force"], in: folder)
        let unsafe = result.output.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F...0x9F).contains($0.value) }
        #expect(unsafe.isEmpty, "\(unsafe.map { String($0.value, radix: 16) })")
        #expect(result.output.contains("Titel\u{FFFD}") && result.output.contains("ejet\u{FFFD}"), "\(result.output)")
        #expect(result.output.contains("rød"))
        #expect(result.code == 1, "the same characters are errors for the build")
        #expect(result.errors.contains("AG100"))
    }

    @Test("check reports each control character that is not text")
    func checkReportsThem() throws {
        let folder = temporaryTestFolder("agendac-control")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(FileManager.default.createFile(atPath: folder.appendingPathComponent("a.agenda").path, contents: Data(Self.text.utf8)))
        let result = CheckCommandTests.run(["check", "a.agenda", "--format", "json"], in: folder)
        let lines = (try JSON.parse(result.output).arrayValue ?? []).filter { $0["code"] == .string("AG100") }.compactMap { $0["line"]?.intValue }
        #expect(Set(lines) == [1, 4, 6], "\(lines)")
    }
}
