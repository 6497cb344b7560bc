import AgendaBase
import AgendaSemantics

/// The meeting as JSON, schema `docs/schema.json` (version below). OParl 1.1
/// names where OParl names the same thing, our own names for the rest. Every
/// key of the schema is always written: absent values are `null`, absent lists `[]`.
enum JSONRenderer {
    /// Bumped by the rules in docs/json-output.md: minor for added fields, major for anything else.
    static let schemaVersion = "1.2"

    static func document(_ meeting: Meeting, options: RenderOptions) -> JSON {
        .object(members(meeting, options: options).map { key, member in
            switch member {
            case .value(let value): (key, value)
            case .elements(let count, let element): (key, .array((0..<count).map(element)))
            }
        })
    }

    /// `document(…).prettyPrinted()` as UTF-8, written an item at a time: the
    /// JSON tree of a whole large meeting is several times the model.
    static func prettyPrinted(_ meeting: Meeting, options: RenderOptions) -> [UInt8] {
        JSON.prettyPrintedObject(members(meeting, options: options))
    }

    private static func members(_ meeting: Meeting, options: RenderOptions) -> [(String, JSON.PrettyMember)] {
        var object = JSONObjectBuilder()
        object.set("schemaVersion", schemaVersion)
        object.set("type", "meeting")
        object.set("kind", meeting.kind.rawValue)
        object.set("publicVersion", options.publicVersion)
        object.set("name", meetingName(meeting))
        object.set("organization", nullable(meeting.committee?.value))
        object.set("municipality", nullable(meeting.municipality?.value))
        object.set("date", nullable(meeting.date?.value.iso))
        object.set("weekday", nullable(meeting.date?.value.danishWeekday))
        object.set("time", nullable(meeting.time?.value.text))
        object.set("start", nullable(dateTime(meeting.date?.value, meeting.time.map { ($0.value.startHour, $0.value.startMinute) })))
        object.set("end", nullable(dateTime(meeting.date?.value, meeting.time.flatMap { time in
            time.value.endHour.flatMap { hour in time.value.endMinute.map { (hour, $0) } }
        })))
        object.set("location", meeting.place.map { JSON.object([("description", .string($0.value))]) } ?? .null)
        object.set("participants", .array(meeting.participants.map(person)))
        object.set("absentees", .array(meeting.absentees.map(person)))
        object.set("substitutes", .array(meeting.substitutes.map(substitution)))
        object.set("preamble", JSONBlocks.blocks(meeting.preamble))
        var members = object.members.map { ($0.0, JSON.PrettyMember.value($0.1)) }
        let items = meeting.items
        members.append(("agendaItem", .elements(count: items.count) { agendaItem(items[$0], order: $0 + 1, options: options) }))
        members.append(("signatures", .value(meeting.signatures.map(signatures) ?? .null)))
        return members
    }

    /// OParl's `name`: the committee and the date, as a person would say it.
    static func meetingName(_ meeting: Meeting) -> String {
        let parts = [meeting.committee?.value, meeting.date.map { $0.value.danishText }].compactMap { $0 }
        return parts.isEmpty ? "Møde" : parts.joined(separator: " ")
    }

    /// `2026-05-04T15:00:00`: local time without a zone, since the document names none.
    static func dateTime(_ date: CalendarDate?, _ clock: (hour: Int, minute: Int)?) -> String? {
        guard let date, let clock else { return nil }
        return "\(date.iso)T\(two(clock.hour)):\(two(clock.minute)):00"
    }

    static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    static func agendaItem(_ item: Item, order: Int, options: RenderOptions) -> JSON {
        var object = JSONObjectBuilder()
        object.set("number", String(item.number))
        object.set("numberWritten", item.numberWritten)
        object.set("order", order)
        object.set("name", item.title)
        object.set("public", !item.closed)
        object.set("contentWithheld", options.publicVersion && item.closed)
        object.set("publicTitle", nullable(item.publicTitle?.value))
        object.set("publicDecision", item.publicDecision.map(sectionBlocks) ?? .null)
        object.set("decisionConfidential", item.confidentialDecision != nil)
        object.set("withoutDecision", item.isWithoutDecision)
        object.set("reference", nullable(item.caseNumber?.value))
        object.set("distribution", .array(item.distribution.map { code in
            .object([("code", .string(code.code)), ("marked", .bool(code.marked))])
        }))
        object.set("caseworker", nullable(item.caseworker?.value))
        object.set("otherCaseworkers", nullable(item.otherCaseworkers?.value))
        object.set("duration", nullable(item.duration?.value))
        object.set("finalAuthority", item.finalAuthority.map { authority in
            .object([("phrase", .string(authority.phrase.rawValue)), ("body", .string(authority.body)), ("sentence", .string(authority.sentence))])
        } ?? .null)
        object.set("absentees", .array(item.absentees.map(person)))
        object.set("conflictsOfInterest", .array(item.conflicts.map(JSONVotes.conflict)))
        object.set("sections", .array(item.sections.map(section)))
        object.set("recommendation", item.recommendation.map(recommendation) ?? .null)
        object.set("decision", item.decision.map(decision) ?? .null)
        object.set("resolutionText", nullable(item.decision.map(resolutionText) ?? publishedResolutionText(item, options: options)))
        object.set("auxiliaryFile", .array(item.attachments.map(attachment)))
        object.set("history", .array(item.history.map(treatment)))
        return object.json
    }

    /// Every section in source order. Prose sections carry their blocks; the
    /// recommendation its extra prose; the others' content is in the item's own
    /// fields (`decision`, `auxiliaryFile`, `history`), so the order is kept without repeating it.
    static func section(_ section: Section) -> JSON {
        .object([("kind", .string(section.kind.rawValue)), ("heading", .string(section.heading)), ("blocks", sectionBlocks(section))])
    }

