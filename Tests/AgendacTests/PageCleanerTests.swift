import AgendaImport
import Foundation
import Testing

/// The page cleaner on `pdftotext -layout` text (`Tests/Fixtures/import-pages/NAME.layout.txt`,
/// pages ended by form feeds) against the lines it should give (`NAME.lines.txt`).
@Suite struct PageCleanerTests {
    static let folder = "import-pages"

    static func cleaned(_ layout: String) -> [ImportLine] {
        PageCleaner.clean(PDFTextExtraction.pages(ofLayoutText: layout))
    }

    @Test(arguments: Golden.inputs(folder, ext: "txt").filter { $0.lastPathComponent.hasSuffix(".layout.txt") })
    func golden(_ input: URL) {
        let lines = Self.cleaned(Golden.read(input))
        let text = lines.map(\.text).joined(separator: "\n") + "\n"
        let name = input.lastPathComponent.replacingOccurrences(of: ".layout.txt", with: ".lines.txt")
        Golden.check(text, against: input.deletingLastPathComponent().appendingPathComponent(name))
    }
}
