import AgendaBase
import AgendaSemantics
import AgendaSyntax
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// Reads the lines of an original agenda or minutes, in order, into an
/// `ImportDraft`: the header, the contents list (kept aside to cross-check the
/// items), the items with their fields, sections and decisions, and the
/// signature sheet. One pass; each line costs work on that line only.
struct Recognizer {
    enum Phase { case header, contents, items, signatures }

    /// The section the lines below belong to.
    enum Section: Equatable {
        case none
        /// A prose section (`resume:`, `sagsfremstilling:`, `afsnit: …`), named for the report.
        case prose(String)
        case recommendation
        case decision
        case attachments
    }

    /// A label whose value stands on the lines below it.
    enum Pending {
        case distributionCodes
        case distributionMark(String)
        case absent(inDecision: Bool)
    }

    let fileName: String
    let lines: [ImportLine]
    /// The case-number forms the settings name, read beside the checker's own.
    let caseNumberPatterns: [CaseNumberPattern]
    var draft = ImportDraft()
    var report: ImportReport
    var phase = Phase.header
    var section = Section.none
    var pending: Pending?
    var contents: [(title: String, page: Int, line: ImportLine)] = []
    var contentsKeys: Set<String> = []
    /// Whether the header line before this one gave the date (a place often follows it).
    var dateJustRead = false
    var sawTitle = false
    var expectCommittee = false
    var isMinutes = false
    var recommendationHasValue = false
    /// Where in the current item's body the open section's keyword line stands.
    var sectionLine = -1
    /// The Markdown level of the open section's heading (0 when not Markdown).
    var sectionHeadingLevel = 0
    var pendingClosed = false
    /// A people field of the header whose names stand one a line below it.
    var peopleBelow: Keyword?
    /// Comments written above the next item (`// Tillægsdagsorden`).
    var pendingComments: [String] = []
    var previousBlank = true
    var index = 0

    init(lines: [ImportLine], fileName: String, caseNumberPatterns: [CaseNumberPattern] = []) {
        self.lines = lines
        self.fileName = fileName
        self.caseNumberPatterns = caseNumberPatterns
        report = ImportReport(fileName: fileName)
    }

    mutating func run() {
        inferMunicipality()
        while index < lines.count {
            let line = lines[index]
            let text = LineText(line.text)
            if text.isBlank {
                blank()
                previousBlank = true
            } else {
                read(text, line)
                previousBlank = false
            }
            index += 1
        }
        finish()
    }

    private mutating func read(_ text: LineText, _ line: ImportLine) {
        if phase == .contents, LineReading.contentsEntry(line.text.replacingOccurrences(of: "**", with: "")) != nil {
            // `Pkt. 42 Budget ........ 3` is an entry of the contents list, not the item
            readContents(text, line)
            return
        }
        if let start = itemStart(text) {
            startItem(number: start.number, title: start.title, line: line)
            return
        }
        switch phase {
        case .header: readHeader(text, line)
        case .contents: readContents(text, line)
        case .items: readItemLine(text, line)
        case .signatures: readSignature(text, line)
        }
    }

    private mutating func blank() {
        guard phase == .items, !draft.items.isEmpty else { return }
        // no blank line right below a section's keyword line, nor two in a row
        // (the body is read in place: a copy held here would make each append copy it)
        let last = draft.items.count - 1
        guard draft.items[last].body.count != sectionLine + 1, draft.items[last].body.last != "" else { return }
        switch section {
        case .none, .attachments: break
        default: draft.items[draft.items.count - 1].body.append("")
        }
    }

    // MARK: - Counting

    mutating func countStructure(_ text: String) { report.wordsInStructure += LineReading.wordCount(text) }
    mutating func countProse(_ text: String) { report.wordsInProse += LineReading.wordCount(text) }

    /// Keeps text that could not be placed, and reports it with its line.
    mutating func unplaced(_ line: ImportLine, reason: String, keptIn: String) {
        report.wordsUnplaced += LineReading.wordCount(line.text)
        var excerpt = line.text.trimmingCharacters(in: .whitespaces)
        if excerpt.count > 80 { excerpt = String(excerpt.prefix(77)) + "…" }
        report.findings.append(ImportFinding(sourceLine: line.sourceLine, page: line.page, text: excerpt, reason: reason, keptIn: keptIn))
    }

    /// Where the current line is kept, for findings.
    var place: String {
        guard let item = draft.items.last, phase == .items else { return Self.headerComment }
        switch section {
        case .none: return "punkt \(item.number)"
        case .prose(let name): return "punkt \(item.number), \(name)"
        case .recommendation: return "punkt \(item.number), indstilling"
        case .decision: return "punkt \(item.number), beslutning"
        case .attachments: return "punkt \(item.number), bilag"
        }
    }

    // MARK: - The municipality

    /// The municipality is rarely in a header; the text names it (`Horsens
    /// Kommune`) often. The most frequent `Name Kommune` is taken.
    private mutating func inferMunicipality() {
        var counts: [String: Int] = [:]
        for line in lines where line.text.utf8.count < 100_000 {
            guard line.text.contains("Kommune") else { continue }
            let words = line.text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "*" || $0 == "#" })
            for position in words.indices.dropFirst() where words[position].hasPrefix("Kommune") {
                let name = words[position - 1]
                let suffix = words[position].dropFirst("Kommune".count)
                guard suffix.isEmpty || suffix.allSatisfy({ ".,;:)'".contains($0) }) else { continue }
                guard let first = name.first, first.isUppercase, name.count > 1, name.allSatisfy({ $0.isLetter || $0 == "-" }) else { continue }
                counts["\(name) Kommune", default: 0] += 1
            }
        }
        if let best = counts.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }), best.value >= 2 {
            draft.setMeetingField(.municipality, best.key)
        }
    }
}
