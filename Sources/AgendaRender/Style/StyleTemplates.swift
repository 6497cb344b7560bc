import AgendaSemantics
import AgendaSyntax

/// Every template a house style sets: its key in the style file, the slots it
/// may use, its neutral Danish default, and what it prints. The one table the
/// renderers, the style file's checks, `agendac style --print` and the
/// published schema (`docs/style.schema.json`) read. Labels default to the
/// keyword table's, so a keyword and its printed label stay one fact.
public enum StyleTemplate: String, CaseIterable, Sendable {
    // The title and the header block.
    case municipalityLine, title, agendaWord, minutesWord, headerFact
    case meetingLabel, meetingDateLabel, meetingDate, timeLabel, meetingTime
    case startLabel, meetingStart, endLabel, meetingEnd
    case placeLabel, participantsLabel, absentLabel, substitutesLabel
    case person, substitution
    // The contents list.
    case contentsHeading, contentsEntry
    // The item.
    case itemHeading, closedItem, closedTitle, caseNumberLabel, caseNumberLine, distributionLabel
    case publicTitleLabel, confidentialDecisionLabel, confidentialDecision
    case caseworkerLabel, otherCaseworkersLabel, durationLabel, durationLine
    // Sections and the decision.
    case summaryLabel, presentationLabel, economyLabel, procedureLabel, recommendationLabel, decisionLabel, historyLabel, attachmentsLabel
    case decisionHeading, recommendationIntro, noteLead
    case majorityLabel, minorityLabel, positionWithoutStatement, positionLead
    case conflictOne, conflictMany, lastNameSeparator
    case voteLead, voteOnRecommendation, voteOnPoint, voteOnProposal
    case outcome, treatment, notPublicAttachment, attachmentWithNote
    case absentees, itemAbsentees, substitutes
    // The signature sheet.
    case signaturesHeading, signedDigitally, toBeSignedDigitally

    /// The slots the template may use; any other is reported (AG602).
    public var slots: [String] {
        switch self {
        case .municipalityLine: ["municipality"]
        case .title: ["kind", "committee", "date", "municipality"]
        case .headerFact: ["label", "value"]
        case .meetingDate: ["date", "time", "start", "end"]
        case .meetingTime: ["time", "start", "end"]
        case .meetingStart: ["start"]
        case .meetingEnd: ["end"]
        case .person: ["name", "party", "role", "details"]
        case .substitution: ["substitute", "replaces"]
        case .contentsEntry: ["number", "title", "page"]
        case .caseNumberLine: ["label", "number"]
        case .itemHeading: ["number", "title", "initials"]
        case .closedTitle: ["title"]
        case .durationLine: ["duration"]
        case .decisionHeading: ["heading", "body", "date"]
        case .recommendationIntro: ["intro"]
        case .noteLead: ["by"]
        case .positionWithoutStatement, .positionLead: ["label", "parties"]
        case .conflictOne, .conflictMany: ["names"]
        case .voteLead: ["subject"]
        case .voteOnPoint: ["number"]
        case .outcome: ["point", "outcome"]
        case .treatment: ["body", "date", "number", "outcome"]
        case .attachmentWithNote: ["title", "note"]
        case .absentees, .itemAbsentees: ["names", "list"]
        case .substitutes: ["names"]
        default: []
        }
    }

    /// Slots that hold a date, so they take a form (`{date:long}`).
    public var dateSlots: Set<String> {
        switch self {
        case .title, .meetingDate, .decisionHeading, .treatment: ["date"]
        default: []
        }
    }

    /// Slots that hold a time of day, so they take a form (`{time:colon}`).
    public var timeSlots: Set<String> {
        switch self {
        case .meetingDate, .meetingTime: ["time", "start", "end"]
        case .meetingStart: ["start"]
        case .meetingEnd: ["end"]
        default: []
        }
    }

    /// The forms a slot of this template takes after a colon (`date:long`), in the order completion offers them.
    public func forms(of slot: String) -> [String] {
        if dateSlots.contains(slot) { return Template.DateForm.allCases.map(\.rawValue) + ["Weekday", "Long"] }
        if timeSlots.contains(slot) { return Template.TimeForm.allCases.map(\.rawValue) }
        return []
    }

