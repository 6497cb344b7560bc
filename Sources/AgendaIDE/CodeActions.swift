import AgendaBase
import AgendaSemantics
import AgendaSyntax

/// A quick fix (edits to the document that resolve a diagnostic), or a
/// suggestion that resolves none (a KLE subject proposed from an item's text).
public struct CodeAction: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// Resolves `diagnostic`.
        case quickFix
        /// Proposes a change no finding asked for.
        case suggestion
    }

    public var fix: Fix
    /// The finding the action fixes; nil for a suggestion.
    public var diagnostic: Diagnostic?
    /// The obvious fix, which an editor may apply on its own ("fix all").
    public var isPreferred: Bool

    public var kind: Kind { diagnostic == nil ? .suggestion : .quickFix }

    public init(fix: Fix, diagnostic: Diagnostic?, isPreferred: Bool = false) {
        self.fix = fix
        self.diagnostic = diagnostic
        self.isPreferred = isPreferred
    }

    public init(title: String, edits: [TextEdit], diagnostic: Diagnostic?, isPreferred: Bool = false) {
        self.init(fix: Fix(title: title, edits: edits), diagnostic: diagnostic, isPreferred: isPreferred)
    }

    public var title: String { fix.title }
    /// Whether the edits are worked out only when asked for (`codeAction/resolve`).
    public var isDeferred: Bool { fix.isDeferred }
    /// Edits to the document the action was asked for, sorted; computed now
    /// for a deferred fix (time linear in the document).
    public var edits: [TextEdit] { fix.edits.sorted { $0.range.lowerBound < $1.range.lowerBound } }
}

/// Quick fixes for the diagnostics that touch a range: the `fixes` the parser
/// and checker attach, and mechanical fixes worked out here for rules that
/// carry none (add a recommendation point, mark the document as minutes, add
/// an absentee to the participants, correct a near-miss name, keep a line as
/// prose, and more). Deferred fixes stay deferred: asking for the actions of
/// a range that holds every finding costs time linear in the findings, and a
/// fix shared by many findings (renumber the items) is offered once.
public enum CodeActions {
    public static func actions(in document: AnalyzedDocument, for range: Range<Int>, context: IDEContext = IDEContext()) -> [CodeAction] {
        let builder = CodeActionBuilder(document: document, context: context)
        var actions: [CodeAction] = []
        var offered = Set<Fix>()
        func touches(_ diagnostic: Diagnostic, _ wanted: Range<Int>) -> Bool {
            diagnostic.range.lowerBound <= wanted.upperBound && wanted.lowerBound <= diagnostic.range.upperBound
        }
        // an empty range is a cursor: the findings under it, else those of its line
        // (editors send the cursor, which need not stand on the finding itself)
        var wanted = range
        if range.isEmpty, !document.diagnostics.contains(where: { touches($0, range) }) {
            wanted = document.source.lineRange(document.source.line(containing: range.lowerBound))
        }
        for diagnostic in document.diagnostics where touches(diagnostic, wanted) {
            let written = (diagnostic.fixes + builder.fixes(for: diagnostic)).filter { fix in
                if fix.isDeferred { return true }
                let edits = fix.edits
                return !edits.isEmpty && !CodeActions.overlaps(edits.sorted { $0.range.lowerBound < $1.range.lowerBound })
            }
            var found = written.map { CodeAction(fix: $0, diagnostic: diagnostic) }
            // a single fix for a finding is the obvious one
            if found.count == 1 { found[0].isPreferred = true }
            // two findings on one spot may suggest the same change: offer it once
            for action in found where offered.insert(action.fix).inserted { actions.append(action) }
        }
        return actions + builder.subjectSuggestions(at: range)
    }

    static func overlaps(_ edits: [TextEdit]) -> Bool {
        zip(edits, edits.dropFirst()).contains { $0.range.upperBound > $1.range.lowerBound }
    }
}

/// The fixes worked out here, by rule.
struct CodeActionBuilder {
    let document: AnalyzedDocument
    let context: IDEContext
    let lookup: DocumentLookup
    let pieces: TextPieces

    init(document: AnalyzedDocument, context: IDEContext) {
        self.document = document
        self.context = context
        self.lookup = DocumentLookup(document)
        self.pieces = TextPieces(source: document.source)
    }

    var source: SourceText { document.source }

    func text(_ range: Range<Int>) -> String { source.text(range) }

