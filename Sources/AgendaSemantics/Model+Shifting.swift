import AgendaBase
import AgendaSyntax

/// Moving a lowered item or signature sheet by a number of bytes, for a
/// segment an edit above it moved without changing it (`IncrementalAnalysis`
/// keeps its model rather than lowering it again). Every range moves; prose
/// kept as syntax reads the new text, where the same bytes now stand.
/// Blocks nest as deep as lists may (`ListSyntax.maximumDepth`), so the walk is bounded.
extension Item {
    /// The item without its text: prose kept as syntax holds no source, so a
    /// kept model holds no old version of the document alive. Only
    /// `attached(to:movedBy:)` makes it whole again.
    func detached() -> Item {
        guard hasProseSyntax else { return self }
        var detached = self
        detached.sections = sections.map { section in
            guard case .prose(let prose) = section.content, !prose.syntax.isEmpty else { return section }
            var section = section
            section.content = .prose(ProseBlocks(source: ProseBlocks.noText, leading: prose.leading, syntax: prose.syntax))
            return section
        }
        return detached
    }

    private var hasProseSyntax: Bool {
        sections.contains { section in
            if case .prose(let prose) = section.content { return !prose.syntax.isEmpty }
            return false
        }
    }

    /// The detached item in `source`, where its bytes now stand `delta` further on.
    func attached(to source: SourceText, movedBy delta: Int) -> Item {
        guard delta != 0 else {
            guard hasProseSyntax else { return self }
            var attached = self
            attached.sections = sections.map { section in
                guard case .prose(let prose) = section.content, !prose.syntax.isEmpty else { return section }
                var section = section
                section.content = .prose(ProseBlocks(source: source, leading: prose.leading, syntax: prose.syntax))
                return section
            }
            return attached
        }
        var moved = self
        moved.titleRange = titleRange.shifted(by: delta)
        moved.headerRange = headerRange.shifted(by: delta)
        moved.range = range.shifted(by: delta)
        moved.caseNumber = caseNumber?.shifted(by: delta)
        moved.publicTitle = publicTitle?.shifted(by: delta)
        moved.confidentialDecision = confidentialDecision?.shifted(by: delta)
        moved.noDecisionFlagRange = noDecisionFlagRange?.shifted(by: delta)
        moved.distribution = distribution.map { code in
            var code = code
            code.range = code.range.shifted(by: delta)
            return code
        }
        moved.distributionRange = distributionRange?.shifted(by: delta)
        moved.caseworker = caseworker?.shifted(by: delta)
        moved.otherCaseworkers = otherCaseworkers?.shifted(by: delta)
        moved.duration = duration?.shifted(by: delta)
        moved.finalAuthority = finalAuthority.map { authority in
            var authority = authority
            authority.range = authority.range.shifted(by: delta)
            return authority
        }
        moved.absentees = absentees.map { $0.shifted(by: delta) }
        moved.conflicts = conflicts.map { $0.shifted(by: delta) }
        moved.sections = sections.map { $0.shifted(by: delta, source: source) }
        return moved
    }
}

extension Signatures {
    func shifted(by delta: Int) -> Signatures {
        Signatures(digital: digital, signers: signers.map { $0.shifted(by: delta) }, range: range.shifted(by: delta))
    }
}

extension Located {
    func shifted(by delta: Int) -> Located { Located(value, range.shifted(by: delta)) }
}

extension Person {
    func shifted(by delta: Int) -> Person { Person(name: name, party: party, role: role, range: range.shifted(by: delta)) }
}

extension Substitution {
    func shifted(by delta: Int) -> Substitution {
        Substitution(substitute: substitute.shifted(by: delta), replaces: replaces, range: range.shifted(by: delta))
    }
}

extension Section {
    func shifted(by delta: Int, source: SourceText) -> Section {
        var moved = self
        moved.range = range.shifted(by: delta)
        switch content {
        case .prose(let prose): moved.content = .prose(prose.shifted(by: delta, source: source))
        case .recommendation(let recommendation): moved.content = .recommendation(recommendation.shifted(by: delta))
        case .decision(let decision): moved.content = .decision(decision.shifted(by: delta))
        case .attachments(let attachments):
            moved.content = .attachments(attachments.map { attachment in
                var attachment = attachment
                attachment.file = attachment.file?.shifted(by: delta)
                attachment.range = attachment.range.shifted(by: delta)
                return attachment
            })
        case .history(let treatments):
            moved.content = .history(treatments.map { treatment in
                var treatment = treatment
                treatment.range = treatment.range.shifted(by: delta)
                return treatment
            })
        }
        return moved
    }
}

