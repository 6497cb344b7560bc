import AgendaSemantics
import AgendaSyntax

/// The printed document in reading order, decided once: what is printed, in
/// which order, under which heading. The text, Markdown and HTML renderers only
/// choose how to write each part, so the three always agree on content.
struct PrintedDocument {
    /// The house style's phrases, for the few words a renderer prints itself (the contents heading).
    var phrases: PrintedPhrases
    var municipality: String?
    var title: String
    /// `Mødedato`, `Mødested`, … (label, value), in the order the house style lists them; an empty label prints the value alone.
    var facts: [(label: String, value: String)]
    /// Text before the first item that no field owns (kept, never dropped).
    var preamble: [Block]
    var items: [PrintedItem]
    /// The contents list's heading, or nil when the style prints no contents list.
    var contentsHeading: String?
    /// The contents list's entries: every item, closed ones as the style shows them (or not at all).
    var contents: [ContentsEntry]
    /// One line an entry in the plain-text contents list.
    var contentsLines: [String]
    /// The same lines without the template's page column (`{page}`, a leader and what follows it),
    /// for the PDF, which sets its own dot leader and page number beside them.
    var contentsLinesWithoutPages: [String]
    var signatures: PrintedSignatures?
}

struct ContentsEntry {
    var anchor: String
    var number: Int
    /// The title as the contents shows it, and the item's heading with that title.
    var title: String
    var heading: String
    /// "Lukket punkt" beside a closed item's title, when the style marks it so.
    var note: String?
}

struct PrintedItem {
    var number: Int
    /// Unique within the document (`punkt-3`, `punkt-3-2` for a repeated number).
    var anchor: String
    var title: String
    var heading: String
    var closed: Bool
    /// "Lukket punkt" beside the title in the contents and under the heading, when the house style marks closed items so.
    var closedNote: String?
    var caseNumber: String?
    var caseNumberLabel: String
    /// `Sagsnr.: 21/24526`, or the number alone, as the style words it for text and Markdown.
    var caseNumberLine: String?
    var distribution: [DistributionCode]
    var distributionLabel: String
    /// `Sagsbehandler`, `Øvrige sagsbehandlere`, `Varighed` (label, value).
    var facts: [(label: String, value: String)]
    /// Conflicts of interest written as item fields (those in the decision print with it).
    var conflicts: [PrintedContent]
    var sections: [PrintedSection]
    /// Members absent for the item, written as an item field (those written in
    /// the decision are printed with the decision).
    var absentees: String?
}

struct PrintedSection {
    /// `summary`, `decision`, …: the HTML class, and what the Markdown renderer may look at.
    var kind: SectionKind
    /// Empty for text that stood where no section opened.
    var heading: String
    var content: [PrintedContent]
}

enum PrintedContent {
    /// Prose as written: paragraphs, sub-headings, lists, tables.
    case blocks([Block])
    /// A sentence of ours: the final authority, the recommendation's intro, an outcome.
    case sentence(String, role: SentenceRole)
    case points([RecommendationPoint])
    /// A majority's or minority's statement, led by who holds it (`Flertal (A, V):`).
    case statement(PartyPosition.Kind, lead: String, [Block])
    /// A note for the record: its lead (`Protokolbemærkning (…):`) and text.
    case note(lead: String, [Block])
    /// One line each: earlier treatments.
    case entries([String], role: EntryRole)
    /// One line each, linked to its file where it has one.
    case attachments([PrintedAttachment])
    /// A vote: what was voted on, the proposal's text, then each side with its reasons.
    case vote(PrintedVote)
    /// `… var inhabil og deltog ikke i behandlingen af punktet.` and the reason.
    case conflict(sentence: String, reason: [Block])
}

struct PrintedVote {
    var lead: String?
    var proposal: [Block]
    var sides: [PrintedVoteSide]

    init(_ vote: Vote, phrases: PrintedPhrases) {
        lead = phrases.voteLead(vote)
        proposal = phrases.prose(vote.proposalText)
        sides = vote.sides.map { side in
            let (label, value) = phrases.voteSide(side)
            return PrintedVoteSide(kind: side.kind, label: label, value: value, reasons: phrases.prose(side.reasons))
        }
    }
}

