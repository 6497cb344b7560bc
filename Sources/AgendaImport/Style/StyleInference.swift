import AgendaBase
import AgendaRender
import AgendaSemantics
import AgendaSyntax

/// The house style an imported document was printed in, read from its printed
/// phrases, so that compiling the import in it gives back the original's
/// layout: the title line ("REFERAT Udvalget d. 04-05-2026"), the header
/// facts' form ("Mødedato Mandag d. 04. maj 2026 kl. 15:00"), whether there is
/// a contents list and how its entries look, the item heading ("Punkt 11:",
/// "Pkt. 42", "Nr.178 -", "11."), the case number line, the decision heading
/// ("Beslutning i <udvalg> den 20-10-2025") and how absentees are written.
/// Only what the original shows is set; everything else stays the built-in
/// style's. The result is a style file (`agendac-stil.json`) as text.
public enum StyleInference {
    /// The style file for a document printed as `lines` show (cleaned PDF lines or a text extract).
    public static func infer(from lines: [ImportLine]) -> String {
        inferredJSON(from: lines).prettyPrinted() + "\n"
    }

    /// The inferred style as JSON, only the keys the original shows.
    public static func inferredJSON(from lines: [ImportLine]) -> JSON {
        let reader = PrintedLines(lines.map(\.text))
        var templates: [(StyleTemplate, String)] = []
        var facts: [String]?
        var contentsShown = false

        if let title = reader.title() {
            templates += title.templates
            if title.namesCommittee { facts = HouseStyle.HeaderFact.standard.filter { $0 != .meeting }.map(\.rawValue) }
        }
        if let fact = reader.headerFact() { templates += fact }
        let startAndEnd = reader.startAndEnd()
        if !startAndEnd.facts.isEmpty {
            templates += startAndEnd.templates
            // the time is printed apart, so the date prints without it (unless the original's date line shows it too)
            if !templates.contains(where: { $0.0 == .meetingDate }) { templates.append((.meetingDate, "{date:long}")) }
            facts = startAndEnd.placed(in: facts.map { $0.compactMap(HouseStyle.HeaderFact.init(rawValue:)) } ?? HouseStyle.HeaderFact.standard)
                .map(\.rawValue)
        }
        contentsShown = reader.hasContents
        if let entry = reader.contentsEntry() { templates.append((.contentsEntry, entry)) }
        if let heading = reader.itemHeading() { templates.append((.itemHeading, heading)) }
        if let caseLine = reader.caseNumberLine() { templates.append((.caseNumberLine, caseLine)) }
        if let decision = reader.decisionHeading() { templates.append((.decisionHeading, decision)) }
        templates += reader.absentees()
        templates += reader.sectionLabels()
        if let heading = reader.signaturesHeading() { templates.append((.signaturesHeading, heading)) }

        var style = JSONObjectBuilder()
        var templateObject = JSONObjectBuilder()
        var seen = Set<StyleTemplate>()
        for (key, template) in templates where !seen.contains(key) {
            seen.insert(key)
            // what the built-in style prints already needs no line in the file
            if template != HouseStyle.standard[key].source { templateObject.set(key.rawValue, .string(template)) }
        }
        style.set("templates", templateObject.json)
        if let facts { style.set("header", .object([("facts", .array(facts.map(JSON.string)))])) }
        if !contentsShown { style.set("contents", .object([("show", .bool(false))])) }
        return style.json
    }
}

/// The document's lines as printed words: Markdown's `#` and `**` taken off, spacing single.
struct PrintedLines {
    let lines: [String]
    /// The lines as given, tabs and all.
    let raw: [String]
    /// Where the first item starts (its heading's index), or the end.
    let firstItem: Int
    /// The lines with text, with their index.
    let nonBlank: [(index: Int, text: String)]

    init(_ raw: [String]) {
        self.raw = raw
        let lines = raw.map(PrintedLines.plain)
        self.lines = lines
        firstItem = lines.firstIndex(where: { PrintedLines.itemHeadingForm($0) != nil }) ?? lines.count
        nonBlank = lines.enumerated().filter { !$0.element.isEmpty }.map { ($0.offset, $0.element) }
    }

