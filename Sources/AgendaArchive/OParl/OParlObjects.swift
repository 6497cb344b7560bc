import AgendaBase
import AgendaSemantics

/// The objects, each as OParl 1.1 describes it: `id` and `type` first,
/// `created` and `modified` last, members without a value left out.
extension OParlBodyExport {
    static func start(_ type: String, id: String) -> JSONObjectBuilder {
        var object = JSONObjectBuilder()
        object.set("id", id)
        object.set("type", OParlExport.typePrefix + type)
        return object
    }

    func bodyObject() -> JSON {
        var object = Self.start("Body", id: url(paths.bodyObject))
        object.set("system", url(OParlPaths.system))
        object.set("name", directory.name)
        object.set("organization", url(paths.list("organizations.json")))
        object.set("person", url(paths.list("people.json")))
        object.set("meeting", url(paths.list("meetings.json")))
        object.set("paper", url(paths.list("papers.json")))
        object.set("legislativeTerm", .array(directory.termStarts.map(termObject)))
        object.set("agendaItem", url(paths.list("agenda-items.json")))
        object.set("consultation", url(paths.list("consultations.json")))
        object.set("file", url(paths.list("files.json")))
        object.set("locationList", url(paths.list("locations.json")))
        object.set("legislativeTermList", url(paths.list("legislative-terms.json")))
        object.set("membership", url(paths.list("memberships.json")))
        bodyStamp.set(on: &object)
        return object.json
    }

    func termObject(_ start: Int) -> JSON {
        var object = Self.start("LegislativeTerm", id: url(paths.legislativeTerm(start)))
        object.set("body", url(paths.bodyObject))
        object.set("name", "\(start)–\(start + 3)")
        object.set("startDate", "\(start)-01-01")
        object.set("endDate", "\(start + 3)-12-31")
        bodyStamp.set(on: &object)
        return object.json
    }

    func committeeObject(_ committee: OParlDirectory.Committee) -> JSON {
        var object = Self.start("Organization", id: url(paths.organization(committee.slug)))
        object.set("body", url(paths.bodyObject))
        object.set("name", committee.name)
        object.setIfNotEmpty("membership", committee.members.compactMap { key in
            directory.person(key).map { JSON.string(url(paths.membership(organization: committee.slug, person: $0.slug))) }
        })
        object.set("meeting", url(paths.organizationList(committee.slug, "meetings.json")))
        object.set("consultation", url(paths.organizationList(committee.slug, "consultations.json")))
        object.set("organizationType", "Gremium")
        stamp(committee.meetings).set(on: &object)
        return object.json
    }

    func partyObject(_ party: OParlDirectory.Party) -> JSON {
        var object = Self.start("Organization", id: url(paths.party(party.slug)))
        object.set("body", url(paths.bodyObject))
        object.set("name", party.name)
        object.setIfNotEmpty("membership", party.members.compactMap { key in
            directory.person(key).map { JSON.string(url(paths.membership(organization: "parti-" + party.slug, person: $0.slug))) }
        })
        object.set("organizationType", "Partei")
        stamp([party.firstMeeting, party.lastMeeting]).set(on: &object)
        return object.json
    }

    /// A person's seats in committees (with the role last written and the
    /// party as `onBehalfOf`) and their party membership, with their paths.
    func membershipObjects(of person: OParlDirectory.PersonEntry) -> [(path: String, object: JSON)] {
        let personStamp = stamp([person.firstMeeting, person.lastMeeting])
        let party = person.party.flatMap(directory.party)
        var result: [(String, JSON)] = []
        for seat in person.committees {
            let path = paths.membership(organization: seat.slug, person: person.slug)
            var object = Self.start("Membership", id: url(path))
            object.set("person", url(paths.person(person.slug)))
            object.set("organization", url(paths.organization(seat.slug)))
            object.set("role", seat.role)
            object.set("onBehalfOf", party.map { url(paths.party($0.slug)) })
            personStamp.set(on: &object)
            result.append((path, object.json))
        }
        if let party {
            let path = paths.membership(organization: "parti-" + party.slug, person: person.slug)
            var object = Self.start("Membership", id: url(path))
            object.set("person", url(paths.person(person.slug)))
            object.set("organization", url(paths.party(party.slug)))
            personStamp.set(on: &object)
            result.append((path, object.json))
        }
        return result
    }

