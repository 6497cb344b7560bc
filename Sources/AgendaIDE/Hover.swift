import AgendaBase
import AgendaSemantics
import AgendaSyntax

/// What hovering shows: Markdown, and the range it describes (the editor highlights it).
public struct HoverResult: Hashable, Sendable {
    public var markdown: String
    public var range: Range<Int>

    public init(markdown: String, range: Range<Int>) {
        self.markdown = markdown
        self.range = range
    }
}

/// Hover, in Danish as secretaries read it:
///
/// - a keyword: its documentation and spellings;
/// - a case number: its form, KLE titles (main group, group and subject from
///   the plan, action facet), the year, and where else the case appears;
/// - a date: the weekday, the long Danish date and the week number;
/// - a `sagens gang:` line: the earlier treatment and the item it refers to;
/// - an item's `punkt` line: number, title, case number and sections;
/// - the value on a `beslutning:` line: who decided and when, or the decision's first line;
/// - a person's role (`formand`) in a people field;
/// - and, under any of these, the title and explanation of each diagnostic at the position.
public enum Hover {
    public static func hover(in document: AnalyzedDocument, at offset: Int, context: IDEContext = IDEContext()) -> HoverResult? {
        let request = HoverRequest(document: document, context: context, offset: DocumentLookup(document).clamp(offset))
        let element = request.element()
        let diagnostics = request.diagnosticNotes()
        guard element != nil || !diagnostics.isEmpty else { return nil }
        let parts = [element?.markdown].compactMap { $0 } + diagnostics.map(\.markdown)
        let range = element?.range ?? diagnostics.map(\.range).min { $0.count < $1.count } ?? offset..<offset
        return HoverResult(markdown: parts.joined(separator: "\n\n---\n\n"), range: range)
    }
}

struct HoverRequest {
    let document: AnalyzedDocument
    let context: IDEContext
    let offset: Int
    let lookup: DocumentLookup
    let pieces: TextPieces

    init(document: AnalyzedDocument, context: IDEContext, offset: Int) {
        self.document = document
        self.context = context
        self.offset = offset
        self.lookup = DocumentLookup(document)
        self.pieces = TextPieces(source: document.source)
    }

    var source: SourceText { document.source }

    /// Whether the hover position touches a range (its end included, so a word's last letter counts).
    func touches(_ range: Range<Int>) -> Bool { range.lowerBound <= offset && offset <= range.upperBound && !range.isEmpty }

    func element() -> HoverResult? {
        guard let (_, line) = lookup.line(at: offset) else { return nil }
        if case .keyword(let keywordLine) = line.kind {
            if touches(keywordLine.keywordRange) { return keyword(keywordLine) }
        }
        if let role = roleHover(line) { return role }
        if let item = lookup.itemContaining(offset)?.model {
            if let written = item.caseNumber, touches(written.range) { return caseNumber(written, in: item) }
            if let decision = item.decision, let date = decision.date, touches(date.range) { return dateHover(date.value, range: date.range) }
            if case .keyword(let keywordLine) = line.kind, keywordLine.keyword == .decision, touches(keywordLine.valueRange),
               let decision = item.sections.first(where: { $0.range.lowerBound == keywordLine.range.lowerBound }).flatMap(Self.decision) {
                return decisionLine(keywordLine, decision)
            }
            for treatment in item.history where touches(treatment.range) { return history(treatment) }
            if touches(item.headerRange) { return itemHeader(item) }
        }
        if let date = document.meeting.date, touches(date.range) { return dateHover(date.value, range: date.range) }
        return nil
    }

    // MARK: Decision line and roles

    static func decision(_ section: Section) -> Decision? {
        if case .decision(let decision) = section.content { return decision }
        return nil
    }

    /// How the value on the `beslutning:` line was read: who decided and when, or the decision's first line.
    func decisionLine(_ line: KeywordLine, _ decision: Decision) -> HoverResult {
        let markdown: String
        if decision.decidedBy != nil || decision.date != nil {
            let who = decision.decidedBy.map { "**\($0)**" } ?? "Beslutningen"
            let when = decision.date.map { " den \($0.value.danishNumeric)" } ?? ""
            markdown = "\(who)\(when): hvem der besluttede og hvornår.\n\nLinjen læses sådan, fordi den er en dato, `Navn, dato`, `Navn den dato` eller navnet på et udvalg."
        } else {
            markdown = "**Beslutningens første linje**\n\nVærdien er hverken en dato eller et kendt udvalgs navn, så den er beslutningens tekst. Skriv `Navn, dato` for at angive, hvem der besluttede."
        }
        return HoverResult(markdown: markdown, range: line.valueRange)
    }

