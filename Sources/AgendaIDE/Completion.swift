import AgendaBase
import AgendaSemantics
import AgendaSyntax
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// One completion proposal. The insertion replaces `replaceRange` (UTF-8
/// offsets) with `snippet` when the client supports snippets, else with
/// `insertText`.
public struct CompletionItem: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        /// A keyword line (`resume:`, `punkt 3:`).
        case keyword
        /// A fixed value of a field (`referat`, a distribution code, an outcome).
        case value
        /// A member or participant.
        case person
        /// A party letter.
        case party
        /// A committee name.
        case committee
        /// A case number already used in the workspace.
        case caseNumber
        /// A part of a KLE number: main group, group, subject or action facet.
        case kleCode
        /// A standard wording of recommendations and decisions.
        case phrase
        /// A template of several lines (a whole new item).
        case snippet
    }

    public var label: String
    public var kind: Kind
    /// One line shown beside the label (a title, a party's name).
    public var detail: String?
    /// Markdown shown for the selected item.
    public var documentation: String?
    /// Plain text to insert, for clients without snippet support.
    public var insertText: String
    /// The same insertion in LSP snippet syntax, when it has placeholders.
    public var snippet: String?
    /// What the insertion replaces: the typed prefix and the rest of the word under the cursor.
    public var replaceRange: Range<Int>
    /// What the client should match the typed text against, when not `label`.
    public var filterText: String?

    public init(label: String, kind: Kind, detail: String? = nil, documentation: String? = nil, insertText: String,
                snippet: String? = nil, replaceRange: Range<Int>, filterText: String? = nil) {
        self.label = label
        self.kind = kind
        self.detail = detail
        self.documentation = documentation
        self.insertText = insertText
        self.snippet = snippet
        self.replaceRange = replaceRange
        self.filterText = filterText
    }
}

/// The proposals for one position, in the order to show them.
public struct CompletionList: Hashable, Sendable {
    public var items: [CompletionItem]
    /// True when the proposals depend on the typed prefix (keyword spellings,
    /// capped case-number lists): the client should ask again as the user types.
    public var isIncomplete: Bool

    public init(items: [CompletionItem], isIncomplete: Bool) {
        self.items = items
        self.isIncomplete = isIncomplete
    }
}

/// Context-aware completion. The context is read from the cursor's line and
/// the entry above it in the syntax tree:
///
/// - a keyword-like prefix at column 1: the keywords valid there (meeting
///   fields before the first item, item fields and sections in an item,
///   decision fields in `beslutning:`, `overskrift` in sections), and a
///   template for a whole new item;
/// - after a field's colon: its values (document kinds, committees, people,
///   parties, distribution codes, outcomes, KLE parts and used case numbers);
/// - on lines under people fields, `indstilling:`, `beslutning:` and
///   `sagens gang:`: people, standard phrases and committees.
public enum Completion {
    /// The most case numbers offered at once; more mark the list incomplete.
    static let caseNumberLimit = 50
    /// The most KLE subjects offered at once while a number is typed; more mark the list incomplete.
    static let subjectLimit = 60
    /// The subjects proposed from an item's text.
    static let suggestionLimit = 3

    public static func complete(in document: AnalyzedDocument, at offset: Int, context: IDEContext = IDEContext()) -> CompletionList {
        var request = CompletionRequest(document: document, offset: offset, context: context)
        return request.run()
    }
}

/// One completion request: the document, the cursor and what was found around it.
struct CompletionRequest {
    let document: AnalyzedDocument
    let lookup: DocumentLookup
    let pieces: TextPieces
    let context: IDEContext
    let cursor: Int
    var incomplete = false

    init(document: AnalyzedDocument, offset: Int, context: IDEContext) {
        self.document = document
        self.lookup = DocumentLookup(document)
        self.pieces = TextPieces(source: document.source)
        self.context = context
        self.cursor = lookup.clamp(offset)
    }

    var source: SourceText { document.source }
    var meeting: Meeting { document.meeting }

    func text(_ range: Range<Int>) -> String { source.text(range) }

    mutating func run() -> CompletionList {
        guard let (_, line) = lookup.line(at: cursor) else { return CompletionList(items: [], isIncomplete: false) }
        let cursor = min(self.cursor, line.range.upperBound)
        var items: [CompletionItem] = []
        if case .keyword(let keywordLine) = line.kind, let colon = keywordLine.colon, cursor > colon {
            items = valueItems(keywordLine, colon: colon, cursor: cursor)
        } else if let replace = keywordPrefixRange(line, cursor: cursor) {
            // the list is asked for again as the user types, so phrases are matched here too
            let phrases = bodyItems(line, cursor: cursor).filter { item in
                let typed = Fold.text(text(min(item.replaceRange.lowerBound, cursor)..<cursor))
                let label = Fold.text(item.label)
                return typed.isEmpty || label.hasPrefix(typed) || label.contains(" " + typed)
            }
            items = phrases + keywordItems(line, cursor: cursor, replace: replace)
        } else {
            items = bodyItems(line, cursor: cursor)
        }
        return CompletionList(items: items, isIncomplete: incomplete)
    }

    // MARK: Keywords at column 1

