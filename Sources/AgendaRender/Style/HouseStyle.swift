import AgendaBase
import AgendaPDF
import AgendaSemantics

/// How a municipality prints its agendas and minutes: every phrase as a
/// template, and the layout decisions. The built-in `standard` is neutral
/// Danish; a municipality's style file (`agendac-stil.json`) changes any part
/// of it, key by key. Text, Markdown and HTML read it through `PrintedPhrases`.
public struct HouseStyle: Sendable {
    public var templates: [StyleTemplate: Template]
    /// The contents list: printed at all, and with the items' numbers.
    public var contentsShown = true
    public var contentsNumbers = true
    public var contentsClosedItems: ContentsClosedItems = .marked
    /// Whether the PDF writer puts each item's page beside it (`{page}` in contentsEntry).
    public var contentsPageNumbers = true
    /// The header block's facts, in the order printed.
    public var headerFacts: [HeaderFact] = HeaderFact.standard
    public var participantsOrder: ParticipantsOrder = .written
    /// Nil: as the document says (`Meeting.closedItemMarking`).
    public var closedItemMarking: ClosedItemMarking?
    public var duration: DurationPlacement = .field
    public var sectionOrder: SectionOrder = .written
    public var lineBreaks: LineBreaks = .joined
    public var html = HTMLOptions()

    /// A fact the header block may print.
    public enum HeaderFact: String, Sendable, CaseIterable {
        /// The meeting (the committee), by meetingLabel.
        case meeting
        /// The date, and the time with it, by meetingDate.
        case date
        /// The time alone, by meetingTime.
        case time
        /// The start alone, by startLabel and meetingStart; the end alone, by endLabel and meetingEnd.
        case start, end
        case place, participants, absentees, substitutes

        public static let standard: [HeaderFact] = [.meeting, .date, .place, .participants, .absentees, .substitutes]
    }

    /// The order of the participants in the header.
    public enum ParticipantsOrder: String, Sendable, CaseIterable {
        /// As the document lists them.
        case written
        /// Those with a role (formand, næstformand, …) first, in written order, then the others.
        case rolesFirst
        /// By name, alphabetically (Danish: æ, ø, å last).
        case byName
    }

    /// How a closed item shows in the contents list.
    public enum ContentsClosedItems: String, Sendable, CaseIterable {
        /// As its heading shows it (closedItemMarking).
        case marked
        /// By its public title, as the public version shows it.
        case publicTitle
        /// Not at all.
        case hidden
    }

    /// What a line break inside a written paragraph or list entry prints as.
    public enum LineBreaks: String, Sendable, CaseIterable {
        /// A space: the paragraph flows (a line break in the source is a soft wrap).
        case joined
        /// A line break, so the printed lines are the lines the secretary wrote (or copied from a PDF).
        case asWritten
    }

    /// Where an item's duration prints.
    public enum DurationPlacement: String, Sendable, CaseIterable {
        /// Among the item's fields (`Varighed: 45 min`).
        case field
        /// As the first line of the presentation (`Sagsfremstilling`), by `durationLine`.
        case presentation
    }

    /// The order of an item's sections.
    public enum SectionOrder: String, Sendable, CaseIterable {
        /// As the document writes them.
        case written
        /// Sagens gang, resume, sagsfremstilling, økonomi, procedure, other sections, indstilling, beslutning, bilag;
        /// sections of one kind keep their written order.
        case fixed

        static let fixedRanks: [SectionKind: Int] = [
            .history: 0, .summary: 1, .presentation: 2, .economy: 3, .procedure: 4, .custom: 5, .untitled: 5,
            .recommendation: 6, .decision: 7, .publicDecision: 8, .attachments: 9,
        ]

        static func rank(_ kind: SectionKind) -> Int { fixedRanks[kind] ?? 5 }
    }

    /// The page's look in HTML and the PDF writer; nil keeps the built-in sheet's choice.
    public struct HTMLOptions: Sendable, Hashable {
        public var font: String?
        public var headingFont: String?
        /// The body text's size (`11pt`); headings scale from it.
        public var fontSize: String?
        public var textColor: String?
        public var accentColor: String?
        /// A logo file, relative to the style file (resolved when the style is read).
        public var logo: String?
        /// The logo's image, read and checked when the style is loaded with files (`StyleFile.read(_:folder:files:)`,
        /// as the command line does); nil in the editor, which reads no file it was not given.
        public var logoImage: RasterImage?
        public var pageSize: String?
        public var margins: String?
        /// Whether each item starts on a new page when printed.
        public var newPagePerItem = false
        /// Running header and footer on printed pages (`@page` margin boxes).
        public var header: String?
        public var footer: String?
        public init() {}
    }

    public static let standard = HouseStyle()

    public init() {
        templates = Dictionary(uniqueKeysWithValues: StyleTemplate.allCases.map { ($0, Template(known: $0.standard)) })
    }

    public subscript(_ key: StyleTemplate) -> Template {
        templates[key] ?? Template(known: key.standard)
    }

    /// `style.phrase(.itemHeading, ["number": "3", "title": "Budget"])`
    public func phrase(_ key: StyleTemplate, _ values: [String: SlotValue] = [:]) -> String {
        self[key].render(values)
    }
}
