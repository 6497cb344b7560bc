import AgendaSyntax

/// The imported document as the recogniser builds it, before it is written
/// out as source: the meeting's fields, any header text it could not place,
/// the items with their fields and body lines, and the signature sheet.
struct ImportDraft {
    /// `(spelling, value)` of the meeting's fields in written order.
    var meetingFields: [(String, String)] = []
    /// Header text that is no meeting field, kept as comments above the first
    /// item: the language has no prose before it, and text there would be read
    /// as the field above it continued.
    var preamble: [String] = []
    var items: [ItemDraft] = []
    /// `underskrifter:` and its lines, when the original ends with a signature sheet.
    var signatures: [String]?

    mutating func setMeetingField(_ keyword: Keyword, _ value: String) {
        let spelling = keyword.canonical
        if meetingFields.contains(where: { $0.0 == spelling }) { return }
        meetingFields.append((spelling, value))
    }

    func hasMeetingField(_ keyword: Keyword) -> Bool { meetingFields.contains { $0.0 == keyword.canonical } }
}

/// One item being recognised.
struct ItemDraft {
    var number: String
    var title: String
    var sourceLine: Int
    var closed = false
    /// Comments above the `punkt` line (what the language has no mark for).
    var comments: [String] = []
    /// `(spelling, value)` of the item's fields (`sagsnr`, `kommunikation` …).
    var fields: [(String, String)] = []
    /// Item-level absentees, `fraværende:` under the fields.
    var absent: [String] = []
    /// The same names as a set, so a long list is not searched for each new name.
    var absentNames: Set<String> = []
    /// The sections and their lines, already in the language.
    var body: [String] = []
    var hasDecision = false
    /// `uden beslutning`: minutes whose item has no decision in the original.
    var withoutDecision = false
    var sectionCount = 0
    /// The sections opened so far (a second of one kind is kept as `afsnit:`, as the language has each once).
    var openedSections: Set<Keyword> = []

    mutating func setField(_ keyword: Keyword, _ value: String) {
        let spelling = keyword.canonical
        if fields.contains(where: { $0.0 == spelling }) { return }
        fields.append((spelling, value))
    }

    func hasField(_ keyword: Keyword) -> Bool { fields.contains { $0.0 == keyword.canonical } }
}

extension ImportDraft {
    /// The document in the language (not yet formatted).
    func source(fileName: String) -> String {
        var lines: [String] = []
        let name = fileName.replacingOccurrences(of: "\n", with: " ")
        lines.append("// Importeret af agendac import fra \(name).")
        let order: [Keyword] = [.committee, .municipality, .documentKind, .date, .time, .place, .participants, .absent, .substitutes]
        let rank = { (spelling: String) in order.firstIndex { $0.canonical == spelling } ?? order.count }
        for (spelling, value) in meetingFields.sorted(by: { rank($0.0) < rank($1.0) }) { lines.append("\(spelling): \(value)") }
        if !preamble.isEmpty {
            lines.append("")
            lines.append(contentsOf: preamble.map { "// " + $0 })
        }
        for item in items {
            lines.append("")
            lines.append(contentsOf: item.comments)
            lines.append("punkt \(item.number): \(item.title)")
            for (spelling, value) in item.fields {
                lines.append(value.isEmpty ? "\(spelling):" : "\(spelling): \(value)")
            }
            if item.closed { lines.append(Keyword.closed.canonical) }
            if item.withoutDecision { lines.append(Keyword.noDecision.canonical) }
            for person in item.absent { lines.append("\(Keyword.absent.canonical): \(person)") }
            lines.append(contentsOf: item.body)
        }
        if let signatures {
            lines.append("")
            lines.append(contentsOf: signatures)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