struct PrintedVoteSide {
    var kind: VoteSide.Kind
    /// `For:`
    var label: String
    /// `20 (Bo Hilsted (A), …)`
    var value: String
    var reasons: [Block]

    var line: String { value.isEmpty ? label : "\(label) \(value)" }
}

struct PrintedAttachment {
    var title: String
    /// `ikke offentlig`, printed after the title.
    var note: String?
    /// The file, relative to the page; nil when there is none to link.
    var link: String?

    /// `Titel (ikke offentlig)`, for output that cannot link.
    var text: String { note.map { "\(title) (\($0))" } ?? title }
}

enum SentenceRole: String {
    case finalAuthority = "final-authority"
    case recommendationIntro = "recommendation-intro"
    case position
    case outcome
    case substitutes
    case absentees
    /// The item's duration, when the style prints it as the presentation's first line.
    case duration
}

enum EntryRole: String {
    case history
}

struct PrintedSignatures {
    var heading: String
    var lead: String?
    var signers: [String]
    var digital: Bool
}

extension PrintedDocument {
    init(_ meeting: Meeting, links: AttachmentLinks = AttachmentLinks(), style: HouseStyle = .standard) {
        let phrases = PrintedPhrases(style)
        self.phrases = phrases
        let municipalityLine = meeting.municipality.map { style.phrase(.municipalityLine, ["municipality": .text($0.value)]) }
        municipality = municipalityLine?.isEmpty == false ? municipalityLine : nil
        title = phrases.title(meeting)
        facts = style.headerFacts.compactMap { PrintedDocument.fact($0, of: meeting, phrases: phrases) }
        preamble = phrases.prose(meeting.preamble)
        var anchors = AnchorNames()
        let context = PrintedItem.Context(links: links, marking: style.closedItemMarking ?? meeting.closedItemMarking,
                                          initials: PrintedPhrases.initials(meeting.committee?.value), phrases: phrases)
        items = meeting.items.map { PrintedItem($0, anchor: anchors.next(for: $0.number), context: context) }
        contents = zip(meeting.items, items).compactMap { item, printed in
            guard item.closed else { return ContentsEntry(anchor: printed.anchor, number: printed.number, title: printed.title, heading: printed.heading, note: nil) }
            switch style.contentsClosedItems {
            case .marked:
                return ContentsEntry(anchor: printed.anchor, number: printed.number, title: printed.title, heading: printed.heading, note: printed.closedNote)
            case .publicTitle:
                let title = item.publicTitle?.value ?? phrases.closedItem
                return ContentsEntry(anchor: printed.anchor, number: printed.number, title: title,
                                     heading: phrases.itemHeading(number: printed.number, title: title, initials: context.initials), note: nil)
            case .hidden:
                return nil
            }
        }
        contentsHeading = style.contentsShown && !contents.isEmpty ? phrases.tableOfContents : nil
        let entryTemplate = style[.contentsEntry], pagelessTemplate = entryTemplate.withoutPageColumn()
        func values(_ entry: ContentsEntry) -> [String: SlotValue] {
            ["title": .text(entry.title), "number": .text(style.contentsNumbers ? String(entry.number) : "")]
        }
        contentsLines = contents.map { entryTemplate.render(values($0)) }
        contentsLinesWithoutPages = contents.map { pagelessTemplate.render(values($0)) }
        signatures = meeting.signatures.map { signatures in
            PrintedSignatures(heading: phrases.label(.signaturesHeading), lead: phrases.signatureLead(signatures, kind: meeting.kind),
                              signers: signatures.signers.map(phrases.person), digital: signatures.digital)
        }
    }
}

