import AgendaBase
import AgendaPDF
import AgendaRender
import AgendaSemantics
import AgendaSyntax
import Foundation
import Testing

/// A closed item shows in public only its public title and public decision.
/// This test writes closed items holding every keyword of the keyword table,
/// in every spelling, each carrying a unique marker in every place the
/// language lets text stand (values, bodies, lists, tables, sub-headings,
/// decision fields, attachments public and not, history, comments, stray
/// text), and proves that no marker appears in any `--public` output while
/// the public title and decision do. Keywords added to the table are planted
/// automatically; a new keyword *role* stops the build until it is planted too.
@Suite struct ClosedItemLeakTests {
    static let publicTitle = "Offentligtitelord"
    static let publicDecision = ["Offentligbeslutningsord", "Offentliganden"]

    /// Unique markers: `Hemmelig0007x` is never part of another.
    struct Planter {
        private(set) var markers: [String] = []
        /// Markers that no output shows even in the full version (comments).
        private(set) var neverPrinted: Set<String> = []

        mutating func next() -> String {
            let marker = "Hemmelig" + String(format: "%04d", markers.count + 1) + "x"
            markers.append(marker)
            return marker
        }

        mutating func comment() -> String {
            let marker = next()
            neverPrinted.insert(marker)
            return "// \(marker)"
        }
    }

    /// Which spelling of a keyword the `column`th closed item uses.
    static func spelling(_ keyword: Keyword, _ column: Int) -> String {
        keyword.spellings[column % keyword.spellings.count]
    }

    /// The keyword line itself: `udfald 1:` for numbered keywords.
    static func head(_ keyword: Keyword, _ column: Int) -> String {
        keyword.takesNumber ? "\(spelling(keyword, column)) 1:" : "\(spelling(keyword, column)):"
    }

    /// Prose, a list with a nested entry, a table and a sub-heading, all marked.
    static func proseBody(_ planter: inout Planter, column: Int) -> [String] {
        [
            planter.next(), planter.comment(), planter.next(), "",
            "- \(planter.next())", "  \(planter.next())", "  1. \(planter.next())", "",
            "| \(planter.next()) | \(planter.next()) |", "|---|---:|", "| \(planter.next()) | 1.250,5 |", "",
            "\(head(.heading, column)) \(planter.next())", planter.next(), "",
        ]
    }

    /// `fraværende: A (V), B` with one more below, as people fields take them.
    static func peopleLines(_ keyword: Keyword, _ planter: inout Planter, column: Int) -> [String] {
        if keyword == .substitutes {
            return ["\(head(keyword, column)) \(planter.next()) (A) for \(planter.next())", "- \(planter.next()) for \(planter.next())"]
        }
        return ["\(head(keyword, column)) \(planter.next()) (V), \(planter.next()), formand", "- \(planter.next()) (A)"]
    }

    static func decisionBody(_ planter: inout Planter, column: Int) -> [String] {
        var lines = proseBody(&planter, column: column)
        for keyword in Keyword.allCases where keyword.isAllowed(in: .decision) && keyword.role != .heading && keyword.role != .itemStart
            && keyword.role != .signatures {
            if keyword.takesPeople {
                lines += peopleLines(keyword, &planter, column: column)
            } else if keyword == .substitute {
                lines.append("\(head(keyword, column)) \(planter.next()) for \(planter.next())")
            } else {
                lines += ["\(head(keyword, column)) \(planter.next())", planter.next(), "- \(planter.next())"]
            }
            lines.append("")
        }
        return lines
    }

    /// Every keyword that may stand in an item, planted in one closed item.
    static func closedItem(column: Int, planter: inout Planter, publicFields: Bool, confidential: Bool) -> [String] {
        var lines = ["\(head(.item, column)) \(planter.next()) \(planter.next())", spelling(.closed, column)]
        if confidential { lines.append(spelling(.confidentialDecision, column)) }
        if publicFields { lines.append("\(head(.publicTitle, column)) \(publicTitle)") }
        lines += [planter.comment(), ""]
        for keyword in Keyword.allCases {
            switch keyword.role {
            case .itemStart, .signatures:
                continue  // they end the item; the item line is planted above
            case .flag:
                if keyword != .closed && keyword != .confidentialDecision { lines.append(spelling(keyword, column)) }
            case .field:
                if keyword == .publicTitle { continue }
                if keyword.takesPeople {
                    lines += peopleLines(keyword, &planter, column: column)
                } else {
                    // a value, and stray text below it, which the item keeps
                    lines += ["\(head(keyword, column)) \(planter.next())", planter.next()]
                }
            case .section:
                switch keyword {
                case .publicDecision:
                    continue  // last, below: sub-headings after it are part of the public decision
                case .decision:
                    lines += ["\(head(keyword, column)) \(planter.next()), 2026-05-04"] + decisionBody(&planter, column: column)
                case .recommendation:
                    lines += ["\(head(keyword, column)) \(planter.next()) indstiller, at", "1. \(planter.next())", "2. \(planter.next())",
                              "at \(planter.next())", planter.next()]
                case .attachments:
                    lines += ["\(head(keyword, column))", "- \(planter.next()) (fil: bilag/\(planter.next()).pdf)",
                              "- \(planter.next()) (fil: bilag/\(planter.next()).pdf, ikke offentlig)",
                              "- \(planter.next()) (ikke offentlig)", planter.next()]
                case .history:
                    lines += ["\(head(keyword, column))", "- \(planter.next()), 2025-09-30, punkt 4: \(planter.next())", "- \(planter.next())"]
                default:
                    lines += ["\(head(keyword, column)) \(planter.next())"] + proseBody(&planter, column: column)
                }
            case .heading, .decisionField:
                // out of place in an item: reported, and whatever is kept must stay closed
                lines += ["\(head(keyword, column)) \(planter.next())", planter.next()]
            }
            lines.append("")
        }
        if publicFields { lines += ["\(head(.publicDecision, column)) \(publicDecision[0])", publicDecision[1], ""] }
        return lines
    }