    /// The neutral default: plain Danish, no one municipality's quirks.
    public var standard: String {
        switch self {
        case .municipalityLine: "{municipality}"
        case .title: "{kind}"
        case .agendaWord: "Dagsorden"
        case .minutesWord: "Referat"
        case .headerFact: "[{label}: ]{value}"
        case .meetingLabel: ""
        case .meetingDateLabel: Keyword.date.label
        case .meetingDate: "{date:long}[ kl. {time}]"
        case .timeLabel: Keyword.time.label
        case .meetingTime: "kl. {time}"
        case .startLabel: "Mødestart"
        case .meetingStart: "kl. {start}"
        case .endLabel: "Mødeslut"
        case .meetingEnd: "kl. {end}"
        case .placeLabel: Keyword.place.label
        case .participantsLabel: Keyword.participants.label
        case .absentLabel: Keyword.absent.label
        case .substitutesLabel: Keyword.substitutes.label
        case .person: "{name}[ ({details})]"
        case .substitution: "{substitute} for {replaces}"
        case .contentsHeading: "Indholdsfortegnelse"
        case .contentsEntry: "[{number}. ]{title}"
        case .itemHeading: "{number}. {title}"
        case .closedItem: "Lukket punkt"
        case .closedTitle: "Lukket: {title}"
        case .caseNumberLabel: "Sagsnr."
        case .caseNumberLine: "{label}: {number}"
        case .distributionLabel: Keyword.distribution.label
        case .publicTitleLabel: Keyword.publicTitle.label
        case .confidentialDecisionLabel: Keyword.confidentialDecision.label
        case .confidentialDecision: "beslutningen offentliggøres ikke"
        case .caseworkerLabel: Keyword.caseworker.label
        case .otherCaseworkersLabel: Keyword.otherCaseworkers.label
        case .durationLabel: Keyword.duration.label
        case .durationLine: "Forventet behandlingstid: {duration}"
        case .summaryLabel: Keyword.summary.label
        case .presentationLabel: Keyword.presentation.label
        case .economyLabel: Keyword.economy.label
        case .procedureLabel: Keyword.procedure.label
        case .recommendationLabel: Keyword.recommendation.label
        case .decisionLabel: Keyword.decision.label
        case .historyLabel: Keyword.history.label
        case .attachmentsLabel: Keyword.attachments.label
        case .decisionHeading: "{heading}[ i {body}][ den {date:text}]"
        case .recommendationIntro: "{intro} indstiller, at"
        case .noteLead: "\(Keyword.noteForTheRecord.label)[ ({by})]:"
        case .majorityLabel: Keyword.majority.label
        case .minorityLabel: Keyword.minority.label
        case .positionWithoutStatement: "{label}: {parties}"
        case .positionLead: "{label}[ ({parties})]:"
        case .conflictOne: "{names} var inhabil og deltog ikke i behandlingen af punktet."
        case .conflictMany: "{names} var inhabile og deltog ikke i behandlingen af punktet."
        case .lastNameSeparator: " og "
        case .voteLead: "\(Keyword.vote.label) om {subject}:"
        case .voteOnRecommendation: "indstillingen"
        case .voteOnPoint: "indstillingens punkt {number}"
        case .voteOnProposal: "forslaget"
        case .outcome: "\(Keyword.outcome.label)[ {point}]: {outcome}"
        case .treatment: "[{body} ]den {date:text}[, \(Keyword.item.canonical) {number}][: {outcome}]"
        case .notPublicAttachment: "ikke offentlig"
        case .attachmentWithNote: "{title} ({note})"
        case .absentees, .itemAbsentees: "\(Keyword.absent.label): {list}"
        case .substitutes: "\(Keyword.substitute.label): {names}"
        case .signaturesHeading: Keyword.signatures.label
        case .signedDigitally: "Godkendt digitalt af:"
        case .toBeSignedDigitally: "Godkendes digitalt af:"
        }
    }

    /// The label a section of this kind prints as its heading, when written with the keyword's own spelling.
    public static func sectionLabel(for kind: SectionKind) -> StyleTemplate? {
        switch kind {
        case .summary: .summaryLabel
        case .presentation: .presentationLabel
        case .economy: .economyLabel
        case .procedure: .procedureLabel
        case .recommendation: .recommendationLabel
        case .decision: .decisionLabel
        case .history: .historyLabel
        case .attachments: .attachmentsLabel
        case .custom, .publicDecision, .untitled: nil
        }
    }

