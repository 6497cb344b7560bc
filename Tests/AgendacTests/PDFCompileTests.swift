import AgendaPDF
import AgendaRender
import AgendaSemantics
import Foundation
import Testing

/// Every sample compiled to PDF, in the default style and in its own house
/// style (`samples/styles/`): the same bytes twice; `pdftotext` gives back
/// every word of the text output in reading order and finds each item's
/// heading on the page the contents list gives. `Tests/pdf/run.sh` compiles
/// the same files with the built `agendac` and checks them with the tools
/// written elsewhere; the archival file goes to `.build/pdf-samples/` for it
/// (PDF/A-2a is asked for through `RenderOptions`, not the command line).
@Suite struct PDFCompileTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var sample: URL
        var style: URL?
        var name: String { sample.deletingPathExtension().lastPathComponent + (style == nil ? "" : ".house") }
        var testDescription: String { name }
    }

    static var cases: [Case] {
        Golden.sampleFiles().flatMap { sample -> [Case] in
            let municipality = sample.lastPathComponent.split(separator: "-").first.map(String.init) ?? ""
            let style = Golden.samples.appendingPathComponent("styles/\(municipality).stil.json")
            return [Case(sample: sample)] + (FileManager.default.fileExists(atPath: style.path) ? [Case(sample: sample, style: style)] : [])
        }
    }

    static func options(_ testCase: Case) -> RenderOptions {
        guard let style = testCase.style else { return RenderOptions() }
        // as the command line reads it: with its logo
        return RenderOptions(style: StyleFile.read(Golden.bytes(style), folder: style.deletingLastPathComponent(), files: StyleFile.readFromDisk).style ?? .standard)
    }

    /// Letters and digits, split at everything else: what a reader (and pdftotext) gives back as words.
    static func words(_ text: String) -> [Substring] {
        text.split { !$0.isLetter && !$0.isNumber }
    }

    @Test(arguments: cases) func compilesAndReadsBack(_ testCase: Case) throws {
        let meeting = AnalyzedDocument(text: Golden.read(testCase.sample)).meeting
        let options = Self.options(testCase)
        let bytes = try PDFRenderer.render(meeting, options: options)
        #expect(try PDFRenderer.render(meeting, options: options) == bytes, "the same input gave different bytes")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("agendac-pdf-compile-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("\(testCase.name).pdf")
        try Data(bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let layout = PDFLayout.document(meeting, options: options, faces: .bundled)
        #expect(!layout.archival)

        guard let pages = Self.pdftotext(file) else { return }
        // every word of the text output, in order (the contents list aside: the PDF's carries page numbers)
        let text = AgendaRenderer.render(meeting, as: .text, options: options)
        let contents = Set(Self.textContentsLines(meeting, options: options))
        let lines = text.split(separator: "\n").filter { !contents.contains(String($0)) }
        // table rows (tab-separated in text) are read by pdftotext cell by cell where cells wrap: their words need only be there
        let textWords = Self.words(lines.filter { !$0.contains("\t") }.joined(separator: "\n"))
        let pdfWords = Self.words(pages.joined(separator: "\n"))
        let pdfVocabulary = Set(pdfWords)
        let tableWords = Self.words(lines.filter { $0.contains("\t") }.joined(separator: "\n"))
        #expect(tableWords.allSatisfy(pdfVocabulary.contains), "\(testCase.name): a table's words are missing")
        var position = pdfWords.startIndex
        var missing: [String] = []
        for word in textWords {
            guard let found = pdfWords[position...].firstIndex(of: word) else {
                missing.append(String(word))
                if missing.count > 5 { break }
                continue
            }
            position = found + 1
        }
        #expect(missing.isEmpty, "\(testCase.name): words of the text output not found in order in pdftotext's: \(missing)")
        // each item's heading on the page the contents list names
        for entry in layout.outline where entry.parent == nil {
            guard pages.indices.contains(entry.pageIndex) else {
                Issue.record("\(entry.title): page \(entry.pageIndex + 1) of \(pages.count)")
                continue
            }
            let pageWords = Self.words(pages[entry.pageIndex]).map(String.init).joined(separator: " ")
            let headingWords = Self.words(entry.title).prefix(6).map(String.init).joined(separator: " ")
            #expect(pageWords.contains(headingWords), "\(testCase.name): '\(entry.title)' is not on page \(entry.pageIndex + 1)")
        }
    }

    /// `RenderOptions.archival` asks for PDF/A-2a: its identification in the XMP packet and the
    /// sRGB output intent. The file goes to `.build/pdf-samples/` where `Tests/pdf/run.sh`
    /// runs page-validation's PDF/A-2a profile on it beside PDF/UA-1.
    @Test func archivalOptionWritesPDFA() throws {
        // a house style with a logo: PDF/A-2a with a soft mask
        let testCase = try #require(Self.cases.first { $0.style.map { Golden.read($0).contains("\"logo\"") } == true })
        #expect(Self.options(testCase).style.html.logoImage != nil)
        let meeting = AnalyzedDocument(text: Golden.read(testCase.sample)).meeting
        var options = Self.options(testCase)
        options.archival = true
        let bytes = try PDFRenderer.render(meeting, options: options)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("<pdfaid:part>2</pdfaid:part>") && text.contains("<pdfaid:conformance>A</pdfaid:conformance>"))
        #expect(text.contains("/OutputIntents"))
        options.archival = false
        let plain = String(decoding: try PDFRenderer.render(meeting, options: options), as: UTF8.self)
        #expect(!plain.contains("pdfaid:") && !plain.contains("/OutputIntents"))

        let folder = PDFSampleFileTests.folder
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("archival-\(testCase.name).pdf")
        try Data(bytes).write(to: file)
        let layout = PDFLayout.document(meeting, options: Self.options(testCase), faces: .bundled)
        var expected = PDFSampleExpectations(phrases: layout.outline.filter { $0.parent == nil }.map(\.title),
                                             roles: ["Document", "H1", "H2", "P", "TOC", "TOCI", "Link"])
        expected.archival = true
        try JSONEncoder().encode(expected).write(to: file.deletingPathExtension().appendingPathExtension("json"))
    }

    static func textContentsLines(_ meeting: Meeting, options: RenderOptions) -> [String] {
        // the plain-text contents list: the lines the markdown/text share from the printed document
        let text = AgendaRenderer.render(meeting, as: .text, options: options)
        var withoutContents = options
        withoutContents.style.contentsShown = false
        let bare = Set(AgendaRenderer.render(meeting, as: .text, options: withoutContents).split(separator: "\n").map(String.init))
        return text.split(separator: "\n").map(String.init).filter { !bare.contains($0) }
    }

    /// pdftotext's pages (split at form feeds), nil when poppler is not installed; `layout` keeps each
    /// printed line on one line (`-layout`), as a contents entry with its page number.
    static func pdftotext(_ file: URL, layout: Bool = false) -> [String]? {
        let candidates = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"]
        guard let tool = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = (layout ? ["-layout"] : []) + ["-enc", "UTF-8", file.path, "-"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).components(separatedBy: "\u{0C}")
    }
}
