import AgendaBase
import AgendaSyntax

/// A document's findings, kept so that an edit re-analyses only what it touches.
///
/// The document is cut into segments (`SegmentSyntax`): the meeting header,
/// each item, the signature sheet. Each segment keeps its own findings and,
/// for an item, the facts the rules across items read (`ItemFacts`). An edit
/// parses, lowers and checks again only the segments it touches (two when it
/// joins or splits items), moves the later segments' findings by the edit's
/// length, and works out the rules across items (numbering, reused case
/// numbers, the few findings made once a document) from the facts in one
/// pass over the items. The findings always equal those of a full
/// `AnalyzedDocument` of the same text (`IncrementalAnalysisTests` proves it
/// over long random edit sequences).
///
/// A few things still cost a full analysis: an edit of the meeting's header
/// (every item reads it) or of the first line, and a document whose signature
/// sheet is not its last part. A later item is analysed again when its number
/// continues from an item whose number changed, or when it moved to another
/// line and one of its findings names a line.
public struct IncrementalAnalysis: Sendable {
    public let source: SourceText
    public let context: CheckContext
    /// Every finding, in `Diagnostic.precedes` order (as `AnalyzedDocument.diagnostics`).
    public let diagnostics: [Diagnostic]
    /// nil when the document is analysed whole on every edit.
    let parts: Parts?
    /// The full analysis, when the document is analysed whole (`parts` is nil).
    private let whole: AnalyzedDocument?
    /// How many segments the last edit parsed and checked again (all of them after a full analysis).
    public let reanalysedSegments: Int
    /// Whether the last edit was applied segment by segment (false after a full analysis).
    public var isIncremental: Bool { incremental }
    private var incremental = false

    struct Parts: Sendable {
        var header: HeaderPart
        /// Items and the signature sheet, in order.
        var segments: [SegmentPart]
    }

    public init(source: SourceText, context: CheckContext = CheckContext()) {
        self.source = source
        self.context = context
        let segments = Parser.parseSegments(source, lines: 0..<source.lineCount)
        reanalysedSegments = segments.count
        if let parts = Self.analyse(segments, source: source, context: context) {
            self.parts = parts
            whole = nil
            diagnostics = Self.assemble(parts, source: source)
        } else {
            parts = nil
            let document = AnalyzedDocument(source: source, context: context)
            whole = document
            diagnostics = document.diagnostics
        }
    }

    private init(source: SourceText, context: CheckContext, parts: Parts, reanalysed: Int) {
        self.source = source
        self.context = context
        self.parts = parts
        whole = nil
        reanalysedSegments = reanalysed
        incremental = true
        diagnostics = Self.assemble(parts, source: source)
    }

    /// The analysis of the text after `edit` (its range in this text).
    public func applying(_ edit: TextEdit) -> IncrementalAnalysis {
        let lower = max(0, min(edit.range.lowerBound, source.bytes.count))
        let upper = max(lower, min(edit.range.upperBound, source.bytes.count))
        let inserted = Array(edit.replacement.utf8)
        let edited = source.replacing(lower..<upper, with: inserted)
        guard var parts,
              let reanalysed = Self.update(&parts, old: source, new: edited, edit: lower..<upper, insertedCount: inserted.count, context: context)
        else { return IncrementalAnalysis(source: edited, context: context) }
        return IncrementalAnalysis(source: edited, context: context, parts: parts, reanalysed: reanalysed)
    }

    /// The analysis after each edit in turn, each range in the text the one before left.
    public func applying(_ edits: [TextEdit]) -> IncrementalAnalysis {
        edits.reduce(self) { $0.applying($1) }
    }
}

/// The meeting's header: what every item reads of it, and its own findings.
struct HeaderPart: Sendable {
    /// The line after the header (the first item's), and its offset.
    var endLine: Int
    var endOffset: Int
    var knownBodies: Set<String>
    var meetingDate: CalendarDate?
    var scope: CheckScope
    var findings: [Diagnostic]
    var unreadableText: [Diagnostic]
    var tooDeep: Diagnostic?
    /// The header's tree and the meeting's own fields (no item reads text of it later, so nothing is detached).
    var tree = SegmentTree()
    var meeting = Meeting()
}