extension PrintedDocument {
    /// One fact of the header block, or nil when the document does not give it.
    static func fact(_ fact: HouseStyle.HeaderFact, of meeting: Meeting, phrases: PrintedPhrases) -> (label: String, value: String)? {
        switch fact {
        case .meeting:
            return meeting.committee.map { (phrases.label(.meetingLabel), $0.value) }
        case .date:
            return phrases.when(meeting).map { (phrases.label(.meetingDateLabel), $0) }
        case .time:
            return phrases.time(meeting).map { (phrases.label(.timeLabel), $0) }
        case .start:
            return phrases.start(meeting).map { (phrases.label(.startLabel), $0) }
        case .end:
            return phrases.end(meeting).map { (phrases.label(.endLabel), $0) }
        case .place:
            return meeting.place.map { (phrases.label(.placeLabel), $0.value) }
        case .participants:
            if meeting.participants.isEmpty { return nil }
            return (phrases.label(.participantsLabel), phrases.people(phrases.participants(meeting.participants)))
        case .absentees:
            return meeting.absentees.isEmpty ? nil : (phrases.label(.absentLabel), phrases.people(meeting.absentees))
        case .substitutes:
            if meeting.substitutes.isEmpty { return nil }
            return (phrases.label(.substitutesLabel), meeting.substitutes.map(phrases.substitution).joined(separator: ", "))
        }
    }
}

/// `punkt-N`, made unique when a number repeats (an error the checker reports, but the page must still link correctly).
struct AnchorNames {
    private var used: [String: Int] = [:]

    mutating func next(for number: Int) -> String {
        let base = "punkt-\(number)"
        let count = (used[base] ?? 0) + 1
        used[base] = count
        return count == 1 ? base : "\(base)-\(count)"
    }
}

extension PrintedItem {
    /// What every item of a document is printed with.
    struct Context {
        var links: AttachmentLinks
        var marking: ClosedItemMarking
        /// The committee's initials, for headings such as `BIU 83. …`.
        var initials: String
        var phrases: PrintedPhrases
    }

    init(_ item: Item, anchor: String, context: Context) {
        let phrases = context.phrases
        let marking = context.marking
        number = item.number
        self.anchor = anchor
        title = item.closed ? phrases.closedItemTitle(item.title, marking: marking) : item.title
        heading = phrases.itemHeading(number: item.number, title: title, initials: context.initials)
        closed = item.closed
        closedNote = item.closed ? phrases.closedItemNote(title: item.title, marking: marking) : nil
        caseNumber = item.caseNumber?.value
        caseNumberLabel = phrases.caseNumber
        caseNumberLine = item.caseNumber.map { phrases.caseNumberLine($0.value) }
        distribution = item.distribution
        distributionLabel = phrases.distributionLabel
        facts = []
        if let publicTitle = item.publicTitle?.value { facts.append((phrases.label(.publicTitleLabel), publicTitle)) }
        if item.confidentialDecision != nil { facts.append((phrases.label(.confidentialDecisionLabel), phrases.confidentialDecision)) }
        if let caseworker = item.caseworker?.value { facts.append((phrases.label(.caseworkerLabel), caseworker)) }
        if let others = item.otherCaseworkers?.value { facts.append((phrases.label(.otherCaseworkersLabel), others)) }
        let conflictsInDecision = Set(item.decision?.conflicts.map(\.range) ?? [])
        conflicts = item.conflicts.filter { !conflictsInDecision.contains($0.range) }.map { PrintedContent($0, phrases: phrases) }
        sections = item.sections.map { PrintedSection($0, links: context.links, phrases: phrases) }
        if phrases.style.sectionOrder == .fixed {
            // a stable sort: sections of one kind keep the order they are written in
            sections = sections.enumerated().sorted {
                (HouseStyle.SectionOrder.rank($0.element.kind), $0.offset) < (HouseStyle.SectionOrder.rank($1.element.kind), $1.offset)
            }.map(\.element)
        }
        if let duration = item.duration?.value {
            let presentation = sections.firstIndex { $0.kind == .presentation }
            if phrases.style.duration == .presentation, let presentation {
                let line = PrintedContent.sentence(phrases.style.phrase(.durationLine, ["duration": .text(duration)]), role: .duration)
                sections[presentation].content.insert(line, at: 0)
            } else {
                facts.append((phrases.label(.durationLabel), duration))
            }
        }
        PrintedItem.placeFinalAuthority(item.finalAuthority, in: &sections)
        let writtenInDecision = Set(item.sections.flatMap { section -> [Range<Int>] in
            if case .decision(let decision) = section.content { return decision.absentees.map(\.range) }
            return []
        })
        let own = item.absentees.filter { !writtenInDecision.contains($0.range) }
        absentees = own.isEmpty ? nil : phrases.absentees(own, forItem: true)
    }

