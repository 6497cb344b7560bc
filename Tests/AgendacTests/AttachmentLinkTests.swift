import AgendaCLI
import AgendaRender
import Foundation
import Testing

/// Attachment files are written relative to the agenda; the page links them
/// relative to where it is written, so `compile -o` anywhere still links the
/// right file, and the public version never links a non-public one.
@Suite struct AttachmentLinkTests {
    @Test(arguments: [
        ("/m/referat.agenda", "/m/referat.html", ""),
        ("/m/referat.agenda", "/m/site/referat.html", "../"),
        ("/m/møder/2026/referat.agenda", "/m/site/referat.html", "../møder/2026/"),
        ("/m/referat.agenda", "/referat.html", "m/"),
        ("/m/a/../referat.agenda", "/m/./referat.html", ""),
    ])
    func baseIsThePathFromThePageToTheAgenda(_ agenda: String, _ output: String, _ base: String) {
        let links = AttachmentLinks(agenda: URL(fileURLWithPath: agenda), output: URL(fileURLWithPath: output))
        #expect(links.base == base)
    }

    @Test func targetsArePercentEncodedAndNeverAbsolute() {
        let links = AttachmentLinks(base: "../møder")
        #expect(links.target(for: "bilag/plan.pdf") == "../m%C3%B8der/bilag/plan.pdf")
        #expect(links.target(for: "./bilag/a b#1?.pdf") == "../m%C3%B8der/bilag/a%20b%231%3F.pdf")
        #expect(links.target(for: "/home/sekretær/kort.pdf") == nil)
        #expect(links.target(for: "  ") == nil)
    }

    static let agenda = """
        møde: Børne- og Ungeudvalget
        dokument: referat
        dato: 2026-04-14

        punkt 1: Skolestruktur
        beslutning:
        Taget til efterretning.
        bilag:
        - Plan for skolestrukturen (fil: bilag/plan.pdf)
        - Personsag (fil: bilag/person.pdf, ikke offentlig)

        """

    /// Compiles `møder/referat.agenda` (with its `bilag/`) to `output`, run from the folder above.
    static func compile(to output: String, _ format: String, extra: [String] = []) throws -> (folder: URL, page: String) {
        let folder = temporaryTestFolder("agendac-links")
        let meetings = folder.appendingPathComponent("møder")
        try FileManager.default.createDirectory(at: meetings.appendingPathComponent("bilag"), withIntermediateDirectories: true)
        try agenda.write(to: meetings.appendingPathComponent("referat.agenda"), atomically: true, encoding: .utf8)
        for file in ["plan.pdf", "person.pdf"] {
            try "%PDF-1.4\n".write(to: meetings.appendingPathComponent("bilag/\(file)"), atomically: true, encoding: .utf8)
        }
        // compile writes into an existing folder, as compilers do
        try FileManager.default.createDirectory(at: folder.appendingPathComponent(output).deletingLastPathComponent(), withIntermediateDirectories: true)
        let captured = CapturedOutput()
        let code = CLI.run(["compile", "møder/referat.agenda", "--to", format, "-o", output] + extra, io: captured.io(in: folder))
        #expect(code == 0, "\(captured.standardError)")
        let page = (try? String(contentsOf: folder.appendingPathComponent(output), encoding: .utf8)) ?? ""
        return (folder, page)
    }

    @Test(arguments: [("site/2026/referat.html", "html"), ("referat.md", "markdown"), ("møder/referat.html", "html")])
    func compiledPageLinksTheFileWhereverItIsWritten(_ output: String, _ format: String) throws {
        let (folder, page) = try Self.compile(to: output, format)
        defer { try? FileManager.default.removeItem(at: folder) }
        let pattern = format == "html" ? #"href="([^"]*plan\.pdf)""# : #"\]\(([^)]*plan\.pdf)\)"#
        let match = try #require(page.firstMatch(of: try Regex(pattern)), "no link to plan.pdf in \(page)")
        let href = try #require(match.output[1].substring.map(String.init)?.removingPercentEncoding)
        let pageFolder = folder.appendingPathComponent(output).deletingLastPathComponent()
        let linked = pageFolder.appendingPathComponent(href).standardizedFileURL
        #expect(linked.path == folder.appendingPathComponent("møder/bilag/plan.pdf").standardizedFileURL.path, "\(href)")
        #expect(FileManager.default.fileExists(atPath: linked.path))
    }

    @Test(arguments: ["html", "markdown"]) func publicPageNeitherLinksNorListsANonPublicAttachment(_ format: String) throws {
        let (folder, page) = try Self.compile(to: "site/referat.\(format == "html" ? "html" : "md")", format, extra: ["--public"])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(page.contains("Plan for skolestrukturen"))
        #expect(!page.contains("person.pdf"))
        #expect(!page.contains("Personsag"))
    }
}