/// A segment's tree and model as built, detached from the text they were
/// built from (`ScannedLines.detached`, `Item.detached`), so that kept parts
/// hold no earlier version of the document; `IncrementalAnalysis.document`
/// moves them to where the segment stands now.
struct SegmentTree: Sendable {
    var lines = ScannedLines()
    var comments: [Range<Int>] = []
    /// The parser's findings (the scanner's included), for `DocumentSyntax.diagnostics`.
    var parsed: [Diagnostic] = []
    var header: [EntrySyntax] = []
    var item: ItemSyntax?
    var model: Item?
    var signatures: EntrySyntax?
    var signaturesModel: Signatures?
}

/// An item or the signature sheet: where it stands now, and what was made of
/// it when it was analysed at `builtStart`. What was made is shared, never
/// copied: an edit moves the segments below it by changing two integers each,
/// so keeping thousands of items costs one reference per item, not a copy of
/// each one's findings, facts and trees.
struct SegmentPart: Sendable {
    var start: Int
    var firstLine: Int
    let built: BuiltSegment

    init(_ built: BuiltSegment) {
        start = built.builtStart
        firstLine = built.builtFirstLine
        self.built = built
    }

    var delta: Int { start - built.builtStart }
    var kind: SegmentSyntax.Kind { built.kind }
    var lineCount: Int { built.lineCount }
    var builtFirstLine: Int { built.builtFirstLine }
    var findings: [Diagnostic] { built.findings }
    var unreadableText: [Diagnostic] { built.unreadableText }
    var tooDeep: Diagnostic? { built.tooDeep }
    var facts: ItemFacts? { built.facts }
    var number: Int? { built.number }
    var numberWritten: Bool { built.numberWritten }
    var previousNumber: Int? { built.previousNumber }
    var namesLines: Bool { built.namesLines }
    var hasDeferredFix: Bool { built.hasDeferredFix }
    var hasTrailingEntries: Bool { built.hasTrailingEntries }
    var tree: SegmentTree { built.tree }
}

/// What analysing one segment made, as made at `builtStart`; immutable, so
/// every version of the analysis that still has the segment shares it.
final class BuiltSegment: Sendable {
    let kind: SegmentSyntax.Kind
    let lineCount: Int
    let builtStart: Int
    let builtFirstLine: Int
    let findings: [Diagnostic]
    let unreadableText: [Diagnostic]
    let tooDeep: Diagnostic?
    let facts: ItemFacts?
    /// The item's number, whether it was written, and the number of the item
    /// before it when it was lowered (an unwritten number continues from it).
    let number: Int?
    let numberWritten: Bool
    let previousNumber: Int?
    /// A finding names a line (`first on line 12`), so moving the segment to
    /// another line means analysing it again.
    let namesLines: Bool
    /// A fix's edits are worked out later from the text, so the findings cannot simply move.
    let hasDeferredFix: Bool
    let hasTrailingEntries: Bool
    let tree: SegmentTree

    init(kind: SegmentSyntax.Kind, lineCount: Int, builtStart: Int, builtFirstLine: Int, findings: [Diagnostic],
         unreadableText: [Diagnostic], tooDeep: Diagnostic?, facts: ItemFacts?, number: Int?, numberWritten: Bool,
         previousNumber: Int?, hasTrailingEntries: Bool, tree: SegmentTree) {
        self.kind = kind
        self.lineCount = lineCount
        self.builtStart = builtStart
        self.builtFirstLine = builtFirstLine
        self.findings = findings
        self.unreadableText = unreadableText
        self.tooDeep = tooDeep
        self.facts = facts
        self.number = number
        self.numberWritten = numberWritten
        self.previousNumber = previousNumber
        self.hasTrailingEntries = hasTrailingEntries
        self.tree = tree
        namesLines = findings.contains { IncrementalAnalysis.namesALine($0.message) }
        hasDeferredFix = findings.contains { $0.fixes.contains(where: \.isDeferred) }
    }
}

extension IncrementalAnalysis {
    /// Lowers and checks parsed segments; nil when the layout is one the
    /// segments cannot reproduce (a signature sheet before an item, twice, or with text below it).
    static func analyse(_ segments: [SegmentSyntax], source: SourceText, context: CheckContext) -> Parts? {
        var rest = segments[...]
        let headerSyntax = rest.first?.kind == .header ? rest.removeFirst() : nil
        let header = analyseHeader(headerSyntax, source: source, context: context)
        var parts = Parts(header: header, segments: [])
        var previous: Int?
        for segment in rest {
            guard let part = analyse(segment, previous: previous, header: header, source: source, context: context) else { return nil }
            if part.kind == .item { previous = part.number }
            parts.segments.append(part)
        }
        return isSupported(parts) ? parts : nil
    }

