import AgendaSemantics
import AgendaSyntax

/// The public version of a meeting, made once so that every format withholds
/// exactly the same things.
enum PublicVersion {
    static func of(_ meeting: Meeting, style: HouseStyle = .standard) -> Meeting {
        var result = meeting
        let phrases = PrintedPhrases(style)
        result.items = meeting.items.map { publicItem($0, phrases: phrases) }
        return result
    }

    /// A closed item shows only its number, its public title (or the neutral
    /// "Lukket punkt") and its public decision, under the heading "Beslutning";
    /// the model decides what that is (`Item.asPublished`). An open item loses
    /// only the attachments marked not public.
    static func publicItem(_ item: Item, phrases: PrintedPhrases) -> Item {
        guard item.closed else {
            var result = item
            result.sections = item.sections.compactMap(withoutNonPublicAttachments)
            return result
        }
        var result = item.asPublished(untitled: phrases.closedItem)
        for index in result.sections.indices where result.sections[index].kind == .publicDecision {
            result.sections[index].heading = Keyword.decision.label
        }
        return result
    }

    /// Nil when every attachment of the section was withheld: a "Bilag" heading over nothing would say there is something.
    static func withoutNonPublicAttachments(_ section: Section) -> Section? {
        guard case .attachments(let attachments) = section.content else { return section }
        let shown = attachments.filter(\.isPublic)
        if shown.isEmpty && !attachments.isEmpty { return nil }
        var result = section
        result.content = .attachments(shown)
        return result
    }
}
