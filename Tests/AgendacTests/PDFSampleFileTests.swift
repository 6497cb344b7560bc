import AgendaPDF
import Foundation
import Testing

/// Writes the hand-built documents to `.build/pdf-samples/` for the Python
/// suite (`Tests/pdf/`), which runs qpdf, poppler and two PDF/UA validators on them.
@Suite struct PDFSampleFileTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(".build/pdf-samples")

    @Test func writeSampleFiles() throws {
        try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
        let minutes = PDFSampleExpectations(phrases: PDFTestDocuments.minutesReadingOrder, roles: PDFTestDocuments.minutesRoles)
        let samples: [(name: String, document: LaidOutDocument, expected: PDFSampleExpectations)] = [
            ("without-text", PDFTestDocuments.withoutText(), PDFSampleExpectations(text: false, roles: ["Document", "Figure"])),
            ("figure-archival", { var d = PDFTestDocuments.withoutText(); d.archival = true; return d }(),
             PDFSampleExpectations(text: false, roles: ["Document", "Figure"])),
            ("logo-artifact-archival", try PDFTestDocuments.pngLogo(artifact: true), PDFSampleExpectations(text: false, roles: ["Document"])),
            ("logo-figure", try PDFTestDocuments.pngLogo(artifact: false), PDFSampleExpectations(text: false, roles: ["Document", "Figure"])),
            ("minutes", PDFTestDocuments.minutes(), minutes),
            ("minutes-archival", PDFTestDocuments.minutes(archival: true), minutes),
        ]
        for sample in samples {
            let url = Self.folder.appendingPathComponent("\(sample.name).pdf")
            try Data(try PDFWriter.write(sample.document)).write(to: url)
            var expected = sample.expected
            expected.archival = sample.document.archival
            try JSONEncoder().encode(expected).write(to: url.deletingPathExtension().appendingPathExtension("json"))
            #expect(FileManager.default.fileExists(atPath: url.path))
        }
    }
}

/// What `Tests/pdf/test_pdf_files.py` checks a sample file against.
struct PDFSampleExpectations: Encodable {
    var archival = false
    var text = true
    /// Text pdftotext must give back, in this order.
    var phrases: [String] = []
    /// Structure types `pdfinfo -struct` must show.
    var roles: [String] = ["Document"]
}
