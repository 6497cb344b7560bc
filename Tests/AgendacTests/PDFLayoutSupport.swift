import AgendaPDF
import AgendaRender
import AgendaSemantics
import Foundation

/// Metrics for testing the typesetter without a real font: narrow, wide and
/// ordinary letters, bold a little wider. Deterministic, and close enough to a
/// text face's proportions that pages break where a reader would expect.
struct SimpleMetrics: FontMetrics {
    var boldness = 1.0

    func advance(of scalar: Unicode.Scalar) -> Double {
        let base: Double
        switch scalar {
        case " ": base = 0.25
        case "i", "l", "j", "I", ".", ",", ":", ";", "'", "|", "!", "(", ")", "t", "f": base = 0.28
        case "m", "w", "M", "W", "Æ", "æ", "Ø", "Œ": base = 0.8
        case "A"..."Z", "Å": base = 0.65
        case "0"..."9": base = 0.5
        default: base = 0.5
        }
        return base * boldness
    }

    var ascent: Double { 0.75 }
    var descent: Double { 0.25 }

    static let faces = Typefaces(regular: SimpleMetrics(), bold: SimpleMetrics(boldness: 1.06), italic: SimpleMetrics(),
                                 boldItalic: SimpleMetrics(boldness: 1.06))
}

/// A compact, reviewable dump of a laid-out document: each page's text runs
/// (position rounded to whole points, face, size, owner), rules and links,
/// then the outline and the structure tree indented by depth.
enum LayoutDump {
    static func text(_ document: LaidOutDocument) -> String {
        var out = "size \(rounded(document.pageWidth)) x \(rounded(document.pageHeight))\n"
        let meta = document.metadata
        out += "title \(meta.title)\nauthor \(meta.author)\nsubject \(meta.subject)\nlanguage \(meta.language)\n"
        let date = meta.creationDate
        out += "created \(date.year)-\(date.month)-\(date.day) \(date.hour):\(date.minute) +\(date.utcOffsetMinutes)\n"
        for (index, page) in document.pages.enumerated() {
            out += "\npage \(index + 1)\n"
            for run in page.texts {
                out += "  \(rounded(run.x)) \(rounded(run.y)) \(face(run.face))\(rounded(run.size)) \(owner(run.owner, document)) \(run.text)\n"
            }
            for link in page.links {
                let target: String
                switch link.target {
                case .uri(let uri): target = uri
                case .page(let page, let top): target = "page \(page + 1) at \(rounded(top))"
                }
                out += "  link \(rounded(link.rect.x)) \(rounded(link.rect.y)) \(rounded(link.rect.width))x\(rounded(link.rect.height)) #\(link.element) → \(target)\n"
            }
            out += "  \(page.rules.count) rules\n"
        }
        out += "\noutline\n"
        var outlineDepth: [Int] = []
        for entry in document.outline {
            let depth = entry.parent.map { outlineDepth.indices.contains($0) ? outlineDepth[$0] + 1 : 0 } ?? 0
            outlineDepth.append(depth)
            out += String(repeating: "  ", count: depth + 1) + "\(entry.title) → page \(entry.pageIndex + 1) at \(rounded(entry.top))\n"
        }
        out += "\nstructure\n"
        var depths: [Int] = []
        for (index, element) in document.structure.enumerated() {
            let depth = element.parent.map { depths.indices.contains($0) ? depths[$0] + 1 : 0 } ?? 0
            depths.append(depth)
            var line = String(repeating: "  ", count: depth + 1) + "\(index) \(element.role.rawValue)"
            if let scope = element.scope { line += " scope=\(scope.rawValue)" }
            if let title = element.title { line += " \"\(title)\"" }
            out += line + "\n"
        }
        return out
    }

    static func rounded(_ value: Double) -> String { String(Int(value.rounded())) }

    static func face(_ face: FontFace) -> String {
        switch face {
        case .regular: "R"
        case .bold: "B"
        case .italic: "I"
        case .boldItalic: "BI"
        }
    }

    static func owner(_ owner: ContentOwner, _ document: LaidOutDocument) -> String {
        switch owner {
        case .element(let id): document.structure.indices.contains(id) ? "\(document.structure[id].role.rawValue)#\(id)" : "?#\(id)"
        case .artifact(let kind): "[\(kind.rawValue)]"
        }
    }
}
