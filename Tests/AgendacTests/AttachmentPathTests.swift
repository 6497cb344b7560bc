import AgendaBase
import AgendaSemantics
import Foundation
import Testing

/// Attachment paths (AG507): one that leads out of the agenda's folder is an
/// error whether or not the file exists, and is never looked up.
@Suite struct AttachmentPathTests {
    final class LookedUp: @unchecked Sendable {
        private let lock = NSLock()
        private var paths: [String] = []
        func add(_ path: String) { lock.withLock { paths.append(path) } }
        var all: [String] { lock.withLock { paths } }
    }

    static let agenda = """
        møde: Udvalget
        dokument: referat
        dato: 2026-05-04

        punkt 1: Bilag
        beslutning:
        Godkendt.
        bilag:
        - Inde (fil: bilag/plan.pdf)
        - Systemfil (fil: /etc/passwd)
        - Op og ud (fil: bilag/../../../../etc/shadow)
        - Nabo (fil: ../andet/plan.pdf)
        - Skjult op (fil: bilag/../../møder/../x.pdf)

        """

    @Test("paths outside are AG507 for existing and missing files alike, and are not looked up")
    func outsideIsNeverLookedUp() {
        let lookedUp = LookedUp()
        let context = CheckContext(fileURL: URL(fileURLWithPath: "/kommune/møder/a.agenda"), fileExists: { url in
            lookedUp.add(url.path)
            return true  // as if every file existed: the finding must not depend on it
        })
        let document = AnalyzedDocument(source: SourceText(Self.agenda), context: context)
        let outside = document.diagnostics.filter { $0.code == "AG507" }
        #expect(outside.count == 4, "\(document.diagnostics.map(\.message))")
        #expect(lookedUp.all == ["/kommune/møder/bilag/plan.pdf"])
        for finding in outside {
            #expect(finding.severity == .error)
            #expect(finding.message.contains("outside the agenda's folder"))
        }
    }

    @Test("agendac check reports /etc/passwd even though it exists")
    func checkCommand() throws {
        let folder = temporaryTestFolder("agendac-attachments")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(FileManager.default.createFile(atPath: folder.appendingPathComponent("a.agenda").path, contents: Data(Self.agenda.utf8)))
        let result = CheckCommandTests.run(["check", "a.agenda", "--format", "json"], in: folder)
        let findings = try JSON.parse(result.output).arrayValue ?? []
        let lines = findings.filter { $0["code"] == .string("AG507") }.compactMap { $0["line"]?.intValue }
        #expect(lines == [10, 11, 12, 13])
        #expect(result.code == 1)
    }
}