    func fixes(for diagnostic: Diagnostic) -> [Fix] {
        switch diagnostic.rule {
        case .recommendationWithoutPoints: recommendationPoints(diagnostic)
        case .decisionInAgenda: documentKind("referat", because: diagnostic)
        case .unknownDocumentKind: documentKind("dagsorden", because: diagnostic) + documentKind("referat", because: diagnostic)
        case .misplacedKeyword, .possibleKeywordTypo, .missingColon: keepAsProse(diagnostic)
        case .textOutsideSection: sectionAbove(diagnostic)
        case .invalidItemNumber, .numberTooLarge: removeItemNumber(diagnostic)
        case .absenteeNotParticipant: addParticipant(diagnostic) + nearestName(diagnostic, among: document.meeting.participants.map(\.name))
        case .unknownMember: nearestName(diagnostic, among: members())
        case .voterNotParticipant: nearestName(diagnostic, among: document.meeting.participants.map(\.name))
        case .unknownDistributionCode: nearestWord(diagnostic, among: context.settings?.distributionCodes.map(\.code) ?? [], limit: 1)
        case .unknownParty: nearestWord(diagnostic, among: context.settings?.parties.map(\.name) ?? [], limit: 2)
        case .unevenTableRow: emptyCells(diagnostic)
        default: []
        }
    }

    // MARK: Recommendation

    /// `indstilling:` without points: add `1. ` below it, or number its lines.
    func recommendationPoints(_ diagnostic: Diagnostic) -> [Fix] {
        guard let item = lookup.itemContaining(diagnostic.range.lowerBound),
              let entry = item.syntax.entries.first(where: { $0.keyword == .recommendation && $0.range.lowerBound == diagnostic.range.lowerBound }),
              let line = entry.line else { return [] }
        var fixes = [Fix(title: "Add a recommendation point `1. `", edits: [TextEdit(range: entry.range.upperBound..<entry.range.upperBound, replacement: "\n1. ")])]
        // prose lines below become points, except an intro written below the keyword
        var lines = entry.body.flatMap { block -> [Range<Int>] in
            if case .paragraph(let paragraph) = block { return paragraph.lines }
            return []
        }
        if line.valueRange.isEmpty, let first = lines.first, text(first).lowercased().contains("indstiller") { lines.removeFirst() }
        if !lines.isEmpty {
            let edits = lines.enumerated().map { index, range in TextEdit(range: range.lowerBound..<range.lowerBound, replacement: "\(index + 1). ") }
            fixes.append(Fix(title: lines.count == 1 ? "Make the line a point" : "Make the \(lines.count) lines points", edits: edits))
        }
        return fixes
    }

    // MARK: Document kind

    /// Sets `dokument:` to `kind`, adding the field after `møde:` when it is missing.
    func documentKind(_ kind: String, because diagnostic: Diagnostic) -> [Fix] {
        let title = "Change `dokument:` to `\(kind)`"
        if let line = document.syntax.header.compactMap(\.line).first(where: { $0.keyword == .documentKind }) {
            guard text(line.valueRange).lowercased() != kind else { return [] }
            if line.valueRange.isEmpty {
                return [Fix(title: title, edits: [TextEdit(range: line.range.upperBound..<line.range.upperBound, replacement: " \(kind)")])]
            }
            return [Fix(title: title, edits: [TextEdit(range: line.valueRange, replacement: kind)])]
        }
        let anchor = document.syntax.header.compactMap(\.line).first { $0.keyword == .committee || $0.keyword == .municipality }
        if let anchor {
            return [Fix(title: "Add `dokument: \(kind)`", edits: [TextEdit(range: anchor.range.upperBound..<anchor.range.upperBound, replacement: "\ndokument: \(kind)")])]
        }
        return [Fix(title: "Add `dokument: \(kind)`", edits: [TextEdit(range: 0..<0, replacement: "dokument: \(kind)\n")])]
    }

    // MARK: Lines

    /// A keyword line that should stay prose: start it with `\`.
    func keepAsProse(_ diagnostic: Diagnostic) -> [Fix] {
        let line = source.lineRange(source.line(containing: diagnostic.range.lowerBound))
        guard line.lowerBound == diagnostic.range.lowerBound else { return [] }
        return [Fix(title: "Keep the line as prose (start it with `\\`)", edits: [TextEdit(range: line.lowerBound..<line.lowerBound, replacement: "\\")])]
    }

    /// Text in an item outside any section: open `sagsfremstilling:` above it.
    func sectionAbove(_ diagnostic: Diagnostic) -> [Fix] {
        guard case .item = lookup.region(at: diagnostic.range.lowerBound) else { return [] }
        let line = source.lineRange(source.line(containing: diagnostic.range.lowerBound))
        return [Fix(title: "Put `sagsfremstilling:` above the text", edits: [TextEdit(range: line.lowerBound..<line.lowerBound, replacement: "sagsfremstilling:\n")])]
    }

