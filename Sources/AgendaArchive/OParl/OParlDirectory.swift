import AgendaBase
import AgendaSemantics

/// Everything one body's OParl objects are made from, gathered in one pass
/// over its meetings (oldest first) from their public models: committees,
/// people and parties with their memberships, places, cases with their
/// treatments, and the legislative terms the meetings fall in.
struct OParlDirectory {
    struct Committee {
        var slug: String
        var name: String
        var meetings: [MeetingID] = []
        /// (meeting, item order) of each treatment of a case in this committee.
        var consultations: [(MeetingID, Int)] = []
        var members: [String] = []  // person keys, first seen first
    }

    struct PersonEntry {
        var key: String
        var name: String
        var slug = ""
        /// Committee slug → role last written (nil when none).
        var committees: [(slug: String, role: String?)] = []
        /// Party key, the last written.
        var party: String?
        /// The first and the last meeting the person is named in.
        var firstMeeting: MeetingID
        var lastMeeting: MeetingID
    }

    struct Party {
        var key: String
        var name: String
        var slug = ""
        var members: [String] = []
        var memberKeys: Set<String> = []
        var firstMeeting: MeetingID
        var lastMeeting: MeetingID
    }

    struct CaseEntry {
        var key: String
        var slug = ""
        var treatments: [(meeting: ArchivedMeeting, order: Int, item: Item)] = []
    }

    struct Place {
        var name: String
        var slug = ""
        var meetings: [MeetingID] = []
    }

    let name: String
    let slug: String
    let meetings: [ArchivedMeeting]
    private(set) var committees: [Committee] = []
    private(set) var people: [PersonEntry] = []
    private(set) var parties: [Party] = []
    private(set) var cases: [CaseEntry] = []
    private(set) var places: [Place] = []
    private(set) var termStarts: [Int] = []
    private var committeeIndex: [String: Int] = [:]
    private var personIndex: [String: Int] = [:]
    private var partyIndex: [String: Int] = [:]
    private var caseIndex: [String: Int] = [:]
    private var placeIndex: [String: Int] = [:]
    private var linkedCases: [LinkKey: String] = [:]

    init(name: String, slug: String, meetings: [ArchivedMeeting]) {
        self.name = name
        self.slug = slug
        self.meetings = meetings
        var terms = Set<Int>()
        for meeting in meetings {
            add(meeting)
            if let start = OParlDirectory.termStart(of: meeting.date) { terms.insert(start) }
        }
        termStarts = terms.sorted()
        addHistoryLinks()
        let personSlugs = SlugTable(people.map { ($0.key, $0.name) })
        for index in people.indices { people[index].slug = personSlugs[people[index].key] }
        let partySlugs = SlugTable(parties.map { ($0.key, $0.name) })
        for index in parties.indices { parties[index].slug = partySlugs[parties[index].key] }
        let caseSlugs = SlugTable(cases.map { ($0.key, $0.key) })
        for index in cases.indices { cases[index].slug = caseSlugs[cases[index].key] }
        let placeSlugs = SlugTable(places.map { (OParlDirectory.placeKey($0.name), $0.name) })
        for index in places.indices { places[index].slug = placeSlugs[OParlDirectory.placeKey(places[index].name)] }
        people.sort { $0.slug < $1.slug }
        parties.sort { $0.slug < $1.slug }
        cases.sort { $0.slug < $1.slug }
        places.sort { $0.slug < $1.slug }
        committees.sort { $0.slug < $1.slug }
        personIndex = Dictionary(uniqueKeysWithValues: people.enumerated().map { ($1.key, $0) })
        partyIndex = Dictionary(uniqueKeysWithValues: parties.enumerated().map { ($1.key, $0) })
        caseIndex = Dictionary(uniqueKeysWithValues: cases.enumerated().map { ($1.key, $0) })
        placeIndex = Dictionary(uniqueKeysWithValues: places.enumerated().map { (OParlDirectory.placeKey($1.name), $0) })
        committeeIndex = Dictionary(uniqueKeysWithValues: committees.enumerated().map { ($1.slug, $0) })
    }

    private mutating func add(_ meeting: ArchivedMeeting) {
        let committeeSlug = meeting.id.committeeSlug
        let position = committeeIndex[committeeSlug] ?? committees.count
        if position == committees.count {
            committees.append(Committee(slug: committeeSlug, name: meeting.committee))
            committeeIndex[committeeSlug] = position
        }
        committees[position].name = meeting.committee  // the latest spelling
        committees[position].meetings.append(meeting.id)
        let model = meeting.publicMeeting
        for person in model.participants + model.absentees {
            addMember(person, committee: committeeSlug, committeePosition: position, meeting: meeting.id)
        }
        for substitution in model.substitutes { _ = addPerson(substitution.substitute, meeting: meeting.id) }
        if let place = meeting.place?.trimmedSpaces, !place.isEmpty {
            let key = OParlDirectory.placeKey(place)
            if let index = placeIndex[key] {
                places[index].meetings.append(meeting.id)
            } else {
                placeIndex[key] = places.count
                places.append(Place(name: place, meetings: [meeting.id]))
            }
        }
        for (offset, item) in model.items.enumerated() {
            guard let written = item.caseNumber?.value else { continue }
            let key = CaseIndex.key(written)
            if let index = caseIndex[key] {
                cases[index].treatments.append((meeting, offset + 1, item))
            } else {
                caseIndex[key] = cases.count
                cases.append(CaseEntry(key: key, treatments: [(meeting, offset + 1, item)]))
            }
            committees[position].consultations.append((meeting.id, offset + 1))
        }
    }