    /// A role after a person (`Hans Henriksen (A), formand`) on a people field's line or a line below it.
    func roleHover(_ line: ScannedLine) -> HoverResult? {
        var candidates: [(range: Range<Int>, ownLine: Bool)] = []
        switch line.kind {
        case .keyword(let keywordLine) where keywordLine.keyword.takesPeople && keywordLine.keyword != .substitutes:
            candidates.append((keywordLine.valueRange, false))
        case .listEntry(_, _, _, let content), .prose(_, let content):
            let entry = lookup.entry(containing: offset, in: lookup.region(at: offset))
            if let keyword = entry?.keyword, keyword == .signatures || (keyword.takesPeople && keyword != .substitutes) {
                candidates.append((content, true))
            }
        default:
            break
        }
        for candidate in candidates {
            for person in pieces.people(candidate.range, ownLine: candidate.ownLine) {
                guard let role = person.role, touches(role) else { continue }
                let markdown = "**\(source.text(role))** — rolle for \(source.text(person.name))\n\n"
                    + "Et stykke uden parti efter en person er personens rolle, når det begynder med lille bogstav, et tal eller et rolleord (formand, næstformand, borgmester, …)."
                return HoverResult(markdown: markdown, range: role)
            }
        }
        return nil
    }

    // MARK: Keywords

    func keyword(_ line: KeywordLine) -> HoverResult {
        let keyword = line.keyword
        let place: String
        if keyword.places.contains(.anywhere) {
            place = "Står på egen linje, hvor som helst i dokumentet."
        } else {
            let names = [(KeywordPlace.meeting, "mødets felter før første punkt"), (.item, "et punkt"), (.section, "et afsnit"),
                         (.decision, "en beslutning")].filter { keyword.places.contains($0.0) }.map(\.1)
            place = "Står i " + names.joined(separator: ", ") + "."
        }
        let spellings = keyword.spellings.map { "`\($0)`" }.joined(separator: ", ")
        // the other spellings read as this keyword, each with the spelling `fmt` writes for it
        let variants = keyword.variants.map { "`\($0.written)` (= `\($0.spelling)`)" }.joined(separator: ", ")
        let markdown = "**\(keyword.canonical)** — \(keyword.label)\n\n\(keyword.documentation)\n\n\(place) Stavemåder: \(spellings)."
            + (variants.isEmpty ? "" : " Læses også: \(variants).")
        return HoverResult(markdown: markdown, range: line.keywordRange)
    }

    // MARK: Case numbers

    func caseNumber(_ written: Located<String>, in item: Item) -> HoverResult {
        var lines: [String] = []
        switch CaseNumber.parse(written.value) {
        case .kle(let number)?:
            let catalog = KLECatalog(plan: context.klePlan)
            lines.append("**Sagsnummer `\(number.text)`** (KLE-nummer)")
            lines.append("")
            lines.append("- Hovedgruppe \(KLECatalog.two(number.mainGroup)): \(catalog.mainGroupTitle(number.mainGroup) ?? "ukendt hovedgruppe")")
            if let title = catalog.groupTitle(number.groupCode) { lines.append("- Gruppe \(number.groupCode): \(title)") }
            if let title = catalog.subjectTitle(number.subjectCode) {
                lines.append("- Emne \(number.subjectCode): \(title)")
            } else if number.group == 0, number.subject == 0 {
                lines.append("- Emne \(number.subjectCode): hovedgruppen i almindelighed")
            } else {
                lines.append("- Emne \(number.subjectCode): findes ikke i KLE")
            }
            if let replacement = context.klePlan?.movedTo[number.subjectCode] {
                lines.append("- Emnet er flyttet til \(replacement)\(catalog.subjectTitle(replacement).map { " \($0)" } ?? "")")
            } else if let date = context.klePlan?.retired[number.subjectCode] {
                lines.append("- Emnet er udgået \(date)")
            }
            let family = catalog.familyTitle(number.facetLetter).map { "familie \(number.facetLetter): \($0)" } ?? "ukendt familie"
            let title = catalog.facetTitle(number.facetCode).map { ": \($0)" } ?? ""
            lines.append("- Handlingsfacet \(number.facetCode)\(title) (\(family))")
            lines.append("- Løbenummer \(number.serial), oprettet \(fullYear(number.year))")
        case .serial(let year, let serial)?:
            lines.append("**Sagsnummer `\(written.value)`** (journalnummer: år/løbenummer)")
            lines.append("")
            lines.append("- Løbenummer \(serial), oprettet \(fullYear(year))")
        case nil:
            if let form = context.settings?.caseNumberPatterns.first(where: { $0.matches(written.value) }) {
                lines.append("**Sagsnummer `\(written.value)`** (formen `\(form.text)` fra agendac.json)")
                break
            }
            lines.append("**Sagsnummer `\(written.value)`** kan ikke læses")
            if let suggestion = CaseNumber.suggestion(for: written.value) { lines.append("\nMente du `\(suggestion)`?") }
            return HoverResult(markdown: lines.joined(separator: "\n"), range: written.range)
        }
        if let key = Fold.caseKey(written.value) {
            let elsewhere = context.view(with: document).items(withCaseKey: key)
                .filter { !($0.documentID == context.documentID && $0.headerRange == item.headerRange) }
            lines.append("")
            if elsewhere.isEmpty {
                lines.append("Sagen står ikke i andre punkter i arbejdsområdet.")
            } else {
                lines.append("**Sagen står også i:**")
                lines.append("")
                for other in elsewhere {
                    let when = [other.date.map(\.iso), other.committee].compactMap { $0 }.joined(separator: " ")
                    lines.append("- \(when.isEmpty ? "møde uden dato" : when), punkt \(other.number): \(other.title)")
                }
            }
        }
        if let archive = context.archive {
            lines.append("")
            lines += Hover.archivedHistory(archive.history.entries(ofCase: written.value))
        }
        return HoverResult(markdown: lines.joined(separator: "\n"), range: written.range)
    }