    static func isSupported(_ parts: Parts) -> Bool {
        for (index, segment) in parts.segments.enumerated() where segment.kind == .signatures {
            if index != parts.segments.count - 1 || segment.hasTrailingEntries { return false }
        }
        return true
    }

    static func analyseHeader(_ segment: SegmentSyntax?, source: SourceText, context: CheckContext) -> HeaderPart {
        var lowering = Lowering(source: source)
        lowering.knownBodies = Set((context.settings?.committees.map(\.name) ?? []).map(WorkspaceSettings.normalizedCommitteeName))
        var meeting = Meeting()
        var syntaxFindings: [Diagnostic] = []
        if let segment {
            lowering.typoLineStarts = typoLineStarts(segment)
            meeting = lowering.header(segment.header)
            syntaxFindings = segment.diagnostics
        }
        lowering.prepareForItems(meeting)
        let scope = CheckScope(meeting, context: context)
        let endLine = segment.map { $0.firstLine + $0.lines.count } ?? 0
        var tree = SegmentTree()
        if let segment {
            tree = SegmentTree(lines: segment.lines.detached(), comments: segment.comments, parsed: segment.diagnostics, header: segment.header)
        }
        return HeaderPart(endLine: endLine, endOffset: endLine < source.lineCount ? source.lineStart(endLine) : source.bytes.count,
                          knownBodies: lowering.knownBodies, meetingDate: lowering.meetingDate, scope: scope,
                          findings: combined(syntaxFindings, lowering.diagnostics) + scope.meetingFindings(source: source),
                          unreadableText: segment?.unreadableText ?? [], tooDeep: segment?.tooDeep, tree: tree, meeting: meeting)
    }

    /// One item or signature sheet; nil for a header (only the first segment may be one).
    static func analyse(_ segment: SegmentSyntax, previous: Int?, header: HeaderPart, source: SourceText, context: CheckContext) -> SegmentPart? {
        let start = segment.firstLine < source.lineCount ? source.lineStart(segment.firstLine) : source.bytes.count
        var lowering = Lowering(source: source)
        lowering.knownBodies = header.knownBodies
        lowering.meetingDate = header.meetingDate
        lowering.typoLineStarts = typoLineStarts(segment)
        lowering.scannedLines = segment.lines
        var checked: [Diagnostic] = []
        var tree = SegmentTree(lines: segment.lines.detached(), comments: segment.comments, parsed: segment.diagnostics)
        var facts: ItemFacts?
        var number: Int?
        var numberWritten = true
        var hasTrailingEntries = false
        switch segment.kind {
        case .header:
            return nil
        case .item:
            guard let syntax = segment.item else { return nil }
            let item = lowering.item(syntax, after: previous)
            let result = header.scope.check(item, source: source)
            checked = result.0
            facts = result.1
            number = item.number
            numberWritten = item.numberWritten
            tree.item = syntax
            tree.model = item.detached()
        case .signatures:
            if let entry = segment.signatures {
                tree.signatures = entry
                tree.signaturesModel = lowering.signatures(entry)
            }
            hasTrailingEntries = !segment.trailing.isEmpty
        }
        let built = BuiltSegment(kind: segment.kind, lineCount: segment.lines.count, builtStart: start, builtFirstLine: segment.firstLine,
                                 findings: combined(segment.diagnostics, lowering.diagnostics) + checked,
                                 unreadableText: segment.unreadableText, tooDeep: segment.tooDeep, facts: facts, number: number,
                                 numberWritten: numberWritten, previousNumber: segment.kind == .item ? previous : nil,
                                 hasTrailingEntries: hasTrailingEntries, tree: tree)
        return SegmentPart(built)
    }

    /// Syntax and lowering findings as `AnalyzedDocument` combines them: a line
    /// read as a mistyped flag (AG425) is not also text outside a section.
    static func combined(_ parsed: [Diagnostic], _ lowered: [Diagnostic]) -> [Diagnostic] {
        let nearMisses = Set(lowered.lazy.filter { $0.rule == .nearMissWithholdingFlag }.map(\.range.lowerBound))
        let kept = nearMisses.isEmpty ? parsed : parsed.filter { !($0.rule == .textOutsideSection && nearMisses.contains($0.range.lowerBound)) }
        return kept + lowered
    }