    /// The range a keyword would replace, when the text from the line start to
    /// the cursor can start a keyword line (letters and spaces, not starting
    /// with a space), or when the cursor is on the keyword of a keyword line.
    func keywordPrefixRange(_ line: ScannedLine, cursor: Int) -> Range<Int>? {
        let start = line.range.lowerBound
        if case .keyword(let keywordLine) = line.kind {
            // on the keyword of an existing keyword line: replace just the keyword
            return cursor <= keywordLine.keywordRange.upperBound ? keywordLine.keywordRange : nil
        }
        switch line.kind {
        case .blank, .prose(0, _): break
        default: return nil
        }
        let typed = source.bytes[start..<cursor]
        if typed.first == 0x20 { return nil }
        guard typed.allSatisfy({ $0 >= 0x80 || $0 == 0x20 || (($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A) }) else { return nil }
        // the rest of the word under the cursor goes too
        var end = cursor
        while end < line.range.upperBound, source.bytes[end] >= 0x80 || ((source.bytes[end] | 0x20) >= 0x61 && (source.bytes[end] | 0x20) <= 0x7A) {
            end += 1
        }
        return start..<end
    }

    /// Keywords that may start the cursor's line, most specific first.
    mutating func keywordItems(_ line: ScannedLine, cursor: Int, replace: Range<Int>) -> [CompletionItem] {
        let lineStart = line.range.lowerBound
        let typed = text(replace.lowerBound..<cursor)
        let editingKeyword: Bool = if case .keyword = line.kind { true } else { false }
        // the context is what stands above this line, whatever the line is now
        let region = lookup.region(at: max(0, lineStart - 1))
        var candidates: [Keyword] = []
        switch region {
        case .signatures:
            return []
        case .header:
            let present = Set(lookup.entries(in: .header).filter { $0.range.lowerBound != lineStart }.compactMap(\.keyword))
            candidates = Keyword.allCases.filter { keyword in
                keyword.places.contains(.meeting) && !(present.contains(keyword) && keyword.role == .field && !keyword.takesPeople)
            }
        case .item:
            let entry = lookup.entry(before: lineStart, in: region)
            if entry?.keyword == .decision {
                candidates += Keyword.allCases.filter { $0.places.contains(.decision) && $0.role != .heading }
            }
            if entry?.keyword?.role == .section { candidates += [.heading, .subheading] }
            let present = Set(lookup.entries(in: region).filter { $0.range.lowerBound != lineStart }.compactMap(\.keyword))
            let authorityGiven = !present.isDisjoint(with: [.concludedIn, .decidedIn, .decidedBy])
            candidates += Keyword.allCases.filter { keyword in
                guard keyword.places.contains(.item), !candidates.contains(keyword) else { return false }
                let repeatable: Set<Keyword> = [.absent, .customSection, .attachments, .history]
                if present.contains(keyword) && !repeatable.contains(keyword) { return false }
                if authorityGiven && [.concludedIn, .decidedIn, .decidedBy].contains(keyword) { return false }
                // what a closed item publishes: offered once the item is closed, a public or a confidential decision, not both
                if keyword.isClosedItemPublication && !present.contains(.closed) { return false }
                if keyword == .publicDecision && present.contains(.confidentialDecision) { return false }
                if keyword == .confidentialDecision && present.contains(.publicDecision) { return false }
                return true
            }
        }
        candidates.append(.item)
        if lookup.syntax.signatures == nil { candidates.append(.signatures) }

        var items: [CompletionItem] = []
        for keyword in candidates {
            for spelling in spellings(of: keyword, matching: typed) {
                items.append(keywordItem(keyword, spelling: spelling, replace: replace, editing: editingKeyword, lineStart: lineStart))
            }
            if keyword == .item, !editingKeyword, let spelling = spellings(of: .item, matching: typed).first {
                items.append(newItemSnippet(spelling: spelling, replace: replace, lineStart: lineStart))
            }
        }
        // which spellings are offered depends on the prefix
        incomplete = true
        return items
    }

    /// The canonical spelling when it matches the typed prefix (or nothing is
    /// typed); otherwise every other spelling that matches (`summ` → `summary`).
    func spellings(of keyword: Keyword, matching typed: String) -> [String] {
        if Fold.hasPrefix(keyword.canonical, typed) { return [keyword.canonical] }
        return keyword.spellings.dropFirst().filter { Fold.hasPrefix($0, typed) }
    }

    func keywordItem(_ keyword: Keyword, spelling: String, replace: Range<Int>, editing: Bool, lineStart: Int) -> CompletionItem {
        let roleName: String = switch keyword.role {
        case .field: "felt"
        case .flag: "markering"
        case .section: "afsnit"
        case .itemStart: "nyt punkt"
        case .heading: "overskrift i afsnit"
        case .decisionField: "beslutningsfelt"
        case .signatures: "underskriftsark"
        }
        let detail = spelling == keyword.canonical
            ? ([roleName] + keyword.english.prefix(1).map { "eng. \($0)" }).joined(separator: " · ")
            : "\(roleName) · = \(keyword.canonical)"
        var insert = spelling
        var snippet: String?
        if !editing {
            switch keyword {
            case .item:
                insert = "\(spelling) \(lookup.nextItemNumber(after: lineStart)): "
            case .outcome:
                let number = nextOutcomeNumber(before: lineStart)
                insert = "\(spelling) \(number): "
                snippet = "\(spelling) ${1:\(number)}: $0"
            case .recommendation:
                insert = "\(spelling): "
                snippet = "\(spelling): ${1:Direktionen indstiller, at}\n1. $0"
            case _ where keyword.role == .flag:
                break
            case _ where keyword.role == .section && keyword != .customSection:
                insert = "\(spelling):\n"
            default:
                insert = "\(spelling): "
            }
        }
        return CompletionItem(label: spelling, kind: .keyword, detail: detail, documentation: keyword.documentation,
                              insertText: insert, snippet: snippet, replaceRange: replace)
    }

    /// `udfald N:` continues after the decision's last outcome.
    func nextOutcomeNumber(before lineStart: Int) -> Int {
        let region = lookup.region(at: max(0, lineStart - 1))
        guard let entry = lookup.entry(before: lineStart, in: region), entry.keyword == .decision else { return 1 }
        let numbers = entry.body.compactMap { block -> Int? in
            if case .keyword(let line) = block, line.keyword == .outcome, line.range.lowerBound < lineStart { return line.number }
            return nil
        }
        return (numbers.max() ?? 0) + 1
    }

    /// A whole new item with the next number; minutes get a `beslutning:` too.
    func newItemSnippet(spelling: String, replace: Range<Int>, lineStart: Int) -> CompletionItem {
        let number = lookup.nextItemNumber(after: lineStart)
        var snippet = "\(spelling) \(number): ${1:Titel}\nsagsnr: ${2}\n\nresume:\n${3}\n\nindstilling: ${4:Direktionen indstiller, at}\n1. ${5}"
        if meeting.isMinutes { snippet += "\n\nbeslutning:\n${6}" }
        return CompletionItem(label: "\(spelling) \(number): …", kind: .snippet,
                              detail: "nyt punkt med sagsnr, resume og indstilling",
                              documentation: "Indsætter et helt dagsordenspunkt med nummer \(number).",
                              insertText: StandardPhrases.plainText(fromSnippet: snippet), snippet: snippet,
                              replaceRange: replace, filterText: spelling)
    }

    // MARK: Values after a colon

    mutating func valueItems(_ line: KeywordLine, colon: Int, cursor: Int) -> [CompletionItem] {
        var valueStart = colon + 1
        while valueStart < cursor, source.bytes[valueStart] == 0x20 || source.bytes[valueStart] == 0x09 { valueStart += 1 }
        // typed right after the colon: the value brings its own space
        let space = valueStart == colon + 1 ? " " : ""
        let wholeValue = valueStart..<max(cursor, line.valueRange.upperBound)
        switch line.keyword {
        case .documentKind:
            return [("dagsorden", "før mødet"), ("referat", "efter mødet")].map { word, detail in
                CompletionItem(label: word, kind: .value, detail: detail, insertText: space + word, replaceRange: wholeValue)
            }
        case .committee, .concludedIn, .decidedIn, .decidedBy:
            return committeeItems(replace: wholeValue, space: space, excludingOwn: line.keyword == .committee)
        case .decision:
            var items: [CompletionItem] = []
            if let committee = meeting.committee?.value, let date = meeting.date?.value {
                let value = "\(committee), \(date.iso)"
                items.append(CompletionItem(label: value, kind: .value, detail: "mødets udvalg og dato", insertText: space + value, replaceRange: wholeValue))
            }
            return items + committeeItems(replace: wholeValue, space: space, excludingOwn: false)
        case .municipality:
            guard let name = context.settings?.municipality else { return [] }
            return [CompletionItem(label: name, kind: .value, detail: "fra agendac.json", insertText: space + name, replaceRange: wholeValue)]
        case .signatures:
            return [CompletionItem(label: "digital", kind: .value, detail: "godkendelse ved klik", insertText: space + "digital", replaceRange: wholeValue)]
        case .outcome:
            return StandardPhrases.outcomes.map {
                CompletionItem(label: $0, kind: .value, detail: "udfald", insertText: space + $0, replaceRange: wholeValue)
            }
        case .recommendation:
            return StandardPhrases.recommendationIntro.map {
                CompletionItem(label: $0.label, kind: .phrase, documentation: $0.documentation, insertText: space + $0.label, replaceRange: wholeValue)
            }
        case .distribution:
            return distributionItems(line, cursor: cursor, space: space)
        case .participants, .absent, .substitutes, .substitute, .noteForTheRecord:
            let token = listToken(in: line.valueRange.lowerBound..<line.range.upperBound, from: valueStart, cursor: cursor,
                                  afterFor: line.keyword == .substitutes || line.keyword == .substitute)
            // names in the list below the field count as written too
            let region = lookup.region(at: line.range.lowerBound)
            let body = lookup.entry(containing: line.range.lowerBound, in: region).flatMap { $0.line?.range == line.range ? $0.body : nil } ?? []
            return personItems(field: line.keyword, replace: token.range, space: space, afterFor: token.afterFor,
                               written: writtenPeople(fieldLine: line, body: body), lineEnd: line.range.upperBound)
        case .majority, .minority:
            let token = listToken(in: line.valueRange.lowerBound..<line.range.upperBound, from: valueStart, cursor: cursor, afterFor: false)
            return partyItems(replace: token.range, space: space, written: line.valueRange)
        case .votesFor, .votesAgainst, .abstained, .conflictOfInterest:
            let token = voteToken(in: line.valueRange.lowerBound..<line.range.upperBound, from: valueStart, cursor: cursor)
            return voterItems(at: line.range.lowerBound, replace: token, space: valueStart == token.lowerBound ? space : "",
                              lineEnd: line.range.upperBound)
        case .vote:
            return voteSubjectItems(at: line.range.lowerBound, replace: wholeValue, space: space)
        case .caseworker, .otherCaseworkers:
            let token = listToken(in: line.valueRange.lowerBound..<line.range.upperBound, from: valueStart, cursor: cursor, afterFor: false)
            return caseworkerItems(replace: token.range, space: space)
        case .caseNumber:
            return caseNumberItems(valueStart: valueStart, cursor: cursor, valueEnd: line.valueRange.upperBound, space: space)
        default:
            return []
        }
    }

    /// The comma-separated piece under the cursor: from after the last comma
    /// (or ` for `) before it to the end of the name (before `(` or `,`).
    func listToken(in value: Range<Int>, from valueStart: Int, cursor: Int, afterFor: Bool) -> (range: Range<Int>, afterFor: Bool) {
        let bytes = source.bytes
        var start = valueStart
        var depth = 0
        for index in valueStart..<cursor {
            if bytes[index] == UInt8(ascii: "(") { depth += 1 } else if bytes[index] == UInt8(ascii: ")") { depth = max(0, depth - 1) }
            if bytes[index] == UInt8(ascii: ","), depth == 0 { start = index + 1 }
        }
        var isAfterFor = false
        if afterFor {
            let marker = Array(" for ".utf8)
            var index = start
            while index + marker.count <= cursor {
                if Array(bytes[index..<(index + marker.count)]) == marker { start = index + marker.count; isAfterFor = true }
                index += 1
            }
        }
        while start < cursor, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        var end = cursor
        while end < value.upperBound, bytes[end] != UInt8(ascii: ","), bytes[end] != UInt8(ascii: "(") { end += 1 }
        end = max(cursor, pieces.trim(start..<end).upperBound)
        return (start..<end, isAfterFor)
    }

    // MARK: Votes

    /// The name under the cursor in a side's names, `20 (Bo Hilsted (A), Car|`:
    /// after the last comma of the names, or after the parenthesis opening them.
    func voteToken(in value: Range<Int>, from valueStart: Int, cursor: Int) -> Range<Int> {
        let bytes = source.bytes
        var start = valueStart
        var depth = 0
        var index = valueStart
        // a count first: the names start after it
        while index < cursor, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
        if index > valueStart { start = index }
        while index < cursor {
            switch bytes[index] {
            case UInt8(ascii: "("):
                if depth == 0 { start = index + 1 }
                depth += 1
            case UInt8(ascii: ")"): depth = max(0, depth - 1)
            case UInt8(ascii: ","): if depth <= 1 { start = index + 1 }
            default: break
            }
            index += 1
        }
        while start < cursor, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        var end = cursor
        while end < value.upperBound, bytes[end] != UInt8(ascii: ","), bytes[end] != UInt8(ascii: "("), bytes[end] != UInt8(ascii: ")") { end += 1 }
        return start..<max(cursor, pieces.trim(start..<end).upperBound)
    }

    /// Members who may vote on the item: the participants and substitutes (or,
    /// without participants, the committee's members) less those absent or
    /// disqualified for it and those already named in the same vote, each with
    /// the party, as a side writes them (`Bo Hilsted (A)`, `Hanne Lund (løsgænger)`).
    func voterItems(at offset: Int, replace: Range<Int>, space: String, lineEnd: Int) -> [CompletionItem] {
        var away = Set((meeting.absentees).map { Fold.text($0.name) })
        if case .item(let index) = lookup.region(at: offset), let (_, item) = lookup.item(index) {
            for person in item.absentees { away.insert(Fold.text(person.name)) }
            for conflict in item.conflicts where !conflict.range.contains(offset) {
                for person in conflict.people { away.insert(Fold.text(person.name)) }
            }
            // the names of the vote this line belongs to, but the one being written
            for vote in item.decision?.votes ?? [] where vote.range.contains(offset) || vote.range.upperBound == offset {
                for side in vote.sides {
                    for voter in side.voters where !(voter.range.lowerBound <= replace.upperBound && replace.lowerBound <= voter.range.upperBound) {
                        away.insert(Fold.text(voter.name))
                    }
                }
            }
        }
        let committeeName = meeting.committee.map { Fold.committeeDisplayName($0.value) } ?? ""
        let candidates: [PersonCandidate] = meeting.participants.isEmpty
            ? committeeMembers().map { PersonCandidate(name: $0.name, party: $0.party, role: $0.role, origin: "medlem af \(committeeName)") }
            : meeting.participants.map { PersonCandidate(name: $0.name, party: $0.party, role: $0.role, origin: "mødedeltager") }
                + meeting.substitutes.map { PersonCandidate(name: $0.substitute.name, party: $0.substitute.party, role: nil, origin: "stedfortræder for \($0.replaces)") }
        var rest = replace.upperBound
        while rest < lineEnd, source.bytes[rest] == 0x20 { rest += 1 }
        let partyFollows = rest < lineEnd && source.bytes[rest] == UInt8(ascii: "(")
        var seen = Set<String>()
        return candidates.filter { !$0.name.isEmpty && !away.contains(Fold.text($0.name)) && seen.insert(Fold.text($0.name)).inserted }
            .map { person in
                // a member is written with the party; an unknown one is left for the secretary to fill in
                let party = person.party.flatMap { $0.isEmpty ? nil : $0 }
                let insert = partyFollows ? person.name : "\(person.name) (\(party ?? "parti"))"
                let snippet = partyFollows || party != nil ? nil : space + "\(person.name) (${1:parti})"
                return CompletionItem(label: person.name, kind: .person, detail: party, documentation: person.origin.prefix(1).uppercased() + person.origin.dropFirst() + ".",
                                      insertText: space + insert, snippet: snippet, replaceRange: replace)
            }
    }

    /// `afstemning:` the recommendation, one of its points, or a proposal made at the meeting.
    func voteSubjectItems(at offset: Int, replace: Range<Int>, space: String) -> [CompletionItem] {
        var items = [CompletionItem(label: VoteWords.recommendation[0], kind: .value, detail: "hele indstillingen", insertText: space + VoteWords.recommendation[0], replaceRange: replace)]
        if case .item(let index) = lookup.region(at: offset), let (_, item) = lookup.item(index), let recommendation = item.recommendation {
            for (number, point) in recommendation.points.enumerated() {
                let label = "\(VoteWords.pointPrefixes[2]) \(number + 1)"
                items.append(CompletionItem(label: label, kind: .value, detail: "indstillingens punkt \(number + 1)",
                                            documentation: point.text.plainText, insertText: space + label, replaceRange: replace))
            }
        }
        let proposal = "ændringsforslag fra "
        items.append(CompletionItem(label: proposal + "…", kind: .phrase, detail: "et forslag stillet på mødet; skriv forslaget nedenunder",
                                    insertText: space + proposal, snippet: space + proposal + "${1:parti}\n$0", replaceRange: replace))
        return items
    }

    // MARK: Committees, parties, codes

    func committeeItems(replace: Range<Int>, space: String, excludingOwn: Bool) -> [CompletionItem] {
        var seen = Set<String>()
        var items: [CompletionItem] = []
        func add(_ name: String, _ detail: String) {
            let display = Fold.committeeDisplayName(name)
            guard !display.isEmpty, seen.insert(Fold.committee(display)).inserted else { return }
            items.append(CompletionItem(label: display, kind: .committee, detail: detail, insertText: space + display, replaceRange: replace))
        }
        if let own = meeting.committee?.value {
            if excludingOwn { seen.insert(Fold.committee(own)) } else { add(own, "mødets udvalg") }
        }
        add("Byrådet", "kommunalbestyrelsen")
        for committee in context.settings?.committees ?? [] { add(committee.name, "udvalg i agendac.json") }
        for committee in context.view(with: document).committees { add(committee, "holder møder i arbejdsområdet") }
        return items
    }

    func partyItems(replace: Range<Int>, space: String, written: Range<Int>) -> [CompletionItem] {
        let already = Set(pieces.parties(written).filter { !($0.lowerBound <= replace.upperBound && replace.lowerBound <= $0.upperBound) }
            .map { Fold.text(text($0)) })
        var parties: [(letter: String, name: String?)] = context.settings?.parties.map { ($0.letter, $0.name) } ?? []
        if parties.isEmpty {
            // without settings: the parties the participants are written with
            var seen = Set<String>()
            for person in meeting.participants { if let party = person.party, seen.insert(party).inserted { parties.append((party, nil)) } }
        }
        // the committee's own parties first
        let memberParties = Set(committeeMembers().compactMap(\.party).map(Fold.text))
        let ordered = parties.filter { memberParties.contains(Fold.text($0.letter)) } + parties.filter { !memberParties.contains(Fold.text($0.letter)) }
        return ordered.filter { !already.contains(Fold.text($0.letter)) && !already.contains(Fold.text($0.name ?? "")) }.map { party in
            CompletionItem(label: party.letter, kind: .party, detail: party.name, insertText: space + party.letter, replaceRange: replace,
                           filterText: party.name.map { "\(party.letter) \($0)" })
        }
    }

    func distributionItems(_ line: KeywordLine, cursor: Int, space: String) -> [CompletionItem] {
        let bytes = source.bytes
        let isSeparator = { (byte: UInt8) in byte == 0x20 || byte == UInt8(ascii: ",") }
        var start = cursor
        while start > line.valueRange.lowerBound, !isSeparator(bytes[start - 1]), start - 1 > (line.colon ?? 0) { start -= 1 }
        var end = cursor
        while end < line.range.upperBound, !isSeparator(bytes[end]), bytes[end] != UInt8(ascii: "(") { end += 1 }
        let replace = start..<end
        var codes: [(code: String, meaning: String?)] = context.settings?.distributionCodes.map { ($0.code, $0.meaning) } ?? []
        if codes.isEmpty {
            var seen = Set<String>()
            for item in meeting.items { for code in item.distribution where seen.insert(code.code.uppercased()).inserted { codes.append((code.code, nil)) } }
        }
        let written = Set(meeting.items.flatMap(\.distribution).filter { line.valueRange.contains($0.range.lowerBound) && $0.range != replace }
            .map { $0.code.uppercased() })
        return codes.filter { !written.contains($0.code.uppercased()) }.map { code in
            CompletionItem(label: code.code, kind: .value, detail: code.meaning, insertText: (start == (line.colon ?? -1) + 1 ? space : "") + code.code,
                           replaceRange: replace)
        }
    }

    func caseworkerItems(replace: Range<Int>, space: String) -> [CompletionItem] {
        var seen = Set<String>()
        var items: [CompletionItem] = []
        for item in meeting.items {
            for field in [item.caseworker, item.otherCaseworkers].compactMap({ $0 }) {
                for piece in pieces.split(field.range, on: UInt8(ascii: ",")) where !piece.contains(cursor) && piece.upperBound != cursor {
                    let name = text(piece)
                    guard name != "-", seen.insert(Fold.text(name)).inserted else { continue }
                    items.append(CompletionItem(label: name, kind: .person, detail: "sagsbehandler i dette dokument", insertText: space + name, replaceRange: replace))
                }
            }
        }
        return items
    }

    // MARK: People

    struct PersonCandidate {
        var name: String
        var party: String?
        var role: String?
        var origin: String
    }

    /// The members the settings list for the meeting's committee.
    func committeeMembers() -> [WorkspaceSettings.Member] {
        guard let name = meeting.committee?.value, let committee = context.settings?.committee(named: name) else { return [] }
        return committee.members
    }

    /// The people a field may name. Absence and replacement concern the
    /// participants first; everywhere else the committee's members come first.
    func personCandidates(participantsFirst: Bool) -> [PersonCandidate] {
        let committeeName = meeting.committee.map { Fold.committeeDisplayName($0.value) } ?? ""
        let members = committeeMembers().map { PersonCandidate(name: $0.name, party: $0.party, role: $0.role, origin: "medlem af \(committeeName)") }
        let participants = meeting.participants.map { PersonCandidate(name: $0.name, party: $0.party, role: $0.role, origin: "mødedeltager") }
        var seen = Set<String>()
        var result: [PersonCandidate] = []
        for candidate in participantsFirst ? participants + members : members + participants {
            let key = Fold.text(candidate.name)
            guard !candidate.name.isEmpty else { continue }
            if seen.insert(key).inserted {
                result.append(candidate)
            } else if let index = result.firstIndex(where: { Fold.text($0.name) == key }) {
                // the same person from the other list: keep what either knows
                result[index].party = result[index].party ?? candidate.party
                result[index].role = result[index].role ?? candidate.role
                result[index].origin += " og " + candidate.origin
            }
        }
        return result
    }

    func personItems(field: Keyword, replace: Range<Int>, space: String, afterFor: Bool, written: Set<String>, lineEnd: Int) -> [CompletionItem] {
        let participantsFirst = field == .absent || afterFor
        // a party goes with a name where people are introduced, unless one is already written after it
        var rest = replace.upperBound
        while rest < lineEnd, source.bytes[rest] == 0x20 { rest += 1 }
        let partyFollows = rest < lineEnd && source.bytes[rest] == UInt8(ascii: "(")
        let withParty = (field == .participants || (field == .substitutes && !afterFor)) && !partyFollows
        let people = personCandidates(participantsFirst: participantsFirst).filter { !written.contains(Fold.text($0.name)) }.map { person in
            let partyName = person.party.flatMap { context.settings?.partyName($0) }
            let detail = [person.party.map { letter in partyName.map { "\(letter) · \($0)" } ?? letter }, person.role].compactMap { $0 }
                .joined(separator: " · ")
            let insert = withParty ? person.name + (person.party.map { " (\($0))" } ?? "") : person.name
            return CompletionItem(label: person.name, kind: .person, detail: detail.isEmpty ? nil : detail,
                                  documentation: person.origin.prefix(1).uppercased() + person.origin.dropFirst() + ".",
                                  insertText: space + insert, replaceRange: replace)
        }
        return people + roleItems(field: field, replace: replace, space: space)
    }

    /// Right after `Navn (A), ` the next piece may be that person's role (`RoleWords`).
    func roleItems(field: Keyword, replace: Range<Int>, space: String) -> [CompletionItem] {
        guard field == .participants || field == .absent || field == .signatures else { return [] }
        var back = replace.lowerBound - 1
        while back >= 0, source.bytes[back] == 0x20 { back -= 1 }
        guard back >= 0, source.bytes[back] == UInt8(ascii: ",") else { return [] }
        back -= 1
        while back >= 0, source.bytes[back] == 0x20 { back -= 1 }
        guard back >= 0, source.bytes[back] == UInt8(ascii: ")") else { return [] }
        return RoleWords.common.map {
            CompletionItem(label: $0, kind: .value, detail: "rolle", documentation: "Rolle for personen før kommaet.", insertText: space + $0, replaceRange: replace)
        }
    }

    /// The names already written in a people field (its line and the lines below), but the one under the cursor.
    func writtenPeople(fieldLine: KeywordLine, body: [BlockSyntax] = []) -> Set<String> {
        var names = Set<String>()
        if fieldLine.keyword == .substitutes || fieldLine.keyword == .substitute {
            let ranges = pieces.split(fieldLine.valueRange, on: UInt8(ascii: ",")) + body.flatMap(lineRanges)
            for range in ranges where !(range.lowerBound <= cursor && cursor <= range.upperBound) {
                if let parts = pieces.substitution(range).substitute { names.insert(Fold.text(text(parts.name))) }
            }
            return names
        }
        let people = pieces.people(fieldLine.valueRange, ownLine: false) + body.flatMap(lineRanges).flatMap { pieces.people($0, ownLine: true) }
        for parts in people where !(parts.name.lowerBound <= cursor && cursor <= parts.name.upperBound) {
            names.insert(Fold.text(text(parts.name)))
        }
        return names
    }

    /// The content of every list entry and paragraph line of a body.
    func lineRanges(_ block: BlockSyntax) -> [Range<Int>] {
        switch block {
        case .paragraph(let paragraph): paragraph.lines
        case .list(let list): list.entries.flatMap { $0.lines + $0.children.flatMap(lineRanges) }
        case .table, .keyword: []
        }
    }

    // MARK: Lines in a body

    /// Completions on a line inside an entry's body: people under people
    /// fields, phrases in recommendations and decisions, committees in history.
    func bodyItems(_ line: ScannedLine, cursor: Int) -> [CompletionItem] {
        let contentStart: Int
        switch line.kind {
        case .listEntry(_, _, _, let content): contentStart = min(content.lowerBound, line.range.upperBound)
        case .prose(_, let content): contentStart = content.lowerBound
        case .blank: contentStart = cursor
        default: return []
        }
        guard cursor >= contentStart else { return [] }
        let isListLine: Bool = if case .listEntry = line.kind { true } else { false }
        let region = lookup.region(at: line.range.lowerBound)
        guard let entry = lookup.entry(before: line.range.lowerBound, in: region), let entryLine = entry.line else { return [] }
        func peopleLine(_ field: KeywordLine, _ body: [BlockSyntax]) -> [CompletionItem] {
            let token = listToken(in: contentStart..<line.range.upperBound, from: contentStart, cursor: cursor,
                                  afterFor: field.keyword == .substitutes || field.keyword == .substitute)
            return personItems(field: field.keyword, replace: token.range, space: "", afterFor: token.afterFor,
                               written: writtenPeople(fieldLine: field, body: body), lineEnd: line.range.upperBound)
        }
        switch entryLine.keyword {
        case .participants, .absent, .substitutes, .signatures:
            return peopleLine(entryLine, entry.body)
        case .recommendation:
            return recommendationPhrases(line, cursor: cursor, contentStart: contentStart)
        case .decision:
            // a list right under `fraværende:`/`stedfortræder:` inside the decision names people
            let nested = entry.body.last { block in
                if case .keyword = block { return block.range.lowerBound < line.range.lowerBound }
                return false
            }
            if isListLine, case .keyword(let field)? = nested, field.keyword.isVoteSide {
                let token = voteToken(in: contentStart..<line.range.upperBound, from: contentStart, cursor: cursor)
                return voterItems(at: line.range.lowerBound, replace: token, space: "", lineEnd: line.range.upperBound)
            }
            if isListLine, case .keyword(let field)? = nested, field.keyword == .absent || field.keyword == .substitute {
                let following = entry.body.filter { $0.range.lowerBound > field.range.lowerBound }
                return peopleLine(field, following)
            }
            guard !isListLine else { return [] }
            let replace = contentStart..<max(cursor, pieces.trim(contentStart..<line.range.upperBound).upperBound)
            return StandardPhrases.decision.map {
                CompletionItem(label: $0.label, kind: .phrase, documentation: $0.documentation, insertText: $0.snippet, replaceRange: replace)
            }
        case .history:
            return historyItems(contentStart: contentStart, cursor: cursor, lineEnd: line.range.upperBound)
        default:
            return []
        }
    }

    func recommendationPhrases(_ line: ScannedLine, cursor: Int, contentStart: Int) -> [CompletionItem] {
        let lineRange = contentStart..<line.range.upperBound
        let word = pieces.word(at: cursor, within: lineRange) ?? cursor..<cursor
        let replace = min(word.lowerBound, cursor)..<max(word.upperBound, cursor)
        return StandardPhrases.recommendation.map { phrase in
            let plain = StandardPhrases.plainText(fromSnippet: phrase.snippet)
            return CompletionItem(label: phrase.label, kind: .phrase, documentation: phrase.documentation, insertText: plain,
                                  snippet: plain == phrase.snippet ? nil : phrase.snippet, replaceRange: replace)
        }
    }

    /// `- Byrådet, 2025-09-30, punkt 4: Godkendt`: committees first, outcomes after the colon.
    func historyItems(contentStart: Int, cursor: Int, lineEnd: Int) -> [CompletionItem] {
        let typed = source.bytes[contentStart..<cursor]
        if let colon = typed.lastIndex(of: UInt8(ascii: ":")) {
            var start = colon + 1
            while start < cursor, source.bytes[start] == 0x20 { start += 1 }
            let replace = start..<max(cursor, pieces.trim(start..<lineEnd).upperBound)
            let space = start == colon + 1 ? " " : ""
            return StandardPhrases.outcomes.map { word in
                let capitalised = word.prefix(1).uppercased() + word.dropFirst()
                return CompletionItem(label: capitalised, kind: .value, detail: "udfald", insertText: space + capitalised, replaceRange: replace)
            }
        }
        guard !typed.contains(UInt8(ascii: ",")) else { return [] }
        var end = cursor
        while end < lineEnd, source.bytes[end] != UInt8(ascii: ",") { end += 1 }
        return committeeItems(replace: contentStart..<max(cursor, pieces.trim(contentStart..<end).upperBound), space: "", excludingOwn: false)
    }

    // MARK: Case numbers

    /// KLE parts for the segment being typed, and the case numbers used elsewhere.
    mutating func caseNumberItems(valueStart: Int, cursor: Int, valueEnd: Int, space: String) -> [CompletionItem] {
        let typed = Array(source.bytes[valueStart..<cursor])
        let whole = valueStart..<max(cursor, valueEnd)
        var items = usedCaseNumberItems(typed: String(decoding: typed, as: UTF8.self), replace: whole, space: space)
        let catalog = KLECatalog(plan: context.klePlan)
        let isDigit = { (byte: UInt8) in byte >= 0x30 && byte <= 0x39 }
        // the segment under the cursor runs to the next separator
        func segmentEnd() -> Int {
            var end = cursor
            while end < valueEnd, source.bytes[end] != UInt8(ascii: "."), source.bytes[end] != UInt8(ascii: "-") { end += 1 }
            return end
        }
        // the separator after a completed segment, unless the text already has it
        func separator(_ byte: UInt8, after end: Int) -> String {
            end < valueEnd && source.bytes[end] == byte ? "" : String(UnicodeScalar(byte))
        }
        if typed.isEmpty {
            items = subjectSuggestionItems(replace: whole, space: space) + items
        }
        if typed.count <= 1, typed.allSatisfy(isDigit) {
            let end = segmentEnd()
            items += catalog.mainGroups.map { group in
                CompletionItem(label: group.code, kind: .kleCode, detail: group.title, documentation: "KLE-hovedgruppe \(group.code).",
                               insertText: space + group.code + separator(UInt8(ascii: "."), after: end), replaceRange: valueStart..<end)
            }
        } else if typed.count <= 8, isDigit(typed[0]), typed.allSatisfy({ isDigit($0) || $0 == UInt8(ascii: ".") }) {
            // every subject whose digits start with the digits typed so far
            var end = cursor
            while end < valueEnd, source.bytes[end] != UInt8(ascii: "-") { end += 1 }
            let digits = String(decoding: typed.filter(isDigit), as: UTF8.self)
            let matching = catalog.subjects.subjects(withDigitPrefix: digits)
            if matching.count > Completion.subjectLimit { incomplete = true }
            items += matching.prefix(Completion.subjectLimit).map { subject in
                let main = catalog.mainGroupTitle(subject.mainGroup).map { " under hovedgruppe \(subject.code.prefix(2)) \($0)" } ?? ""
                return CompletionItem(label: subject.code, kind: .kleCode, detail: subject.title,
                                      documentation: "KLE-emne \(subject.code) \(subject.title)\(main).",
                                      insertText: subject.code + separator(UInt8(ascii: "-"), after: end), replaceRange: valueStart..<end)
            }
        } else if typed.count >= 9, typed.count <= 13, typed[8] == UInt8(ascii: "-"),
                  CaseNumber.parse(String(decoding: typed[0..<8], as: UTF8.self) + "-A00-1-00") != nil,
                  !typed[9...].contains(UInt8(ascii: "-")) {
            let end = segmentEnd()
            let replace = (valueStart + 9)..<end
            let facets = catalog.facets.map { facet in
                CompletionItem(label: facet.code, kind: .kleCode, detail: facet.title,
                               documentation: "Handlingsfacet \(facet.code)" + (facet.code.first.flatMap { letter in
                                   catalog.familyTitle(letter).map { " (familie \(letter): \($0))" } } ?? ""),
                               insertText: facet.code + separator(UInt8(ascii: "-"), after: end), replaceRange: replace)
            }
            let planHasFacets = !(context.klePlan?.facets.isEmpty ?? true)
            let families = planHasFacets ? [] : catalog.families.map { family in
                CompletionItem(label: family.code, kind: .kleCode, detail: family.title,
                               documentation: "Handlingsfacet-familie \(family.code); facetten skrives med bogstavet og to cifre.",
                               insertText: family.code, replaceRange: replace)
            }
            items += facets + families
        }
        return items
    }

    /// Subjects proposed from the item's title and text (OS2KLE's weighted keywords), best first.
    func subjectSuggestionItems(replace: Range<Int>, space: String) -> [CompletionItem] {
        guard let item = lookup.itemContaining(cursor)?.model else { return [] }
        return document.suggestedSubjects(for: item, limit: Completion.suggestionLimit).enumerated().map { rank, suggestion in
            let found = suggestion.keywords.prefix(5).map { "«\($0)»" }.joined(separator: ", ")
            return CompletionItem(label: suggestion.subject.code, kind: .kleCode, detail: "\(suggestion.subject.title) (forslag \(rank + 1))",
                                  documentation: "KLE-emne foreslået ud fra punktets tekst" + (found.isEmpty ? "." : ", som nævner \(found).")
                                      + " Skriv handlingsfacet, løbenummer og år efter bindestregen.",
                                  insertText: space + suggestion.subject.code + "-", replaceRange: replace)
        }
    }

    /// Case numbers used in the workspace (this document included), most recent first, with their title.
    mutating func usedCaseNumberItems(typed: String, replace: Range<Int>, space: String) -> [CompletionItem] {
        let ownItem = lookup.itemContaining(cursor)?.model.headerRange
        var groups: [String: [IndexedItem]] = [:]
        for item in context.view(with: document).itemsWithCaseNumbers {
            guard let key = item.caseKey, Fold.hasPrefix(key, typed) || Fold.hasPrefix(item.caseNumber ?? "", typed) else { continue }
            if item.documentID == context.documentID, item.headerRange == ownItem { continue }
            groups[key, default: []].append(item)
        }
        let ordered = groups.map { (key: $0.key, items: $0.value.sorted(by: IndexedItem.chronological).reversed()) }
            .sorted { a, b in
                let dateA = dateSortKey(a.items.first?.date)
                let dateB = dateSortKey(b.items.first?.date)
                return dateA != dateB ? dateA > dateB : a.key < b.key
            }
        if ordered.count > Completion.caseNumberLimit { incomplete = true }
        return ordered.prefix(Completion.caseNumberLimit).map { group in
            let latest = group.items.first
            let places = group.items.prefix(5).map { "- \($0.meetingName), punkt \($0.number): \($0.title)" }.joined(separator: "\n")
            return CompletionItem(label: group.key, kind: .caseNumber, detail: latest?.title,
                                  documentation: "Sagsnummeret er brugt her:\n\n\(places)", insertText: space + group.key, replaceRange: replace)
        }
    }
}
