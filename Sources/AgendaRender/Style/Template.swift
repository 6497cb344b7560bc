import AgendaSemantics

/// A printed phrase with named slots: `Punkt {number}: {title}`. A part in
/// square brackets is left out when a slot in it has no value
/// (`{kind}[ {committee}][ d. {date}]`); `{{ }} [[ ]]` print the character.
/// A date slot takes a form after a colon: `{date:long}` "mandag den 4. maj 2026",
/// `{date:text}` "4. maj 2026", `{date}` or `{date:numeric}` "04-05-2026",
/// `{date:iso}` "2026-05-04", and the parts `{date:weekday}` "mandag", `{date:day}` "4",
/// `{date:dd}` "04", `{date:month}` "maj", `{date:mm}` "05", `{date:year}` "2026".
/// A form written with a capital (`{date:Weekday}` "Mandag") opens with one.
/// A time slot: `{time}` or `{time:dot}` "15.00" (Danish), `{time:colon}` "15:00".
public struct Template: Sendable, Hashable {
    public indirect enum Part: Sendable, Hashable {
        case literal(String)
        /// `form` as written after the colon; the style file's checks know which forms a slot takes.
        case slot(name: String, form: String?)
        case optional([Part])
    }

    public enum DateForm: String, Sendable, CaseIterable {
        case numeric, long, text, iso, weekday, day, dd, month, mm, year

        /// `long` or `Long` (the capitalised form); nil for a name that is no form.
        public init?(written: String) {
            guard let first = written.first else { return nil }
            self.init(rawValue: first.lowercased() + written.dropFirst())
        }

        /// Whether the form as written asks for a capital first letter.
        static func capitalised(_ written: String) -> Bool { written.first?.isUppercase == true }
    }

    public enum TimeForm: String, Sendable, CaseIterable {
        /// `15.00`, `15.00-17.30`: the Danish way.
        case dot
        /// `15:00`, `15:00-17:30`.
        case colon
    }

    /// A slot as written, with where it stands in the template's text (character offsets).
    public struct SlotUse: Sendable, Hashable {
        public var name: String
        public var form: String?
        public var offset: Int
        public var length: Int
    }

    /// Why a template cannot be read, at a character offset in its text.
    public struct SyntaxError: Error, Sendable {
        public var offset: Int
        public var reason: String
    }

    public var source: String
    public var parts: [Part]
    /// Every slot in the order written, for checking against the slots the template may use.
    public var slots: [SlotUse]

    public init(parsing source: String) throws(SyntaxError) {
        self.source = source
        var reader = TemplateReader(characters: Array(source))
        parts = try reader.parts(closing: nil)
        slots = reader.slots
    }

    /// A template that is known to read (the built-in defaults); text that does not read prints as written.
    init(known source: String) {
        if let template = try? Template(parsing: source) {
            self = template
        } else {
            self.source = source
            parts = [.literal(source)]
            slots = []
        }
    }

    /// The phrase with its slots filled; a slot without a value prints nothing.
    public func render(_ values: [String: SlotValue]) -> String {
        Template.render(parts, values) ?? ""
    }

    /// Nil when a slot in these parts is missing or empty (so an optional part around them is dropped).
    private static func render(_ parts: [Part], _ values: [String: SlotValue], required: Bool = false) -> String? {
        var out = ""
        for part in parts {
            switch part {
            case .literal(let text):
                out += text
            case .slot(let name, let form):
                let text = values[name]?.text(form) ?? ""
                if text.isEmpty && required { return nil }
                out += text
            case .optional(let inner):
                out += render(inner, values, required: true) ?? ""
            }
        }
        return out
    }
}

/// What fills a slot: text, or a date or time printed in the form the slot asks for.
public enum SlotValue: Sendable {
    case text(String)
    case date(CalendarDate)
    case time(MeetingTime)

    func text(_ written: String?) -> String {
        switch self {
        case .text(let text):
            return text
        case .date(let date):
            let form = written.flatMap(Template.DateForm.init(written:)) ?? .numeric
            let text = SlotValue.text(date, form)
            guard let written, Template.DateForm.capitalised(written) else { return text }
            return text.prefix(1).uppercased() + text.dropFirst()
        case .time(let time):
            let form = written.flatMap(Template.TimeForm.init(rawValue:)) ?? .dot
            return form == .colon ? time.text : time.text.replacingOccurrences(of: ":", with: ".")
        }
    }

    static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }

    static func text(_ date: CalendarDate, _ form: Template.DateForm) -> String {
        switch form {
        case .numeric: date.danishNumeric
        case .long: "\(date.danishWeekday) den \(date.danishText)"
        case .text: date.danishText
        case .iso: date.iso
        case .weekday: date.danishWeekday
        case .day: String(date.day)
        case .dd: twoDigits(date.day)
        case .month: date.danishMonth
        case .mm: twoDigits(date.month)
        case .year: String(date.year)
        }
    }
}

extension SlotValue: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
}

/// Reads a template's characters once, left to right (linear in the template's length).
private struct TemplateReader {
    let characters: [Character]
    var index = 0
    var slots: [Template.SlotUse] = []

    mutating func parts(closing: Character?) throws(Template.SyntaxError) -> [Template.Part] {
        let opening = index - 1
        var parts: [Template.Part] = []
        var literal = ""
        func flush() {
            if !literal.isEmpty { parts.append(.literal(literal)) }
            literal = ""
        }
        while index < characters.count {
            let character = characters[index]
            let next: Character? = index + 1 < characters.count ? characters[index + 1] : nil
            if "{}[]".contains(character) && next == character {
                literal.append(character)
                index += 2
                continue
            }
            switch character {
            case "{":
                flush()
                parts.append(try slot())
            case "[":
                flush()
                index += 1
                parts.append(.optional(try self.parts(closing: "]")))
            case "]" where closing == "]":
                index += 1
                flush()
                return parts
            case "]", "}":
                throw Template.SyntaxError(offset: index, reason: "a lone '\(character)'; write '\(character)\(character)' to print it")
            default:
                literal.append(character)
                index += 1
            }
        }
        if closing != nil {
            throw Template.SyntaxError(offset: opening, reason: "'[' is not closed by ']'; write '[[' to print it")
        }
        flush()
        return parts
    }

    mutating func slot() throws(Template.SyntaxError) -> Template.Part {
        let start = index
        index += 1
        var name = ""
        while index < characters.count, characters[index] != "}" {
            if characters[index] == "{" || characters[index] == "[" || characters[index] == "]" { break }
            name.append(characters[index])
            index += 1
        }
        guard index < characters.count, characters[index] == "}" else {
            throw Template.SyntaxError(offset: start, reason: "'{' is not closed by '}'; write '{{' to print it")
        }
        index += 1
        let pieces = name.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let slotName = pieces.first ?? ""
        let formName = pieces.count > 1 ? pieces[1] : nil
        slots.append(Template.SlotUse(name: slotName, form: formName, offset: start, length: index - start))
        return .slot(name: slotName, form: formName)
    }
}