    /// Minutes with an open item, closed items in every spelling column (with
    /// public fields), one whose decision is confidential, one without public fields.
    static func document(_ planter: inout Planter) -> String {
        var lines = ["møde: Økonomiudvalget", "dokument: referat", "dato: 2026-05-04", "", "punkt 1: Åbent punkt", "resume:", "Offentlig tekst.", ""]
        let columns = Keyword.allCases.map(\.spellings.count).max() ?? 1
        for column in 0..<columns {
            lines += closedItem(column: column, planter: &planter, publicFields: true, confidential: false)
        }
        for column in Keyword.confidentialDecision.spellings.indices {
            lines += closedItem(column: column, planter: &planter, publicFields: true, confidential: true)
        }
        lines += closedItem(column: 1, planter: &planter, publicFields: false, confidential: false)
        lines += ["punkt: Eventuelt", "uden beslutning", "", "underskrifter: digital", "- Anna Hansen"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The markers an output shows, found in one pass (a `contains` per marker would be slow on a large document).
    /// Wherever "Hemmelig" stands, glued to other text or not.
    static func markersShown(in output: String) -> Set<String> {
        Set(output.components(separatedBy: "Hemmelig").dropFirst().map { "Hemmelig" + $0.prefix(5) })
    }

    static let planted: (text: String, planter: Planter) = {
        var planter = Planter()
        let text = document(&planter)
        return (text, planter)
    }()

    @Test(arguments: OutputFormat.allCases)
    func publicOutputShowsNoMarker(_ format: OutputFormat) {
        let meeting = AnalyzedDocument(text: Self.planted.text).meeting
        let shown = AgendaRenderer.render(meeting, as: format, options: RenderOptions(publicVersion: true))
        let shownMarkers = Self.markersShown(in: shown)
        let leaked = Self.planted.planter.markers.filter { shownMarkers.contains($0) }
        #expect(leaked.isEmpty, "--public \(format) shows \(leaked.count) closed marker(s), first \(leaked.prefix(5))")
        for word in [Self.publicTitle] + Self.publicDecision + ["Lukket punkt", "Offentlig tekst"] {
            #expect(shown.contains(word), "--public \(format) lacks \(word)")
        }
    }

    /// The PDF's laid-out pages (every run, link, outline entry, structure title and the metadata) show no marker in `--public`.
    @Test func publicPDFLayoutShowsNoMarker() {
        let meeting = AnalyzedDocument(text: Self.planted.text).meeting
        let shown = PDFLayoutTests.everyText(PDFLayout.document(meeting, options: RenderOptions(publicVersion: true), faces: SimpleMetrics.faces))
        let shownMarkers = Self.markersShown(in: shown)
        let leaked = Self.planted.planter.markers.filter { shownMarkers.contains($0) }
        #expect(leaked.isEmpty, "--public PDF shows \(leaked.count) closed marker(s), first \(leaked.prefix(5))")
        for word in [Self.publicTitle] + Self.publicDecision + ["Lukket punkt", "Offentlig tekst"] {
            #expect(shown.contains(word), "--public PDF lacks \(word)")
        }
        let full = Self.markersShown(in: PDFLayoutTests.everyText(PDFLayout.document(meeting, faces: SimpleMetrics.faces)))
        #expect(full.count > 500, "the full PDF shows only \(full.count) markers; the test would prove little")
    }

    /// The `--public` PDF file: no marker in its bytes nor in what pdftotext reads from it (when poppler is installed).
    @Test func publicPDFFileShowsNoMarker() throws {
        let meeting = AnalyzedDocument(text: Self.planted.text).meeting
        let bytes = try PDFRenderer.render(meeting, options: RenderOptions(publicVersion: true))
        let raw = Self.markersShown(in: String(decoding: bytes, as: UTF8.self))
        #expect(raw.isEmpty, "the --public PDF's bytes hold \(raw.count) marker(s)")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("agendac-leak-\(getpid()).pdf")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(bytes).write(to: file)
        guard let pages = PDFCompileTests.pdftotext(file) else { return }
        let text = pages.joined(separator: "\n")
        let shown = Self.markersShown(in: text)
        #expect(Self.planted.planter.markers.filter { shown.contains($0) }.isEmpty, "pdftotext of the --public PDF shows closed markers")
        #expect(text.contains(Self.publicTitle))
    }

    /// The planting is real: the full version shows every marker (but the comments') in some format.
    @Test func fullOutputShowsEveryMarker() {
        let meeting = AnalyzedDocument(text: Self.planted.text).meeting
        let full = Self.markersShown(in: OutputFormat.allCases.map { AgendaRenderer.render(meeting, as: $0) }.joined(separator: "\n"))
        let planter = Self.planted.planter
        let missing = planter.markers.filter { !planter.neverPrinted.contains($0) && !full.contains($0) }
        #expect(missing.isEmpty, "the full version lacks \(missing.count) planted marker(s): \(missing.prefix(10)); the test would prove nothing for them")
        #expect(planter.markers.count > 500, "only \(planter.markers.count) markers were planted")
    }

    /// Every keyword of the table stands in the planted document, in every spelling.
    @Test func everyKeywordSpellingIsPlanted() {
        let text = Self.planted.text.lowercased()
        // the signature sheet stands after the last item, so it cannot be part of one
        for keyword in Keyword.allCases where keyword.role != .signatures {
            for spelling in keyword.spellings {
                #expect(text.contains("\n" + spelling.lowercased()), "`\(spelling)` (\(keyword)) is not planted")
            }
        }
    }
}

/// How a closed item is marked is the model's (`Meeting.closedItemMarking`, a
/// house-style choice); the words are `PrintedPhrases`'. Both markings, in
/// the full and the public version.
@Suite struct ClosedItemMarkingTests {
    static let text = """
        møde: Økonomiudvalget
        dokument: referat
        dato: 2026-05-04

        punkt 1: Køb af Vestergade 12
        lukket
        offentlig titel: Køb af ejendom
        beslutning:
        Købt.
        offentlig beslutning: Udvalget godkendte købet.

        punkt 2: Personalesag
        lukket
        fortrolig beslutning
        beslutning:
        Afsked.
        """

    static func render(_ marking: ClosedItemMarking, _ format: OutputFormat, publicVersion: Bool) -> String {
        var meeting = AnalyzedDocument(text: text).meeting
        meeting.closedItemMarking = marking
        return AgendaRenderer.render(meeting, as: format, options: RenderOptions(publicVersion: publicVersion))
    }

    @Test func noteBesideTheTitle() {
        let full = Self.render(.note, .text, publicVersion: false)
        #expect(full.contains("1. Køb af Vestergade 12\n\nLukket punkt\n"))
        #expect(full.contains("Offentlig titel: Køb af ejendom"))
        #expect(full.contains("Offentlig beslutning\n\nUdvalget godkendte købet."))
        let shown = Self.render(.note, .text, publicVersion: true)
        #expect(shown.contains("1. Køb af ejendom\n2. Lukket punkt\n"))
        #expect(shown.contains("1. Køb af ejendom\n\nLukket punkt\n\nBeslutning\n\nUdvalget godkendte købet.\n"))
        // the neutral title says it already: no second "Lukket punkt"
        #expect(shown.contains("2. Lukket punkt\n\nFortrolig beslutning"))
    }

    @Test func prefixBeforeTheTitle() {
        let full = Self.render(.titlePrefix, .text, publicVersion: false)
        #expect(full.contains("1. Lukket: Køb af Vestergade 12\n2. Lukket: Personalesag\n"), "the contents list")
        #expect(full.contains("1. Lukket: Køb af Vestergade 12\n\nOffentlig titel: Køb af ejendom"))
        let shown = Self.render(.titlePrefix, .text, publicVersion: true)
        #expect(shown.contains("1. Lukket: Køb af ejendom\n2. Lukket punkt\n"))
        #expect(shown.contains("1. Lukket: Køb af ejendom\n\nBeslutning\n"))
        #expect(shown.contains("2. Lukket punkt\n"))
        #expect(!shown.contains("Lukket: Lukket punkt"))
        let html = Self.render(.titlePrefix, .html, publicVersion: true)
        #expect(html.contains("<h2>1. Lukket: Køb af ejendom</h2>"))
        #expect(!html.contains("<p class=\"closed-marker\">") && !html.contains("<span class=\"closed-marker\">"))
        let markdown = Self.render(.titlePrefix, .markdown, publicVersion: true)
        #expect(markdown.contains("- [1. Lukket: Køb af ejendom](#punkt-1)\n"))
    }

    /// JSON carries data, not the marking: the public version names the item by its public title.
    @Test func jsonNamesThePublicTitle() {
        let shown = Self.render(.titlePrefix, .json, publicVersion: true)
        #expect(shown.contains("\"name\": \"Køb af ejendom\""))
        #expect(shown.contains("\"resolutionText\": \"Udvalget godkendte købet.\""))
        #expect(shown.contains("\"decisionConfidential\": true"))
        #expect(!shown.contains("Vestergade") && !shown.contains("Afsked") && !shown.contains("Personalesag"))
    }
}