    static func typoLineStarts(_ segment: SegmentSyntax) -> Set<Int> {
        Set(segment.diagnostics.lazy.filter { $0.rule == .possibleKeywordTypo }.map(\.range.lowerBound))
    }

    /// Whether a message names a line by number (`line 12`).
    static func namesALine(_ message: String) -> Bool {
        var rest = message.utf8[...]
        while let found = rest.firstRange(of: "line ".utf8) {
            rest = rest[found.upperBound...]
            if let next = rest.first, next >= 0x30, next <= 0x39 { return true }
        }
        return false
    }

    /// Every finding: the segments' own, moved to where the segments stand now,
    /// and the rules across items from the facts.
    static func assemble(_ parts: Parts, source: SourceText) -> [Diagnostic] {
        var all = parts.header.findings
        var unreadable = parts.header.unreadableText
        var tooDeep = parts.header.tooDeep
        var facts: [ItemFacts] = []
        facts.reserveCapacity(parts.segments.count)
        for segment in parts.segments {
            let delta = segment.delta
            for finding in segment.findings { all.append(finding.shifted(by: delta) ?? finding) }
            if unreadable.count < TextValidator.maximumReports {
                unreadable += segment.unreadableText.prefix(TextValidator.maximumReports - unreadable.count).map { $0.shifted(by: delta) ?? $0 }
            }
            if tooDeep == nil, let deep = segment.tooDeep { tooDeep = deep.shifted(by: delta) }
            if let itemFacts = segment.facts { facts.append(itemFacts.shifted(by: delta)) }
        }
        all += unreadable
        if let tooDeep { all.append(tooDeep) }
        all += Checker.acrossItems(ItemFactsList(facts), source: source)
        return all.sorted(by: Diagnostic.precedes)
    }
}

extension IncrementalAnalysis {
    /// Updates the parts for an edit of `edit` (in `old`) to `insertedCount` bytes, giving `new`,
    /// and returns how many segments it analysed again; nil when the edit needs a full analysis.
    static func update(_ parts: inout Parts, old: SourceText, new: SourceText, edit: Range<Int>, insertedCount: Int,
                       context: CheckContext) -> Int? {
        let delta = insertedCount - edit.count
        let lineDelta = new.lineCount - old.lineCount
        // the header, and the first line (where a missing date is reported), are read by everything
        let firstLineEnd = old.lineCount > 1 ? old.lineStart(1) : old.bytes.count
        guard edit.lowerBound >= parts.header.endOffset, edit.lowerBound >= firstLineEnd,
              var first = lastSegment(startingAtOrBefore: edit.lowerBound, in: parts.segments) else { return nil }
        // an edit on a segment's first line may join it to the one above
        let firstLineOfSegment = parts.segments[first].firstLine
        let secondLineStart = firstLineOfSegment + 1 < old.lineCount ? old.lineStart(firstLineOfSegment + 1) : old.bytes.count
        if edit.lowerBound < secondLineStart {
            guard first > 0 else { return nil }
            first -= 1
        }
        // parse again from that segment up to the first old segment start after the edit that still starts one
        let startLine = parts.segments[first].firstLine
        let insertedEnd = edit.lowerBound + insertedCount
        var resumeAt = parts.segments.count
        let stopLine = Parser.segmentEnd(new, from: startLine) { offset in
            guard offset >= insertedEnd, let index = segmentIndex(startingAt: offset - delta, in: parts.segments, after: first) else { return false }
            resumeAt = index
            return true
        }
        let parsed = Parser.parseSegments(new, lines: startLine..<stopLine)
        var previous = first > 0 ? number(before: first, in: parts.segments) : nil
        var replaced: [SegmentPart] = []
        for segment in parsed {
            guard let part = analyse(segment, previous: previous, header: parts.header, source: new, context: context) else { return nil }
            if part.kind == .item { previous = part.number }
            replaced.append(part)
        }
        var later = Array(parts.segments[resumeAt...])
        for index in later.indices {
            later[index].start += delta
            later[index].firstLine += lineDelta
        }
        parts.segments.replaceSubrange(first..., with: replaced + later)
        guard isSupported(parts) else { return nil }
        var reanalysed = replaced.count
        // later segments whose findings cannot just move: analyse them again
        previous = nil
        for index in parts.segments.indices {
            let segment = parts.segments[index]
            let renumbered = segment.kind == .item && !segment.numberWritten && segment.previousNumber != previous
            let moved = (segment.namesLines && segment.firstLine != segment.builtFirstLine) || (segment.hasDeferredFix && segment.delta != 0)
            if renumbered || moved {
                let lines = segment.firstLine..<(segment.firstLine + segment.lineCount)
                let again = Parser.parseSegments(new, lines: lines)
                guard again.count == 1, let part = analyse(again[0], previous: previous, header: parts.header, source: new, context: context)
                else { return nil }
                parts.segments[index] = part
                reanalysed += 1
            }
            if parts.segments[index].kind == .item { previous = parts.segments[index].number }
        }
        return reanalysed
    }