    /// What the template prints, for hover in the style file and the schema.
    public var help: String {
        switch self {
        case .municipalityLine: "The line above the title naming the municipality; empty leaves it out."
        case .title: "The document's title line: `{kind}` is agendaWord or minutesWord."
        case .agendaWord: "The word an agenda's title opens with."
        case .minutesWord: "The word the minutes' title opens with."
        case .headerFact: "One fact of the header block in text and Markdown: its label and value (HTML lists them in a table)."
        case .meetingLabel: "The label of the meeting (the committee) in the header; empty prints the name alone."
        case .meetingDateLabel: "The label of the meeting's date and time in the header."
        case .meetingDate: "The meeting's date and time in the header: `{time}` is the time as written (\"15.00-17.30\"), `{start}` and `{end}` its start and end alone."
        case .timeLabel: "The label of the meeting's time, when the header prints it as a fact of its own (`header.facts` has \"time\")."
        case .meetingTime: "The meeting's time as a fact of its own: `{time}` as written, `{start}` and `{end}` its start and end alone."
        case .startLabel: "The label of the meeting's start, when the header prints the start and the end apart (`header.facts` has \"start\")."
        case .meetingStart: "The meeting's start as a fact of its own (\"Møde start: 09:00\")."
        case .endLabel: "The label of the meeting's end, when the header prints it apart (`header.facts` has \"end\"); left out when no end is written."
        case .meetingEnd: "The meeting's end as a fact of its own (\"Møde slut: 11:15\")."
        case .placeLabel: "The label of the meeting's place."
        case .participantsLabel: "The label of the participants."
        case .absentLabel: "The label of the members absent from the meeting."
        case .substitutesLabel: "The label of the meeting's substitutes."
        case .person: "A person in the header, a list of names or a signature: `{details}` is party and role (\"A, formand\")."
        case .substitution: "One substitute: who stands in for whom."
        case .contentsHeading: "The heading of the contents list."
        case .contentsEntry: "One line of the contents list in plain text; `{number}` is empty when contents.numbers is false. The PDF sets its own dot leader and page number, so it prints the line without `{page}` and without a trailing leader (dots or a tab) and the `{number}` after it."
        case .itemHeading: "An item's heading; `{initials}` are the committee's initials (BIU)."
        case .closedItem: "The mark of a closed item, and its title in the public version when no public title is written."
        case .closedTitle: "A closed item's title when closedItemMarking is \"titlePrefix\"."
        case .caseNumberLabel: "The label of an item's case number."
        case .caseNumberLine: "An item's case number in text and Markdown."
        case .distributionLabel: "The label of an item's distribution codes."
        case .publicTitleLabel: "The label of a closed item's public title."
        case .confidentialDecisionLabel: "The label saying a closed item's decision is confidential."
        case .confidentialDecision: "The value beside confidentialDecisionLabel."
        case .caseworkerLabel: "The label of an item's caseworker."
        case .otherCaseworkersLabel: "The label of an item's other caseworkers."
        case .durationLabel: "The label of an item's duration when printed as a field."
        case .durationLine: "The duration as the first line of the presentation, when `duration` is \"presentation\"."
        case .summaryLabel: "The heading of a `resume:` section (\"Resumé\"); a section written with another spelling (`sagsresume:`) prints that spelling."
        case .presentationLabel: "The heading of a `sagsfremstilling:` section."
        case .economyLabel: "The heading of an `økonomi:` section; `økonomiske forhold:` prints as written."
        case .procedureLabel: "The heading of a `procedure:` section."
        case .recommendationLabel: "The heading of an `indstilling:` section."
        case .decisionLabel: "The word a `beslutning:` section's heading opens with: `{heading}` in decisionHeading."
        case .historyLabel: "The heading of a `sagens gang:` section."
        case .attachmentsLabel: "The heading of a `bilag:` section."
        case .decisionHeading: "The decision's heading: `{heading}` as written (decisionLabel for `beslutning:`), who decided and when."
        case .recommendationIntro: "The recommendation's intro when it does not say \"indstiller\" itself."
        case .noteLead: "Opens a note for the record; `{by}` is who asked for it."
        case .majorityLabel: "The word for a majority."
        case .minorityLabel: "The word for a minority."
        case .positionWithoutStatement: "A majority or minority without a statement of its own."
        case .positionLead: "Opens a majority's or minority's statement; empty prints the statement alone."
        case .conflictOne: "One member who had a conflict of interest."
        case .conflictMany: "Several members who had a conflict of interest."
        case .lastNameSeparator: "Between the last two names of a list of names."
        case .voteLead: "Opens a vote; `{subject}` is one of the three voteOn… phrases."
        case .voteOnRecommendation: "What was voted on: the whole recommendation."
        case .voteOnPoint: "What was voted on: one point of the recommendation."
        case .voteOnProposal: "What was voted on: a proposal without a title."
        case .outcome: "The outcome of the recommendation or one of its points."
        case .treatment: "One earlier treatment of the case."
        case .notPublicAttachment: "The note after an attachment that is not public."
        case .attachmentWithNote: "An attachment with its note, where the output cannot link."
        case .absentees: "Members absent for a decision: `{list}` \"A, B, C\", `{names}` \"A, B og C\"."
        case .itemAbsentees: "Members absent for an item, written as the item's field, at the item's end."
        case .substitutes: "Substitutes for an item or a decision."
        case .signaturesHeading: "The heading of the signature sheet; empty (\"\") prints the sheet without a heading."
        case .signedDigitally: "Above the signers of minutes approved digitally."
        case .toBeSignedDigitally: "Above the signers of an agenda to be approved digitally."
        }
    }
}
