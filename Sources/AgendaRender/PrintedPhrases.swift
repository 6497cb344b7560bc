import AgendaSemantics
import AgendaSyntax

/// The Danish words of the printed document, through one house style so that
/// text, Markdown and HTML say the same thing. Every phrase is a template of
/// the style (`Style/StyleTemplates.swift` holds the keys and neutral defaults).
struct PrintedPhrases {
    var style: HouseStyle

    init(_ style: HouseStyle = .standard) {
        self.style = style
    }

    var tableOfContents: String { style.phrase(.contentsHeading) }
    /// The PDF's running footer: the style's, else the page of the pages (`{page}`, `{pages}`).
    var pageFooter: String { style.html.footer ?? "Side {page} af {pages}" }
    /// The mark of a closed item, and the neutral title its public version
    /// shows when no `offentlig titel:` is given.
    var closedItem: String { style.phrase(.closedItem) }
    /// Under a closed item's fields in the full version, when its decision may not be published.
    var confidentialDecision: String { style.phrase(.confidentialDecision) }
    var caseNumber: String { style.phrase(.caseNumberLabel) }
    var distributionLabel: String { style.phrase(.distributionLabel) }

    func label(_ key: StyleTemplate) -> String { style.phrase(key) }

    /// Written prose as the style prints it: its line breaks kept (`lineBreaks: "asWritten"`) or read as spaces.
    func prose(_ blocks: [Block]) -> [Block] {
        style.lineBreaks == .asWritten ? blocks : blocks.map(\.joiningLines)
    }

    func prose(_ inlines: [Inline]) -> [Inline] {
        style.lineBreaks == .asWritten ? inlines : inlines.joiningLines
    }

    /// `Referat`; in a seed's style `REFERAT Beskæftigelses- og Integrationsudvalget d. 04-05-2026`
    func title(_ meeting: Meeting) -> String {
        var values: [String: SlotValue] = ["kind": .text(style.phrase(meeting.kind == .minutes ? .minutesWord : .agendaWord))]
        if let committee = meeting.committee?.value { values["committee"] = .text(committee) }
        if let date = meeting.date?.value { values["date"] = .date(date) }
        if let municipality = meeting.municipality?.value { values["municipality"] = .text(municipality) }
        return style.phrase(.title, values)
    }

    /// `mandag den 4. maj 2026 kl. 15.00`, or as much of it as is known.
    func when(_ meeting: Meeting) -> String? {
        guard meeting.date != nil || meeting.time != nil else { return nil }
        var values: [String: SlotValue] = [:]
        if let date = meeting.date?.value { values["date"] = .date(date) }
        if let time = meeting.time?.value { values.merge(Self.timeValues(time)) { $1 } }
        let text = style.phrase(.meetingDate, values).trimmedSpaces
        return text.isEmpty ? nil : text
    }

    /// `kl. 15.00`, when the header prints the time as a fact of its own.
    func time(_ meeting: Meeting) -> String? {
        guard let time = meeting.time?.value else { return nil }
        let text = style.phrase(.meetingTime, Self.timeValues(time)).trimmedSpaces
        return text.isEmpty ? nil : text
    }

    /// `09:00` by `meetingStart`, when the header prints the start and the end apart (`Møde start: 09:00`).
    func start(_ meeting: Meeting) -> String? {
        guard let time = meeting.time?.value else { return nil }
        let text = style.phrase(.meetingStart, ["start": .time(time.start)]).trimmedSpaces
        return text.isEmpty ? nil : text
    }

    /// `11:15` by `meetingEnd`; nil when the document gives no end.
    func end(_ meeting: Meeting) -> String? {
        guard let end = meeting.time?.value.end else { return nil }
        let text = style.phrase(.meetingEnd, ["end": .time(end)]).trimmedSpaces
        return text.isEmpty ? nil : text
    }

    /// The time slots: `{time}` as written (a range when it has an end), `{start}` and `{end}` alone.
    static func timeValues(_ time: MeetingTime) -> [String: SlotValue] {
        var values: [String: SlotValue] = ["time": .time(time), "start": .time(time.start)]
        if let end = time.end { values["end"] = .time(end) }
        return values
    }

    /// `Karen Holst (A, formand)` by the style's `person` template.
    func person(_ person: Person) -> String {
        let details = [person.party, person.role].compactMap { $0 }
        var values: [String: SlotValue] = ["name": .text(person.name), "details": .text(details.joined(separator: ", "))]
        if let party = person.party { values["party"] = .text(party) }
        if let role = person.role { values["role"] = .text(role) }
        return style.phrase(.person, values)
    }

