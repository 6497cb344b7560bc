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
        let writer = PDFWriter(fonts: { _ in nil })
        let samples: [(String, LaidOutDocument)] = [("without-text", PDFTestDocuments.withoutText())]
        for (name, document) in samples {
            let bytes = try writer.write(document)
            let url = Self.folder.appendingPathComponent("\(name).pdf")
            try Data(bytes).write(to: url)
            #expect(FileManager.default.fileExists(atPath: url.path))
        }
    }
}
