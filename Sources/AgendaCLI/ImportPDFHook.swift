import AgendaImport
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// The PDF side of `agendac import`: the PDF's text through `pdftotext
/// -layout`, its page furniture dropped and its wrapped lines joined
/// (`PageCleaner`), as lines with their places for the recogniser.
enum ImportPDFHook {
    struct Failed: Error, CustomStringConvertible {
        var description: String
    }

    static func lines(ofPDFAt url: URL) throws -> [ImportLine] {
        do {
            return PageCleaner.clean(try PDFTextExtraction.lines(ofPDFAt: url))
        } catch let failure as PDFTextExtraction.Failure {
            // the command names the file itself
            throw Failed(description: failure.reason)
        }
    }
}