    /// The last segment starting at or before `offset`.
    static func lastSegment(startingAtOrBefore offset: Int, in segments: [SegmentPart]) -> Int? {
        var low = 0, high = segments.count
        while low < high {
            let mid = (low + high) / 2
            if segments[mid].start <= offset { low = mid + 1 } else { high = mid }
        }
        return low > 0 ? low - 1 : nil
    }

    /// The segment after `after` starting exactly at `offset`.
    static func segmentIndex(startingAt offset: Int, in segments: [SegmentPart], after: Int) -> Int? {
        guard let index = lastSegment(startingAtOrBefore: offset, in: segments), index > after, segments[index].start == offset else { return nil }
        return index
    }

    /// The number of the last item before segment `index`.
    static func number(before index: Int, in segments: [SegmentPart]) -> Int? {
        segments[..<index].last(where: { $0.kind == .item })?.number
    }
}

extension IncrementalAnalysis {
    /// The whole document's tree and model, equal to a full `AnalyzedDocument`
    /// of the same text, put together from the segments' kept trees and models
    /// moved to where they stand now: nothing is parsed, lowered or checked
    /// again, so completion and hover right after an edit cost the moving of
    /// the items below it, not an analysis (`IncrementalAnalysisTests` compares
    /// the model's JSON, the tree and the document symbols after every edit).
    public var document: AnalyzedDocument {
        if let whole { return whole }
        guard let parts else { return AnalyzedDocument(source: source, context: context) }
        return Self.document(parts, source: source, diagnostics: diagnostics)
    }

    static func document(_ parts: Parts, source: SourceText, diagnostics: [Diagnostic]) -> AnalyzedDocument {
        let header = parts.header
        var runs: [(lines: ScannedLines, delta: Int)] = [(header.tree.lines, 0)]
        runs.reserveCapacity(parts.segments.count + 1)
        var comments = header.tree.comments
        var parsed = header.tree.parsed
        var unreadable = header.unreadableText
        var tooDeep = header.tooDeep
        var meeting = header.meeting
        var items: [ItemSyntax] = []
        items.reserveCapacity(parts.segments.count)
        meeting.items.reserveCapacity(parts.segments.count)
        var signatures: EntrySyntax?
        for segment in parts.segments {
            let delta = segment.delta
            let tree = segment.tree
            runs.append((tree.lines, delta))
            comments += delta == 0 ? tree.comments : tree.comments.map { $0.shifted(by: delta) }
            parsed += delta == 0 ? tree.parsed : tree.parsed.map { $0.shifted(by: delta) ?? $0 }
            if unreadable.count < TextValidator.maximumReports {
                unreadable += segment.unreadableText.prefix(TextValidator.maximumReports - unreadable.count).map { $0.shifted(by: delta) ?? $0 }
            }
            if tooDeep == nil, let deep = segment.tooDeep { tooDeep = deep.shifted(by: delta) }
            if let item = tree.item, let model = tree.model {
                items.append(item.shifted(by: delta))
                meeting.items.append(model.attached(to: source, movedBy: delta))
            }
            if let entry = tree.signatures {
                signatures = entry.shifted(by: delta)
                meeting.signatures = tree.signaturesModel?.shifted(by: delta)
            }
        }
        let syntaxFindings = (unreadable + parsed + (tooDeep.map { [$0] } ?? [])).sorted(by: Diagnostic.precedes)
        let syntax = DocumentSyntax(source: source, lines: .joined(runs, source: source), header: header.tree.header, items: items,
                                    signatures: signatures, comments: comments, diagnostics: syntaxFindings)
        return AnalyzedDocument(syntax: syntax, meeting: meeting, diagnostics: diagnostics)
    }
}