    static func plain(_ text: String) -> String {
        LayoutLine.collapse(ArraySlice(Array(withoutMarkdown(text))))
    }

    static func withoutMarkdown(_ text: String) -> String {
        var text = Substring(text)
        while let first = text.first, first == "#" || first == " " || first == "\t" { text = text.dropFirst() }
        return text.replacingOccurrences(of: "**", with: "")
    }


    // MARK: - The title

    struct Title {
        var templates: [(StyleTemplate, String)]
        var namesCommittee: Bool
    }

    /// The title line: the kind word ("REFERAT", "Dagsorden") and what follows it on the line.
    func title() -> Title? {
        let head = nonBlank.prefix(6)
        guard let position = head.firstIndex(where: { PrintedLines.kindWord($0.text) != nil }),
              let kind = PrintedLines.kindWord(head[position].text) else { return nil }
        var templates: [(StyleTemplate, String)] = []
        // minutes that call themselves a record of decisions, in the case printed (the first of a key counts)
        if kind.lowercased() == "beslutningsprotokol" { templates.append((.minutesWord, kind)) }
        if kind.allSatisfy({ !$0.isLetter || $0.isUppercase }) {
            templates += [(.agendaWord, "DAGSORDEN"), (.minutesWord, "REFERAT")]
        } else if kind.first?.isLowercase == true {
            templates += [(.agendaWord, "dagsorden"), (.minutesWord, "referat")]
        }
        // Nothing above the kind word: no municipality line.
        if position == head.startIndex { templates.append((.municipalityLine, "")) }
        let rest = head[position].text.dropFirst(kind.count).trimmedSpaces
        guard !rest.isEmpty else { return Title(templates: templates, namesCommittee: false) }
        var title = "{kind}[ {committee}]"
        for joiner in [" d. ", " den "] {
            guard let range = rest.rangeOfLast(joiner),
                  let date = PrintedDateForm.template(of: String(rest[range.upperBound...]), timeSlot: false), date.rest.isEmpty
            else { continue }
            title += "[\(joiner.dropLast()) \(date.template)]"
            break
        }
        templates.append((.title, title))
        return Title(templates: templates, namesCommittee: true)
    }

    static func kindWord(_ text: String) -> String? {
        let first = text.prefix(while: { $0 != " " })
        return ["referat", "dagsorden", "beslutningsprotokol"].contains(first.lowercased()) ? String(first) : nil
    }

    // MARK: - The header

    /// Header labels as printed, the template key each sets, and the built-in label.
    static let headerLabels: [(written: String, key: StyleTemplate)] = [
        ("Mødedato", .meetingDateLabel), ("Dato", .meetingDateLabel), ("Mødetidspunkt", .meetingDateLabel),
        ("Mødested", .placeLabel), ("Sted", .placeLabel), ("Mødelokale", .placeLabel),
        ("Mødedeltagere", .participantsLabel), ("Deltagere", .participantsLabel), ("Medlemmer", .participantsLabel),
        ("Fraværende", .absentLabel), ("Afbud", .absentLabel),
    ]

    /// "Mødedato: …" or "Mødedato …", the labels used, and the meeting date's form.
    func headerFact() -> [(StyleTemplate, String)]? {
        var templates: [(StyleTemplate, String)] = []
        var colon: Bool?
        for (_, text) in nonBlank where text.count < 400 {
            guard PrintedLines.itemHeadingForm(text) == nil else { break }
            for (written, key) in PrintedLines.headerLabels where text.hasPrefix(written) {
                let after = text.dropFirst(written.count)
                guard after.isEmpty || after.first == " " || after.first == ":" else { continue }
                if colon == nil { colon = after.first == ":" }
                if written != HouseStyle.standard[key].source { templates.append((key, written)) }
                if key == .meetingDateLabel {
                    let value = after.drop(while: { $0 == ":" || $0 == " " })
                    if let date = PrintedDateForm.template(of: String(value), timeSlot: true), date.rest.isEmpty {
                        templates.append((.meetingDate, date.template))
                    }
                }
                break
            }
        }
        guard let colon else { return templates.isEmpty ? nil : templates }
        return [(.headerFact, colon ? "[{label}: ]{value}" : "[{label} ]{value}")] + templates
    }