    /// The participants in the order the style asks for.
    func participants(_ people: [Person]) -> [Person] {
        switch style.participantsOrder {
        case .written:
            return people
        case .rolesFirst:
            return people.filter { $0.role != nil } + people.filter { $0.role == nil }
        case .byName:
            // a stable sort by the Danish alphabet (æ, ø, å after z), as a reader looks names up
            return people.enumerated().sorted { ($0.element.name.danishSortKey, $0.offset) < ($1.element.name.danishSortKey, $1.offset) }.map(\.element)
        }
    }

    func people(_ people: [Person]) -> String {
        people.map(person).joined(separator: ", ")
    }

    /// `Anna Hansen og Bo Jensen`, `A, B og C`: the style's word between the last two.
    func names(_ names: [String]) -> String {
        guard let last = names.last, names.count > 1 else { return names.joined() }
        return names.dropLast().joined(separator: ", ") + style.phrase(.lastNameSeparator) + last
    }

    /// `Anna Hansen (A) for Jens Friis Felber`
    func substitution(_ substitution: Substitution) -> String {
        style.phrase(.substitution, ["substitute": .text(person(substitution.substitute)), "replaces": .text(substitution.replaces)])
    }

    func itemHeading(number: Int, title: String, initials: String) -> String {
        style.phrase(.itemHeading, ["number": .text(String(number)), "title": .text(title), "initials": .text(initials)])
    }

    /// A closed item's title as the contents and heading show it: prefixed
    /// when the house style says so, except the neutral title, which says it already.
    func closedItemTitle(_ title: String, marking: ClosedItemMarking) -> String {
        marking == .titlePrefix && title != closedItem ? style.phrase(.closedTitle, ["title": .text(title)]) : title
    }

    /// The note beside a closed item's title, when the title does not already say it is closed.
    func closedItemNote(title: String, marking: ClosedItemMarking) -> String? {
        marking == .note && title != closedItem ? closedItem : nil
    }

    /// A section's heading: the style's label for its kind when it was written with the keyword's own
    /// spelling (`resume:` → "Resumé" in a style that says so), else the heading as written (`Sagsresume`).
    func sectionHeading(_ section: Section) -> String {
        guard let key = StyleTemplate.sectionLabel(for: section.kind), section.heading == HouseStyle.standard[key].source else { return section.heading }
        return style.phrase(key)
    }

    /// `Beslutning i Byrådet den 20-10-2025`; the plain heading when neither is written.
    func decisionHeading(_ heading: String, _ decision: Decision) -> String {
        var values: [String: SlotValue] = ["heading": .text(heading)]
        if let body = decision.decidedBy, !body.isEmpty { values["body"] = .text(body) }
        if let date = decision.date?.value { values["date"] = .date(date) }
        return style.phrase(.decisionHeading, values)
    }

    /// The intro as written; one without the verb gets it, so the points read as a sentence.
    func recommendationIntro(_ recommendation: Recommendation) -> String? {
        let intro = recommendation.intro
        if intro.isEmpty { return nil }
        if intro.lowercased().contains("indstiller") { return intro }
        return style.phrase(.recommendationIntro, ["intro": .text(intro)])
    }

    /// `Protokolbemærkning (Thomas Vedsted (O)):`
    func noteLead(_ note: RecordNote) -> String {
        style.phrase(.noteLead, ["by": .text(note.by)])
    }

    /// `Flertal: A, Æ`, printed only when the position has no statement of its own.
    func positionWithoutStatement(_ position: PartyPosition) -> String {
        style.phrase(.positionWithoutStatement, ["label": .text(positionLabel(position.kind)), "parties": .text(parties(position))])
    }

    /// `Flertal (A, Æ):`, opening the statement as minutes print it; `Flertal:` when no party is written.
    func positionLead(_ position: PartyPosition) -> String {
        style.phrase(.positionLead, ["label": .text(positionLabel(position.kind)), "parties": .text(parties(position))])
    }

    func positionLabel(_ kind: PartyPosition.Kind) -> String {
        style.phrase(kind == .majority ? .majorityLabel : .minorityLabel)
    }

    /// The parties, then the members named beside them (`A, V, Hanne Lund (løsgænger)`).
    func parties(_ position: PartyPosition) -> String {
        (position.parties.map(\.value) + position.members.map(person)).joined(separator: ", ")
    }

