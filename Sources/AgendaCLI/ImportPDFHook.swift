import AgendaImport
import Foundation

/// The PDF side of `agendac import`: a PDF's text as lines with their places.
/// This build has no PDF reader yet; the PDF reader replaces the body with
/// `try PDFTextExtraction.lines(ofPDFAt: url)`, and nothing else changes.
enum ImportPDFHook {
    struct Unavailable: Error, CustomStringConvertible {
        var description: String { "PDF import: not available in this build; import the PDF's text (pdftotext -layout FILE.pdf) as a .txt file" }
    }

    static func lines(ofPDFAt url: URL) throws -> [ImportLine] {
        throw Unavailable()
    }
}