    // MARK: - The start and the end

    /// The meeting's start and end printed as facts of their own (`Møde start: 09:00`, `Mødeslut kl. 18.30`).
    struct StartAndEnd {
        var templates: [(StyleTemplate, String)] = []
        /// `.start` and `.end` in the order printed, each with the fact printed just before it.
        var facts: [(fact: HouseStyle.HeaderFact, after: HouseStyle.HeaderFact?)] = []

        /// The header facts with the start and the end where the original prints them.
        func placed(in base: [HouseStyle.HeaderFact]) -> [HouseStyle.HeaderFact] {
            var result = base.filter { $0 != .start && $0 != .end }
            for (fact, after) in facts {
                let at = after.flatMap { result.firstIndex(of: $0) } ?? result.firstIndex(of: .date)
                result.insert(fact, at: at.map { $0 + 1 } ?? 0)
            }
            return result
        }
    }

    /// Header lines that open with a start or end label the importer reads (`ImportPatterns`), before the first item.
    func startAndEnd() -> StartAndEnd {
        var found = StartAndEnd()
        var previous: HouseStyle.HeaderFact?
        for (_, text) in nonBlank where text.count < 400 {
            guard PrintedLines.itemHeadingForm(text) == nil else { break }
            if let fact = PrintedLines.headerFactKind(text) { previous = fact; continue }
            let lowered = text.lowercased()
            for (labels, fact, label, value, slot) in [(ImportPatterns.meetingStartLabels, HouseStyle.HeaderFact.start, StyleTemplate.startLabel, StyleTemplate.meetingStart, "start"),
                                                       (ImportPatterns.meetingEndLabels, .end, .endLabel, .meetingEnd, "end")]
            where !found.facts.contains(where: { $0.fact == fact }) {
                guard let written = labels.first(where: { lowered.hasPrefix($0) }) else { continue }
                let labelText = String(text.prefix(written.count)).trimmingTrailing(":")
                let after = text.dropFirst(written.count)
                guard written.hasSuffix(":") || after.isEmpty || after.first == " " || after.first == ":",
                      let valueTemplate = PrintedDateForm.clockTemplate(of: after.drop(while: { $0 == ":" || $0 == " " }), slot: slot) else { continue }
                if labelText != HouseStyle.standard[label].source { found.templates.append((label, labelText)) }
                if valueTemplate != HouseStyle.standard[value].source { found.templates.append((value, valueTemplate)) }
                found.facts.append((fact, previous))
                previous = fact
                break
            }
        }
        return found
    }

    /// The header fact a line with one of `headerLabels` prints.
    static func headerFactKind(_ text: String) -> HouseStyle.HeaderFact? {
        for (written, key) in headerLabels where text.hasPrefix(written) {
            let after = text.dropFirst(written.count)
            guard after.isEmpty || after.first == " " || after.first == ":" else { continue }
            switch key {
            case .meetingDateLabel: return .date
            case .placeLabel: return .place
            case .participantsLabel: return .participants
            case .absentLabel: return .absentees
            default: return nil
            }
        }
        return nil
    }

    // MARK: - Contents

    var hasContents: Bool {
        lines.prefix(firstItem).contains { $0.lowercased().hasPrefix("indholdsfortegnelse") || $0.lowercased() == "indhold" }
    }

    /// "Title.....⇥3" (the seeds) or "3. Title" (the built-in form).
    func contentsEntry() -> String? {
        guard hasContents else { return nil }
        let entries = raw.prefix(firstItem).map(PrintedLines.withoutMarkdown).filter { $0.contains(".....") }
        guard let entry = entries.first else { return nil }
        let numbered = entry.first?.isNumber == true
        if numbered { return nil }
        return entry.contains("\t") ? "{title}.....\t{number}" : "{title}..... {number}"
    }

    // MARK: - Items