    /// Case numbers carry two digits; the genre is this century's.
    func fullYear(_ twoDigits: Int) -> String { "20" + KLECatalog.two(twoDigits) }

    // MARK: Dates

    func dateHover(_ date: CalendarDate, range: Range<Int>) -> HoverResult {
        HoverResult(markdown: "**\(date.danishLong)**\n\n`\(date.iso)` · uge \(isoWeek(date))", range: range)
    }

    /// The ISO 8601 week number (weeks start on Monday; week 1 holds the year's first Thursday).
    func isoWeek(_ date: CalendarDate) -> Int {
        func rawWeek(_ date: CalendarDate) -> Int {
            let dayOfYear = (1..<date.month).reduce(0) { $0 + CalendarDate.daysIn(month: $1, year: date.year) } + date.day
            return (dayOfYear - date.weekday + 10) / 7
        }
        // 28 December always lies in the last week of its year
        func weeks(in year: Int) -> Int { CalendarDate(year: year, month: 12, day: 28).map(rawWeek) ?? 52 }
        let week = rawWeek(date)
        if week < 1 { return weeks(in: date.year - 1) }
        if week > weeks(in: date.year) { return 1 }
        return week
    }

    // MARK: History lines

    func history(_ treatment: Treatment) -> HoverResult {
        var lines = ["**Tidligere behandling**", ""]
        var facts: [String] = []
        if !treatment.body.isEmpty { facts.append(treatment.body) }
        if let date = treatment.date { facts.append("\(date.danishWeekday) \(date.danishText)") }
        if let number = treatment.itemNumber { facts.append("punkt \(number)") }
        lines.append(facts.joined(separator: ", ") + (treatment.outcome.map { ": \($0)" } ?? ""))
        if let date = treatment.date {
            let view = context.view(with: document)
            let meetings = view.meetings(committee: treatment.body, date: date)
            lines.append("")
            if meetings.isEmpty {
                lines.append("Mødet findes ikke i arbejdsområdet.")
            } else if let number = treatment.itemNumber {
                let found = meetings.lazy.compactMap { meeting in view.items(inDocument: meeting.documentID).first { $0.number == number } }.first
                lines.append(found.map { "I arbejdsområdet: punkt \($0.number): \($0.title)" } ?? "Mødet findes i arbejdsområdet, men ikke punkt \(number).")
            } else {
                lines.append("Mødet findes i arbejdsområdet.")
            }
        }
        return HoverResult(markdown: lines.joined(separator: "\n"), range: pieces.trim(treatment.range))
    }

    // MARK: Items

    func itemHeader(_ item: Item) -> HoverResult {
        var lines = ["**Punkt \(item.number): \(item.title.isEmpty ? "(uden titel)" : item.title)**"]
        var facts: [String] = []
        if let caseNumber = item.caseNumber { facts.append("Sagsnr. `\(caseNumber.value)`") }
        if item.closed { facts.append("lukket punkt") }
        if let publicTitle = item.publicTitle { facts.append("offentlig titel: \(publicTitle.value)") }
        if item.confidentialDecision != nil { facts.append("fortrolig beslutning") }
        if item.markedWithoutDecision { facts.append("uden beslutning") }
        if let authority = item.finalAuthority { facts.append(authority.sentence) }
        if !facts.isEmpty { lines += ["", facts.joined(separator: " · ")] }
        let sections = item.sections.filter { $0.kind != .untitled }.map { section -> String in
            switch section.content {
            case .recommendation(let recommendation):
                "\(section.heading) (\(recommendation.points.count) \(recommendation.points.count == 1 ? "punkt" : "punkter"))"
            case .attachments(let attachments): "\(section.heading) (\(attachments.count))"
            default: section.heading
            }
        }
        lines += ["", sections.isEmpty ? "Ingen afsnit." : "Afsnit: " + sections.joined(separator: ", ")]
        return HoverResult(markdown: lines.joined(separator: "\n"), range: item.headerRange)
    }

    // MARK: Diagnostics

    /// The rule behind each finding at the position: what it is and why it exists.
    func diagnosticNotes() -> [HoverResult] {
        var seen = Set<Rule>()
        return document.diagnostics.filter { touches($0.range) }.compactMap { diagnostic in
            guard seen.insert(diagnostic.rule).inserted else { return nil }
            let severity = switch diagnostic.severity {
            case .error: "fejl"
            case .warning: "advarsel"
            case .information: "oplysning"
            case .hint: "tip"
            }
            let markdown = "**\(diagnostic.code)** \(diagnostic.rule.title) (\(severity))\n\n\(diagnostic.rule.explanation)"
            return HoverResult(markdown: markdown, range: diagnostic.range)
        }
    }
}