    /// `Per Clausen (Ø) var inhabil og deltog ikke i behandlingen af punktet.`
    func conflict(_ conflict: ConflictOfInterest) -> String {
        let people = conflict.people.map(person)
        return style.phrase(people.count > 1 ? .conflictMany : .conflictOne, ["names": .text(names(people))])
    }

    /// `Afstemning om indstillingens punkt 2:`; nothing for sides written without `afstemning:`.
    func voteLead(_ vote: Vote) -> String? {
        guard let subject = vote.subject?.value else { return nil }
        let what = switch subject {
        case .recommendation: style.phrase(.voteOnRecommendation)
        case .point(let number): style.phrase(.voteOnPoint, ["number": .text(String(number))])
        case .proposal(let title): title.isEmpty ? style.phrase(.voteOnProposal) : title
        }
        return style.phrase(.voteLead, ["subject": .text(what)])
    }

    /// (`For:`, `20 (Bo Hilsted (A), Carsten Nielsen (A))`): the votes, then who cast them.
    func voteSide(_ side: VoteSide) -> (label: String, value: String) {
        let label = side.label + ":"
        var named = side.parties.map(\.value) + side.voters.map(person)
        if side.namesElided { named.append("…") }
        let hasNumber = side.count != nil || !side.voters.isEmpty
        let number = hasNumber ? String(side.votes) : ""
        if named.isEmpty { return (label, number) }
        let names = named.joined(separator: ", ")
        return (label, number.isEmpty ? names : "\(number) (\(names))")
    }

    /// `Udfald 1: godkendt`
    func outcome(_ outcome: PointOutcome) -> String {
        style.phrase(.outcome, ["point": .text(outcome.point.map(String.init) ?? ""), "outcome": .text(outcome.outcome)])
    }

    /// `Byrådet den 30-09-2025, punkt 4: Godkendt`, or the line as written when it has no date.
    func treatment(_ treatment: Treatment) -> String {
        guard let date = treatment.date else { return treatment.text }
        return style.phrase(.treatment, ["body": .text(treatment.body), "date": .date(date),
                                         "number": .text(treatment.itemNumber.map(String.init) ?? ""),
                                         "outcome": .text(treatment.outcome ?? "")])
    }

    /// Printed after an attachment's title: `Bilag (ikke offentlig)`.
    func attachmentNote(_ attachment: Attachment) -> String? {
        attachment.isPublic ? nil : style.phrase(.notPublicAttachment)
    }

    /// Absent for a decision (`absentees`) or, written as the item's field, for the item (`itemAbsentees`).
    func absentees(_ people: [Person], forItem: Bool = false) -> String {
        style.phrase(forItem ? .itemAbsentees : .absentees, ["names": .text(names(people.map(person))), "list": .text(self.people(people))])
    }

    /// `Sagsnr.: 21/24526`; a seed's style prints the number alone.
    func caseNumberLine(_ number: String) -> String {
        style.phrase(.caseNumberLine, ["label": .text(caseNumber), "number": .text(number)])
    }

    func substitutes(_ substitutions: [Substitution]) -> String {
        style.phrase(.substitutes, ["names": .text(substitutions.map(substitution).joined(separator: ", "))])
    }

    /// The line above the signers: approval by click is stated, a paper sheet needs no words.
    func signatureLead(_ signatures: Signatures, kind: DocumentKind) -> String? {
        guard signatures.digital else { return nil }
        return style.phrase(kind == .minutes ? .signedDigitally : .toBeSignedDigitally)
    }

    /// `BIU` for "Beskæftigelses- og Integrationsudvalget": the capitals of its words, and of the parts a hyphen joins.
    static func initials(_ committee: String?) -> String {
        guard let committee else { return "" }
        var result = ""
        var atWordStart = true
        for character in committee {
            if character == " " || character == "-" || character == "/" { atWordStart = true; continue }
            if atWordStart, character.isUppercase { result.append(character) }
            atWordStart = false
        }
        return result
    }
}

extension String {
    /// Sorts names as Danish does: case-insensitive, with æ, ø, å (and ä, ö, aa read as å) after z.
    var danishSortKey: String {
        // `{`, `|`, `}` follow `z` in Unicode's order, as æ, ø, å follow it in Danish
        String(String.UnicodeScalarView(lowercased().unicodeScalars.map { scalar -> Unicode.Scalar in
            switch scalar {
            case "æ", "ä": "{"
            case "ø", "ö": "|"
            case "å": "}"
            default: scalar
            }
        }))
    }
}