    /// The form of an item heading line: "Punkt {number}: {title}", "Pkt. {number} {title}", "{number}. {title}".
    static func itemHeadingForm(_ text: String) -> String? {
        let characters = Array(text.prefix(40))
        var index = 0
        var prefix = ""
        while index < characters.count, characters[index].isLetter || characters[index] == "." { prefix.append(characters[index]); index += 1 }
        guard ["punkt", "pkt.", "pkt", "nr.", "nr", "sag", ""].contains(prefix.lowercased()) else { return nil }
        var space = ""
        while index < characters.count, characters[index] == " " { space.append(" "); index += 1 }
        var digits = 0
        while index < characters.count, characters[index].isASCII, characters[index].isNumber { digits += 1; index += 1 }
        guard (1...4).contains(digits) else { return nil }
        var separator = ""
        while index < characters.count, [":", ".", "-", "–", " "].contains(characters[index]) { separator.append(characters[index]); index += 1 }
        guard index < characters.count, characters[index].isUppercase || characters[index].isNumber else { return nil }
        if prefix.isEmpty {
            guard separator == ". " else { return nil }
            return "{number}. {title}"
        }
        guard separator.hasSuffix(" ") || separator == "" else { return nil }
        return prefix + space + "{number}" + separator + "{title}"
    }

    /// The most used prefixed heading form ("Punkt 11:"); nil for "11." (the built-in form) or none.
    func itemHeading() -> String? {
        var counts: [String: Int] = [:]
        var order: [String] = []
        for text in lines {
            guard let form = PrintedLines.itemHeadingForm(text), !form.hasPrefix("{number}") else { continue }
            if counts[form] == nil { order.append(form) }
            counts[form, default: 0] += 1
        }
        return order.max { counts[$0, default: 0] < counts[$1, default: 0] }
    }

    /// The line under an item heading: a bare case number ("25/25641") or "Sagsnr. …" with or without a colon.
    func caseNumberLine() -> String? {
        for (position, entry) in nonBlank.enumerated() where PrintedLines.itemHeadingForm(entry.text) != nil {
            guard position + 1 < nonBlank.count else { break }
            let next = nonBlank[position + 1].text
            if PrintedLines.isCaseNumber(next) { return "{number}" }
            let lowered = next.lowercased()
            for label in ["sagsnr.", "sagsnr", "sagsnummer", "sag nr."] where lowered.hasPrefix(label) {
                let after = next.dropFirst(label.count)
                let written = String(next.prefix(label.count))
                let labelTemplate = written == HouseStyle.standard[.caseNumberLabel].source ? "{label}" : written
                return after.hasPrefix(":") ? labelTemplate + ": {number}" : labelTemplate + " {number}"
            }
        }
        return nil
    }

    /// The heading above the signature sheet (`Underskrifter`), or `""` when a
    /// sheet signed by click (`Godkendes digitalt af:`) stands under no heading
    /// of its own; nil when the original shows neither (a paper sheet's first
    /// line to sign on may stand below a signer's name, so it tells nothing).
    func signaturesHeading() -> String? {
        for (position, entry) in nonBlank.enumerated() where position > 0 {
            let folded = LineText.fold(entry.text.trimmingWhitespace(and: ":"))
            let digital = ImportPatterns.digitalSignatureHeadings.contains(folded)
            guard digital || Recognizer.isSignatureRule(entry.text) else { continue }
            let above = nonBlank[position - 1].text
            if ImportPatterns.signatureHeadings.contains(LineText.fold(above.trimmingWhitespace(and: ":"))) { return above }
            return digital ? "" : nil
        }
        return nil
    }

    /// A case number alone: KLE `15.00.00-A00-9-26` or `21/24526`.
    static func isCaseNumber(_ text: String) -> Bool {
        guard (5...40).contains(text.count), text.first?.isNumber == true else { return false }
        return text.allSatisfy { $0.isNumber || $0 == "." || $0 == "/" || $0 == "-" || ($0.isASCII && $0.isUppercase) }
            && (text.contains("/") || text.contains("-"))
    }

    /// "Beslutning i <udvalg> den 20-10-2025": the date's form after "den".
    func decisionHeading() -> String? {
        for text in lines where text.hasPrefix("Beslutning i ") || text.hasPrefix("Beslutning truffet i ") {
            guard let range = text.rangeOfLast(" den "),
                  let date = PrintedDateForm.template(of: String(text[range.upperBound...]), timeSlot: false), date.rest.isEmpty
            else { return "{heading}[ i {body}]" }
            return "{heading}[ i {body}][ den \(date.template)]"
        }
        return nil
    }

