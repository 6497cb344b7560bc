import AgendaBase
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// The text of a PDF, page by page, as `pdftotext -layout` (Debian's
/// poppler-utils) prints it: each printed line at its place, columns kept by
/// spaces, pages ended by form feeds. agendac writes PDFs itself but does not
/// read them; importing one is the only place it runs another program.
public enum PDFTextExtraction {
    /// Why a PDF gave no text, worded for the person running `agendac import`.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// `pdftotext` is not on the `PATH`.
        case toolMissing
        case unreadable(path: String, reason: String)
        /// The file does not start as a PDF does (`%PDF-`).
        case notPDF(path: String)
        /// The PDF needs a password to be read.
        case encrypted(path: String)
        /// A PDF without a text layer: a scan, or pages of images.
        case noText(path: String)
        /// `pdftotext` stopped with this status and message.
        case toolFailed(path: String, status: Int32, message: String)

        /// What is wrong and how to go on, without the file's name.
        public var reason: String {
            switch self {
            case .toolMissing:
                "reading a PDF needs pdftotext from poppler-utils, which is not installed: install poppler-utils (apt-get install poppler-utils), or import the text of the PDF instead"
            case .unreadable(_, let reason):
                "cannot be read: \(reason)"
            case .notPDF:
                "is not a PDF file (it does not start with %PDF-); import a text file as .txt or .md"
            case .encrypted:
                "the PDF is encrypted and needs a password; save an unprotected copy (for example with qpdf --decrypt) and import that"
            case .noText:
                "the PDF has no text to read (a scanned document?); run OCR on it first (for example ocrmypdf) and import the result"
            case .toolFailed(_, let status, let message):
                "pdftotext could not read the PDF (exit \(status)): \(message.isEmpty ? "no message" : message)"
            }
        }

        public var description: String {
            switch self {
            case .toolMissing: reason
            case .unreadable(let path, _), .notPDF(let path), .encrypted(let path), .noText(let path), .toolFailed(let path, _, _):
                "\(path): \(reason)"
            }
        }
    }

    /// The PDF's lines, each with its line in `pdftotext -layout`'s output and
    /// its page; blank lines and page furniture included (`PageCleaner` takes
    /// those out).
    public static func lines(ofPDFAt url: URL) throws -> [ImportLine] {
        try lines(ofPDFAt: url, tool: findTool())
    }

    /// As `lines(ofPDFAt:)` with the `pdftotext` to run (nil: not installed).
    public static func lines(ofPDFAt url: URL, tool: URL?) throws -> [ImportLine] {
        let path = url.path
        guard let file = ReadOnlyFile(path: path) else {
            throw Failure.unreadable(path: path, reason: FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file")
        }
        let start = file.read(at: 0, count: 1024)
        guard let start, startsAsPDF(start) else { throw Failure.notPDF(path: path) }
        guard let tool else { throw Failure.toolMissing }
        let output = try run(tool, arguments: ["-layout", "-enc", "UTF-8", "-eol", "unix", path, "-"], path: path)
        let lines = pages(ofLayoutText: output)
        guard lines.contains(where: { !$0.text.trimmedSpaces.isEmpty }) else { throw Failure.noText(path: path) }
        return lines
    }

    /// `pdftotext -layout` text split into lines, a form feed starting the next page.
    public static func pages(ofLayoutText text: String) -> [ImportLine] {
        var lines: [ImportLine] = []
        var page = 1, sourceLine = 1
        var current = ""
        func endLine() {
            lines.append(ImportLine(text: current, sourceLine: sourceLine, page: page))
            current = ""
        }
        for character in text {
            switch character {
            case "\n", "\r\n", "\r":
                endLine()
                sourceLine += 1
            case "\u{0C}":
                if !current.isEmpty { endLine() }
                page += 1
            default:
                current.append(character)
            }
        }
        if !current.isEmpty { endLine() }
        return lines
    }

    /// `%PDF-` within the first kilobyte, as readers accept it (some files have bytes before it).
    static func startsAsPDF(_ bytes: [UInt8]) -> Bool {
        let marker: [UInt8] = Array("%PDF-".utf8)
        guard bytes.count >= marker.count else { return false }
        for offset in 0...(bytes.count - marker.count) where bytes[offset..<offset + marker.count].elementsEqual(marker) {
            return true
        }
        return false
    }

    /// `pdftotext` on the `PATH`, or nil.
    public static func findTool(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("pdftotext")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    private static func run(_ tool: URL, arguments: [String], path: String) throws -> String {
        let finished: ChildProcess.Finished
        do {
            finished = try ChildProcess.run(tool.path, arguments: arguments)
        } catch {
            throw Failure.toolFailed(path: path, status: -1, message: "could not start \(tool.path): \(error.reason)")
        }
        let message = String(decoding: finished.errors, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if finished.status != 0 || !finished.exited {
            let lowered = message.lowercased()
            if lowered.contains("password") || lowered.contains("encrypt") { throw Failure.encrypted(path: path) }
            if lowered.contains("may not be a pdf") || lowered.contains("couldn't find trailer") && finished.output.isEmpty {
                throw Failure.notPDF(path: path)
            }
            throw Failure.toolFailed(path: path, status: finished.status, message: String(message.prefix(500)))
        }
        return String(decoding: finished.output, as: UTF8.self)
    }
}