    func personObject(_ person: OParlDirectory.PersonEntry, memberships: [JSON]) -> JSON {
        var object = Self.start("Person", id: url(paths.person(person.slug)))
        object.set("body", url(paths.bodyObject))
        object.set("name", person.name)
        object.setIfNotEmpty("membership", memberships)
        stamp([person.firstMeeting, person.lastMeeting]).set(on: &object)
        return object.json
    }

    func locationObject(_ place: OParlDirectory.Place) -> JSON {
        var object = Self.start("Location", id: url(paths.location(place.slug)))
        object.set("description", place.name)
        object.set("bodies", .array([.string(url(paths.bodyObject))]))
        object.setIfNotEmpty("meetings", place.meetings.map { .string(url(paths.meeting($0))) })
        stamp(place.meetings).set(on: &object)
        return object.json
    }

    func meetingObject(_ meeting: ArchivedMeeting) -> JSON {
        let model = meeting.publicMeeting
        let kept = files[meeting.id] ?? []
        var object = Self.start("Meeting", id: url(paths.meeting(meeting.id)))
        object.set("name", meeting.committee + ", " + meeting.date.danishText)
        object.set("meetingState", meeting.stage.rawValue)
        let hour = meeting.time?.startHour ?? 0, minute = meeting.time?.startMinute ?? 0
        object.set("start", meeting.time == nil ? nil : OParlTime.danish(meeting.date, hour: hour, minute: minute))
        if let end = meeting.time, let endHour = end.endHour, let endMinute = end.endMinute {
            object.set("end", OParlTime.danish(meeting.date, hour: endHour, minute: endMinute))
        }
        if let place = meeting.place.flatMap(directory.place) { object.set("location", locationObject(place)) }
        object.set("organization", .array([.string(url(paths.organization(meeting.id.committeeSlug)))]))
        var seen = Set<String>()
        object.setIfNotEmpty("participant", model.participants.compactMap { person in
            guard let entry = directory.person(OParlDirectory.personKey(person.name)), seen.insert(entry.slug).inserted else { return nil }
            return .string(url(paths.person(entry.slug)))
        })
        // the agenda's PDF is the invitation (the superseded agenda's, once
        // the minutes replaced it), the current minutes' PDF the results
        // protocol; every other file without an item, earlier revisions'
        // files included, is an auxiliary file of the meeting
        let currentPDF = kept.first { $0.version == nil && $0.file.kind == .publicPDF }
        let invitation = meeting.stage == .agenda ? currentPDF : kept.last { $0.version?.isAgenda == true && $0.file.kind == .publicPDF }
        let protocolPDF = meeting.stage == .agenda ? nil : currentPDF
        if let invitation { object.set("invitation", fileObject(invitation)) }
        if let protocolPDF { object.set("resultsProtocol", fileObject(protocolPDF)) }
        let shown = Set([invitation, protocolPDF].compactMap { $0?.file.path })
        object.setIfNotEmpty("auxiliaryFile", kept.filter { !shown.contains($0.file.path) && $0.itemOrders.isEmpty }.map(fileObject))
        object.set("agendaItem", .array(model.items.enumerated().map { agendaItemObject($1, order: $0 + 1, of: meeting) }))
        stamp(meeting.id).set(on: &object)
        object.set("web", kept.first { $0.version == nil && $0.file.kind == .publicHTML }.map { url(OParlPaths.content(URLPath.encode($0.file.path))) })
        return object.json
    }