    /// `punkt x: …` with an unreadable number: leave the number out, so the item continues the numbering.
    func removeItemNumber(_ diagnostic: Diagnostic) -> [Fix] {
        guard let (_, scanned) = lookup.line(at: diagnostic.range.lowerBound), case .keyword(let line) = scanned.kind,
              let numberRange = line.numberRange, numberRange == diagnostic.range else { return [] }
        return [Fix(title: "Leave the number out (`\(text(line.keywordRange)):`)",
                    edits: [TextEdit(range: line.keywordRange.upperBound..<numberRange.upperBound, replacement: "")])]
    }

    /// A table row with fewer cells than the first row: add empty cells.
    func emptyCells(_ diagnostic: Diagnostic) -> [Fix] {
        let row = pieces.trim(diagnostic.range)
        guard let lastByte = pieces.byte(row.upperBound - 1), lastByte == UInt8(ascii: "|"),
              let table = tableHolding(row.lowerBound), let expected = table.rows.first?.cells.count,
              let written = table.rows.first(where: { $0.range.lowerBound <= row.lowerBound && row.lowerBound < $0.range.upperBound })?.cells.count,
              written < expected else { return [] }
        let missing = expected - written
        return [Fix(title: missing == 1 ? "Add an empty cell" : "Add \(missing) empty cells",
                    edits: [TextEdit(range: row.upperBound..<row.upperBound, replacement: String(repeating: " |", count: missing))])]
    }

    func tableHolding(_ offset: Int) -> TableSyntax? {
        func search(_ blocks: [BlockSyntax]) -> TableSyntax? {
            for block in blocks where block.range.lowerBound <= offset && offset <= block.range.upperBound {
                switch block {
                case .table(let table): return table
                case .list(let list):
                    for entry in list.entries { if let found = search(entry.children) { return found } }
                default: break
                }
            }
            return nil
        }
        return lookup.entry(containing: offset, in: lookup.region(at: offset)).flatMap { search($0.body) }
    }

    // MARK: People and names

    func members() -> [String] {
        guard let name = document.meeting.committee?.value, let committee = context.settings?.committee(named: name) else { return [] }
        return committee.members.map(\.name)
    }

    /// The name part of the person a diagnostic points at.
    func personName(_ diagnostic: Diagnostic) -> TextPieces.PersonParts? {
        pieces.people(diagnostic.range, ownLine: true).first.flatMap { $0.name.isEmpty ? nil : $0 }
    }

    /// Someone absent who is not among the participants: add them to `deltagere:`.
    func addParticipant(_ diagnostic: Diagnostic) -> [Fix] {
        guard let person = personName(diagnostic),
              let entry = document.syntax.header.first(where: { $0.keyword == .participants }), let line = entry.line else { return [] }
        let written = text(person.name.lowerBound..<(person.party.map { $0.upperBound + 1 } ?? person.name.upperBound))
        let title = "Add \(text(person.name)) to `deltagere:`"
        let bodyLines = entry.body.filter { if case .list = $0 { return true } else if case .paragraph = $0 { return true } else { return false } }
        if let last = bodyLines.last {
            let marker: String = if case .list = last { "- " } else { "" }
            return [Fix(title: title, edits: [TextEdit(range: last.range.upperBound..<last.range.upperBound, replacement: "\n\(marker)\(written)")])]
        }
        if line.valueRange.isEmpty {
            return [Fix(title: title, edits: [TextEdit(range: line.range.upperBound..<line.range.upperBound, replacement: " \(written)")])]
        }
        return [Fix(title: title, edits: [TextEdit(range: line.valueRange.upperBound..<line.valueRange.upperBound, replacement: ", \(written)")])]
    }

    /// A misspelt name: the closest known name within two edits.
    func nearestName(_ diagnostic: Diagnostic, among names: [String]) -> [Fix] {
        guard let person = personName(diagnostic) else { return [] }
        return nearest(text(person.name), among: names, limit: 2).map { name in
            Fix(title: "Change to \(name)", edits: [TextEdit(range: person.name, replacement: name)])
        }
    }

    /// A misspelt code or party: the closest known one within `limit` edits.
    func nearestWord(_ diagnostic: Diagnostic, among words: [String], limit: Int) -> [Fix] {
        nearest(text(diagnostic.range), among: words, limit: limit).map { word in
            Fix(title: "Change to \(word)", edits: [TextEdit(range: diagnostic.range, replacement: word)])
        }
    }

    /// The one candidate closest to `written` (ignoring case), if close enough and not the same.
    func nearest(_ written: String, among candidates: [String], limit: Int) -> [String] {
        let folded = Array(Fold.text(written))
        guard folded.count >= 3 else { return [] }
        var best: (distance: Int, name: String)?
        for candidate in candidates {
            let distance = EditDistance.between(folded, Array(Fold.text(candidate)), limit: limit)
            if distance > 0, distance <= limit, distance < (best?.distance ?? limit + 1) { best = (distance, candidate) }
        }
        return best.map { [$0.name] } ?? []
    }
}
