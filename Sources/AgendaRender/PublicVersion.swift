import AgendaSemantics

/// The public version of a meeting, made once so that every format withholds
/// exactly the same things.
enum PublicVersion {
    static func of(_ meeting: Meeting) -> Meeting {
        var result = meeting
        result.items = meeting.items.map(publicItem)
        return result
    }

    /// A closed item keeps what identifies it on the agenda (number, title, the
    /// closed flag); everything else may be confidential. An open item loses
    /// only the attachments marked not public.
    static func publicItem(_ item: Item) -> Item {
        var result = item
        guard item.closed else {
            result.sections = item.sections.compactMap(withoutNonPublicAttachments)
            return result
        }
        result.caseNumber = nil
        result.distribution = []
        result.distributionRange = nil
        result.caseworker = nil
        result.otherCaseworkers = nil
        result.duration = nil
        result.finalAuthority = nil
        result.absentees = []
        // whether the item had a decision is decided before its sections go
        result.markedWithoutDecision = item.isWithoutDecision
        result.conflicts = []
        result.sections = []
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