    // MARK: - Section headings

    /// Section headings printed otherwise than the built-in label of their keyword (`Resumé` for `Resume`,
    /// `INDSTILLING`): the label the style prints for that kind of section. A heading in another of the
    /// keyword's spellings (`Sagsresume`) prints as written anyway, so only the keyword's own spelling counts.
    func sectionLabels() -> [(StyleTemplate, String)] {
        // each form as printed, counted per label: the most used one wins, the first on a tie
        var forms: [StyleTemplate: [(written: String, count: Int)]] = [:]
        var keys: [StyleTemplate] = []
        for (index, text) in nonBlank where index >= firstItem && text.count <= 40 {
            let heading = text.trimmingTrailing(":")
            guard let spelling = KeywordMatcher.spelling(written: Array(LineText.fold(heading).utf8)),
                  let keyword = Keyword.allCases.first(where: { $0.canonical == spelling }),
                  let kind = PrintedLines.sectionKind(keyword), let key = StyleTemplate.sectionLabel(for: kind) else { continue }
            if forms[key] == nil { keys.append(key) }
            if let at = forms[key]?.firstIndex(where: { $0.written == heading }) {
                forms[key]?[at].count += 1
            } else {
                forms[key, default: []].append((heading, 1))
            }
        }
        return keys.compactMap { key in
            guard let counted = forms[key], let best = counted.indices.max(by: { counted[$0].count < counted[$1].count || counted[$0].count == counted[$1].count && $0 > $1 })
            else { return nil }
            let written = counted[best].written
            return written == HouseStyle.standard[key].source ? nil : (key, written)
        }
    }

    static func sectionKind(_ keyword: Keyword) -> SectionKind? {
        switch keyword {
        case .summary: .summary
        case .presentation: .presentation
        case .economy: .economy
        case .procedure: .procedure
        case .recommendation: .recommendation
        case .decision: .decision
        case .history: .history
        case .attachments: .attachments
        default: nil
        }
    }

    // MARK: - Absentees

    /// How absent members are written in a decision (`absentees`) and for the item (`itemAbsentees`).
    func absentees() -> [(StyleTemplate, String)] {
        var found: [(StyleTemplate, String)] = []
        var inDecision = false
        for (position, entry) in nonBlank.enumerated() where entry.index >= firstItem {
            let text = entry.text
            if PrintedLines.itemHeadingForm(text) != nil { inDecision = false; continue }
            if text.hasPrefix("Beslutning") { inDecision = true; continue }
            if PrintedLines.isSectionHeading(text) { inDecision = false; continue }
            let key: StyleTemplate = inDecision ? .absentees : .itemAbsentees
            guard !found.contains(where: { $0.0 == key }) else { continue }
            if let form = PrintedLines.absenteeForm(text, next: position + 1 < nonBlank.count ? nonBlank[position + 1].text : nil) {
                found.append((key, form))
            }
        }
        return found
    }

    static func absenteeForm(_ text: String, next: String?) -> String? {
        for label in ["Fraværende", "Afbud"] where text.hasPrefix(label) {
            let after = text.dropFirst(label.count)
            if after == ":" { return next == nil ? nil : label + ":\n{list}" }
            if after.hasPrefix(": ") { return label + ": {list}" }
            if after.hasPrefix(" ") { return label + " {list}" }
        }
        for ending in [" deltog ikke i mødet.", " deltog ikke i behandlingen af punktet.", " var fraværende."] where text.hasSuffix(ending) {
            return "{names}" + ending
        }
        return nil
    }

    /// A section heading line of the genre: "Sagsfremstilling", "Bilag", "Indstilling" ….
    static func isSectionHeading(_ text: String) -> Bool {
        let lowered = text.lowercased().trimmingTrailing(":")
        return ["resume", "sagsresume", "resumé", "sagsfremstilling", "indstilling", "bilag", "procedure", "økonomi",
                "økonomiske forhold", "anledning", "baggrund", "forventet sagsgang", "kommunikation", "sagens gang",
                "beslutningskompetence", "høring", "lovgrundlag"].contains(lowered)
    }
}