    func agendaItemObject(_ item: Item, order: Int, of meeting: ArchivedMeeting) -> JSON {
        var object = Self.start("AgendaItem", id: url(paths.agendaItem(meeting.id, order: order)))
        object.set("meeting", url(paths.meeting(meeting.id)))
        object.set("number", String(item.number))
        object.set("order", order)
        object.set("name", item.title)
        object.set("public", !item.closed)
        if caseKey(of: item, order: order, in: meeting) != nil { object.set("consultation", url(paths.consultation(meeting.id, order: order))) }
        let resolution = OParlBodyExport.resolutionText(item)
        object.set("resolutionText", resolution.isEmpty ? nil : resolution)
        object.setIfNotEmpty("auxiliaryFile", (itemFiles[meeting.id]?[order] ?? []).map(fileObject))
        stamp(meeting.id).set(on: &object)
        return object.json
    }

    /// The decision as published: an open item's decision text, a closed item's public decision.
    static func resolutionText(_ item: Item) -> String {
        if let decision = item.decision { return CaseIndex.plainText(decision.text) }
        if let section = item.publicDecision, case .prose(let prose) = section.content { return CaseIndex.plainText(prose.blocks) }
        return ""
    }

    /// The case an item treats: its own case number, else the case a `sagens gang:` line links it to.
    func caseKey(of item: Item, order: Int, in meeting: ArchivedMeeting) -> String? {
        if let written = item.caseNumber?.value { return CaseIndex.key(written) }
        return directory.linkedCase(meeting.id, order: order)
    }

    /// One treatment of a case: nil for an item of no case.
    func consultationObject(_ item: Item, order: Int, of meeting: ArchivedMeeting) -> JSON? {
        guard let key = caseKey(of: item, order: order, in: meeting), let entry = directory.caseEntry(key) else { return nil }
        var object = Self.start("Consultation", id: url(paths.consultation(meeting.id, order: order)))
        object.set("paper", url(paths.paper(entry.slug)))
        object.set("agendaItem", url(paths.agendaItem(meeting.id, order: order)))
        object.set("meeting", url(paths.meeting(meeting.id)))
        object.set("organization", .array([.string(url(paths.organization(meeting.id.committeeSlug)))]))
        if let authority = item.finalAuthority {
            let decidesHere = Slug.make(authority.body) == meeting.id.committeeSlug
            object.set("authoritative", decidesHere)
            object.set("role", authority.sentence)
        }
        if item.caseNumber == nil { object.set("agendac:link", CaseHistory.Link.history.rawValue) }
        stamp(meeting.id).set(on: &object)
        return object.json
    }

    func paperObject(_ entry: OParlDirectory.CaseEntry) -> JSON {
        var object = Self.start("Paper", id: url(paths.paper(entry.slug)))
        object.set("body", url(paths.bodyObject))
        object.set("name", entry.treatments.first?.item.title)
        object.set("reference", entry.treatments.first.flatMap { $0.item.caseNumber?.value.trimmedSpaces } ?? entry.key)
        object.set("date", entry.treatments.first?.meeting.date.iso)
        object.set("consultation", .array(entry.treatments.compactMap { consultationObject($0.item, order: $0.order, of: $0.meeting) }))
        stamp(entry.treatments.map(\.meeting.id)).set(on: &object)
        return object.json
    }

    func fileObject(_ kept: OParlFile) -> JSON {
        var object = Self.start("File", id: url(paths.file(kept.meeting, kept.slug)))
        object.set("name", kept.name)
        object.set("fileName", kept.fileName)
        object.set("mimeType", kept.mimeType)
        object.set("date", kept.meeting.date.iso)
        object.set("size", kept.file.byteCount)
        object.set("sha512Checksum", kept.sha512)
        object.set("accessUrl", url(OParlPaths.content(URLPath.encode(kept.file.path))))
        object.set("meeting", .array([.string(url(paths.meeting(kept.meeting)))]))
        object.setIfNotEmpty("agendaItem", kept.itemOrders.map { .string(url(paths.agendaItem(kept.meeting, order: $0))) })
        object.set("agendac:sha256Checksum", kept.file.sha256)
        stamp(kept.meeting).set(on: &object)
        return object.json
    }
}
