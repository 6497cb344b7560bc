import AgendaBase
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// Where attachment files are, seen from the rendered page. An attachment's
/// file is written relative to the agenda file (`fil: bilag/plan.pdf`); the
/// page may be written elsewhere (`compile -o site/referat.html`), so a link
/// goes through `base`, the path from the page's folder to the agenda's folder.
public struct AttachmentLinks: Sendable, Hashable {
    /// Empty when the page sits beside the agenda, else ending in `/` (`../møder/`).
    public var base: String

    public init(base: String = "") {
        self.base = base.isEmpty || base.hasSuffix("/") ? base : base + "/"
    }

    /// The links for a page written to `output` from the agenda at `agenda` (both file URLs).
    public init(agenda: URL, output: URL) {
        let from = output.standardizedFileURL.deletingLastPathComponent().pathComponents
        let to = agenda.standardizedFileURL.deletingLastPathComponent().pathComponents
        var common = 0
        while common < from.count, common < to.count, from[common] == to[common] { common += 1 }
        let up = Array(repeating: "..", count: from.count - common)
        let path = (up + to[common...]).joined(separator: "/")
        self.init(base: path)
    }

    /// The link to an attachment file, percent-encoded for an `href`; nil for
    /// an absolute path (a published page cannot reach the author's disk) or an empty one.
    public func target(for file: String) -> String? {
        let path = file.trimmingCharacters(in: .whitespaces)
        guard !path.isEmpty, !path.hasPrefix("/"), !path.hasPrefix("\\") else { return nil }
        let relative = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
        return PercentEncoding.path(base + relative, alsoEncoding: ";:")
    }
}