extension ProseBlocks {
    static let noText = SourceText(bytes: [])

    /// The same prose in `source`, where its bytes now stand `delta` further on.
    func shifted(by delta: Int, source: SourceText) -> ProseBlocks {
        ProseBlocks(source: syntax.isEmpty ? self.source : source, leading: leading.map { $0.shifted(by: delta) },
                    syntax: syntax.map { $0.shifted(by: delta) })
    }
}

extension Block {
    func shifted(by delta: Int) -> Block {
        switch self {
        case .paragraph(let inlines, let range): .paragraph(inlines, range: range.shifted(by: delta))
        case .heading(let text, let level, let range): .heading(text, level: level, range: range.shifted(by: delta))
        case .list(let list):
            .list(ListBlock(ordered: list.ordered, entries: list.entries.map { entry in
                ListEntry(marker: entry.marker, text: entry.text, children: entry.children.map { $0.shifted(by: delta) },
                          range: entry.range.shifted(by: delta))
            }, range: list.range.shifted(by: delta)))
        case .table(let table):
            .table(TableBlock(rows: table.rows, hasHeader: table.hasHeader, alignments: table.alignments,
                              hasTotalRow: table.hasTotalRow, range: table.range.shifted(by: delta)))
        }
    }
}

extension Recommendation {
    func shifted(by delta: Int) -> Recommendation {
        var moved = self
        moved.points = points.map { point in
            var point = point
            point.range = point.range.shifted(by: delta)
            return point
        }
        moved.blocks = blocks.map { $0.shifted(by: delta) }
        moved.range = range.shifted(by: delta)
        return moved
    }
}

extension Decision {
    func shifted(by delta: Int) -> Decision {
        Decision(decidedBy: decidedBy, date: date?.shifted(by: delta), parts: parts.map { $0.shifted(by: delta) }, range: range.shifted(by: delta))
    }
}

extension DecisionPart {
    func shifted(by delta: Int) -> DecisionPart {
        switch self {
        case .text(let blocks): return .text(blocks.map { $0.shifted(by: delta) })
        case .position(var position):
            position.parties = position.parties.map { $0.shifted(by: delta) }
            position.members = position.members.map { $0.shifted(by: delta) }
            position.statement = position.statement.map { $0.shifted(by: delta) }
            position.range = position.range.shifted(by: delta)
            return .position(position)
        case .note(var note):
            note.text = note.text.map { $0.shifted(by: delta) }
            note.range = note.range.shifted(by: delta)
            return .note(note)
        case .outcome(var outcome):
            outcome.range = outcome.range.shifted(by: delta)
            return .outcome(outcome)
        case .substitutes(let substitutes):
            return .substitutes(Located(substitutes.value.map { $0.shifted(by: delta) }, substitutes.range.shifted(by: delta)))
        case .absentees(let people):
            return .absentees(Located(people.value.map { $0.shifted(by: delta) }, people.range.shifted(by: delta)))
        case .vote(var vote):
            vote.subject = vote.subject?.shifted(by: delta)
            vote.proposalText = vote.proposalText.map { $0.shifted(by: delta) }
            vote.sides = vote.sides.map { side in
                var side = side
                side.count = side.count?.shifted(by: delta)
                side.voters = side.voters.map { $0.shifted(by: delta) }
                side.parties = side.parties.map { $0.shifted(by: delta) }
                side.reasons = side.reasons.map { $0.shifted(by: delta) }
                side.range = side.range.shifted(by: delta)
                return side
            }
            vote.range = vote.range.shifted(by: delta)
            return .vote(vote)
        case .conflict(let conflict):
            return .conflict(conflict.shifted(by: delta))
        }
    }
}

extension ConflictOfInterest {
    func shifted(by delta: Int) -> ConflictOfInterest {
        var moved = self
        moved.people = people.map { $0.shifted(by: delta) }
        moved.reason = reason.map { $0.shifted(by: delta) }
        moved.range = range.shifted(by: delta)
        return moved
    }
}