    /// "Sagen afsluttes i …." closes the summary, as in the seeds; without a
    /// summary it closes the first section, and without sections it stands alone.
    static func placeFinalAuthority(_ authority: FinalAuthority?, in sections: inout [PrintedSection]) {
        guard let authority else { return }
        let sentence = PrintedContent.sentence(authority.sentence, role: .finalAuthority)
        if let index = sections.firstIndex(where: { $0.kind == .summary }) ?? sections.indices.first {
            sections[index].content.append(sentence)
        } else {
            sections.append(PrintedSection(kind: .untitled, heading: "", content: [sentence]))
        }
    }
}

extension PrintedSection {
    init(_ section: Section, links: AttachmentLinks, phrases: PrintedPhrases) {
        kind = section.kind
        heading = phrases.sectionHeading(section)
        switch section.content {
        case .prose(let prose):
            let blocks = phrases.prose(prose.blocks)
            content = blocks.isEmpty ? [] : [.blocks(blocks)]
        case .recommendation(let recommendation):
            content = []
            if let intro = phrases.recommendationIntro(recommendation) { content.append(.sentence(intro, role: .recommendationIntro)) }
            if !recommendation.points.isEmpty {
                content.append(.points(recommendation.points.map { point in
                    var printed = point
                    printed.text = phrases.prose(point.text)
                    return printed
                }))
            }
            if !recommendation.blocks.isEmpty { content.append(.blocks(phrases.prose(recommendation.blocks))) }
        case .decision(let decision):
            heading = phrases.decisionHeading(heading, decision)
            content = PrintedSection.decisionContent(decision, phrases: phrases)
        case .attachments(let attachments):
            content = [.attachments(attachments.map { attachment in
                PrintedAttachment(title: attachment.title, note: phrases.attachmentNote(attachment),
                                  link: attachment.file.flatMap { links.target(for: $0.value) })
            })]
        case .history(let treatments):
            content = [.entries(treatments.map(phrases.treatment), role: .history)]
        }
    }

    /// The decision's parts in the order they are written.
    static func decisionContent(_ decision: Decision, phrases: PrintedPhrases) -> [PrintedContent] {
        decision.parts.compactMap { part -> PrintedContent? in
            switch part {
            case .text(let blocks):
                return blocks.isEmpty ? nil : .blocks(phrases.prose(blocks))
            case .position(let position):
                if position.statement.isEmpty { return .sentence(phrases.positionWithoutStatement(position), role: .position) }
                return .statement(position.kind, lead: phrases.positionLead(position), phrases.prose(position.statement))
            case .note(let note):
                return .note(lead: phrases.noteLead(note), phrases.prose(note.text))
            case .outcome(let outcome):
                return .sentence(phrases.outcome(outcome), role: .outcome)
            case .substitutes(let substitutes):
                return substitutes.value.isEmpty ? nil : .sentence(phrases.substitutes(substitutes.value), role: .substitutes)
            case .absentees(let people):
                return people.value.isEmpty ? nil : .sentence(phrases.absentees(people.value), role: .absentees)
            case .vote(let vote):
                return .vote(PrintedVote(vote, phrases: phrases))
            case .conflict(let conflict):
                return PrintedContent(conflict, phrases: phrases)
            }
        }
    }
}

extension PrintedContent {
    init(_ conflict: ConflictOfInterest, phrases: PrintedPhrases) {
        self = .conflict(sentence: phrases.conflict(conflict), reason: phrases.prose(conflict.reason))
    }
}