    /// Items a `sagens gang:` line links to a case without carrying a case
    /// number of their own are treatments of that case too, as `archive case`
    /// lists them; each case's treatments then stand in its order.
    private mutating func addHistoryLinks() {
        let history = CaseHistory(ArchiveSnapshot(meetings: meetings))
        var byID: [MeetingID: ArchivedMeeting] = [:]
        for meeting in meetings { byID[meeting.id] = meeting }
        for index in cases.indices {
            let entries = history.entries(ofCase: cases[index].key)
            guard entries.contains(where: { $0.link == .history }) else { continue }
            var ordered: [(meeting: ArchivedMeeting, order: Int, item: Item)] = []
            for entry in entries {
                guard let meeting = byID[entry.treatment.meeting],
                      let offset = meeting.publicMeeting.items.firstIndex(where: { $0.number == entry.treatment.itemNumber }) else { continue }
                let item = meeting.publicMeeting.items[offset]
                if entry.link == .history {
                    // an item of another case keeps its own consultation
                    guard item.caseNumber == nil, linkedCases[LinkKey(meeting: meeting.id, order: offset + 1)] == nil else { continue }
                    linkedCases[LinkKey(meeting: meeting.id, order: offset + 1)] = cases[index].key
                    if let position = committeeIndex[meeting.id.committeeSlug] {
                        committees[position].consultations.append((meeting.id, offset + 1))
                    }
                }
                ordered.append((meeting, offset + 1, item))
            }
            cases[index].treatments = ordered
        }
    }

    struct LinkKey: Hashable {
        var meeting: MeetingID
        var order: Int
    }

    /// The case a `sagens gang:` line links an item without a case number to.
    func linkedCase(_ meeting: MeetingID, order: Int) -> String? { linkedCases[LinkKey(meeting: meeting, order: order)] }

    private mutating func addMember(_ person: Person, committee: String, committeePosition position: Int, meeting: MeetingID) {
        let index = addPerson(person, meeting: meeting)
        let key = people[index].key
        if let seat = people[index].committees.firstIndex(where: { $0.slug == committee }) {
            if let role = person.role { people[index].committees[seat].role = role }
        } else {
            people[index].committees.append((committee, person.role))
            committees[position].members.append(key)
        }
    }

    private mutating func addPerson(_ person: Person, meeting: MeetingID) -> Int {
        let key = OParlDirectory.personKey(person.name)
        let index: Int
        if let known = personIndex[key] {
            index = known
            people[index].lastMeeting = meeting
        } else {
            index = people.count
            personIndex[key] = index
            people.append(PersonEntry(key: key, name: person.name.trimmedSpaces, firstMeeting: meeting, lastMeeting: meeting))
        }
        if let party = person.party?.trimmedSpaces, !party.isEmpty {
            let partyKey = OParlDirectory.personKey(party)
            people[index].party = partyKey
            if let known = partyIndex[partyKey] {
                if parties[known].memberKeys.insert(key).inserted { parties[known].members.append(key) }
                parties[known].lastMeeting = meeting
            } else {
                partyIndex[partyKey] = parties.count
                parties.append(Party(key: partyKey, name: party, members: [key], memberKeys: [key], firstMeeting: meeting, lastMeeting: meeting))
            }
        }
        return index
    }

    func committee(_ slug: String) -> Committee? { committeeIndex[slug].map { committees[$0] } }
    func person(_ key: String) -> PersonEntry? { personIndex[key].map { people[$0] } }
    func party(_ key: String) -> Party? { partyIndex[key].map { parties[$0] } }
    func caseEntry(_ key: String) -> CaseEntry? { caseIndex[key].map { cases[$0] } }
    func place(_ name: String) -> Place? { placeIndex[OParlDirectory.placeKey(name)].map { places[$0] } }

    /// People compared as written names: NFC, case and runs of spaces ignored.
    static func personKey(_ name: String) -> String {
        TextNormalization.nfc(name).lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    static func placeKey(_ name: String) -> String { personKey(name) }

    /// Danish municipal councils sit four years from 1 January after the
    /// November election (2022–2025, 2026–2029 …, fixed since the term that began in 1994).
    static func termStart(of date: CalendarDate) -> Int? {
        guard date.year >= 1994 else { return nil }
        return date.year - ((date.year - 1994) % 4)
    }
}