    static func sectionBlocks(_ section: Section) -> JSON {
        let blocks: [Block] = switch section.content {
        case .prose(let prose): prose.blocks
        case .recommendation(let recommendation): recommendation.blocks
        case .decision, .attachments, .history: []
        }
        return JSONBlocks.blocks(blocks)
    }

    /// The public version of a closed item has no `beslutning:`; what it decided, as far as it may be published, is its public decision.
    static func publishedResolutionText(_ item: Item, options: RenderOptions) -> String? {
        guard options.publicVersion, item.closed, let published = item.publicDecision, case .prose(let prose) = published.content else { return nil }
        return prose.blocks.map(JSONBlocks.plainText).joined(separator: "\n\n")
    }

    static func recommendation(_ recommendation: Recommendation) -> JSON {
        .object([
            ("recommendedBy", nullable(recommendation.recommendedBy)),
            ("intro", .string(recommendation.intro)),
            ("points", .array(recommendation.points.map { point in
                .object([("marker", .string(point.marker)), ("text", .string(point.text.plainText)), ("inlines", JSONBlocks.inlines(point.text))])
            })),
            ("blocks", JSONBlocks.blocks(recommendation.blocks)),
        ])
    }

    static func decision(_ decision: Decision) -> JSON {
        .object([
            ("decidedBy", nullable(decision.decidedBy)),
            ("date", nullable(decision.date?.value.iso)),
            ("parts", .array(decision.parts.map(decisionPart))),
            ("text", JSONBlocks.blocks(decision.text)),
            ("positions", .array(decision.positions.map(position))),
            ("notesForTheRecord", .array(decision.notesForTheRecord.map(note))),
            ("outcomes", .array(decision.outcomes.map(outcome))),
            ("substitutes", .array(decision.substitutes.map(substitution))),
            ("absentees", .array(decision.absentees.map(person))),
            ("votes", .array(decision.votes.map(JSONVotes.vote))),
            ("conflictsOfInterest", .array(decision.conflicts.map(JSONVotes.conflict))),
        ])
    }

    /// One part in written order, whole: a consumer can print the decision from `parts` alone.
    static func decisionPart(_ part: DecisionPart) -> JSON {
        switch part {
        case .text(let blocks): .object([("kind", .string(part.kindName)), ("blocks", JSONBlocks.blocks(blocks))])
        case .position(let value): position(value)
        case .note(let value): .object([("kind", .string(part.kindName))] + noteMembers(value))
        case .outcome(let value): .object([("kind", .string(part.kindName))] + outcomeMembers(value))
        case .substitutes(let value): .object([("kind", .string(part.kindName)), ("substitutes", .array(value.value.map(substitution)))])
        case .absentees(let value): .object([("kind", .string(part.kindName)), ("people", .array(value.value.map(person)))])
        case .vote(let value): .object([("kind", .string(part.kindName))] + JSONVotes.voteMembers(value))
        case .conflict(let value): .object([("kind", .string(part.kindName))] + JSONVotes.conflictMembers(value))
        }
    }

    static func position(_ position: PartyPosition) -> JSON {
        .object([
            ("kind", .string(position.kind.rawValue)),
            ("parties", .array(position.parties.map { .string($0.value) })),
            ("members", .array(position.members.map(person))),
            ("statement", JSONBlocks.blocks(position.statement)),
        ])
    }

    static func note(_ note: RecordNote) -> JSON { .object(noteMembers(note)) }

    static func noteMembers(_ note: RecordNote) -> [(String, JSON)] {
        [("by", .string(note.by)), ("text", JSONBlocks.blocks(note.text))]
    }

    static func outcome(_ outcome: PointOutcome) -> JSON { .object(outcomeMembers(outcome)) }

    static func outcomeMembers(_ outcome: PointOutcome) -> [(String, JSON)] {
        [("point", outcome.point.map(JSON.int) ?? .null), ("outcome", .string(outcome.outcome))]
    }

    /// OParl's `resolutionText`: what was decided, as plain text: the decision's
    /// text and the majority's and minorities' statements in written order, a blank line between paragraphs.
    static func resolutionText(_ decision: Decision) -> String {
        let blocks = decision.parts.flatMap { part -> [Block] in
            switch part {
            case .text(let blocks): blocks
            case .position(let position): position.statement
            default: []
            }
        }
        return blocks.map(JSONBlocks.plainText).joined(separator: "\n\n")
    }

    static func attachment(_ attachment: Attachment) -> JSON {
        .object([("name", .string(attachment.title)), ("fileName", nullable(attachment.file?.value)), ("public", .bool(attachment.isPublic))])
    }

    static func treatment(_ treatment: Treatment) -> JSON {
        .object([
            ("body", .string(treatment.body)),
            ("date", nullable(treatment.date?.iso)),
            ("itemNumber", treatment.itemNumber.map(JSON.int) ?? .null),
            ("outcome", nullable(treatment.outcome)),
            ("text", .string(treatment.text)),
        ])
    }

    static func signatures(_ signatures: Signatures) -> JSON {
        .object([("digital", .bool(signatures.digital)), ("signers", .array(signatures.signers.map(person)))])
    }

    static func person(_ person: Person) -> JSON {
        .object([("name", .string(person.name)), ("party", nullable(person.party)), ("role", nullable(person.role))])
    }

    static func substitution(_ substitution: Substitution) -> JSON {
        .object([("substitute", person(substitution.substitute)), ("replaces", .string(substitution.replaces))])
    }

    static func nullable(_ value: String?) -> JSON {
        value.map(JSON.string) ?? .null
    }
}
