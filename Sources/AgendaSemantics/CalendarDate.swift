#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// A day in the Gregorian calendar, without time zones: meetings happen on a
/// date, and arithmetic on it must not shift with the machine's zone.
public struct CalendarDate: Hashable, Sendable, Comparable {
    public var year: Int
    public var month: Int
    public var day: Int

    /// Nil when the date does not exist (31 April, 29 February 2025, month 13).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
              day <= CalendarDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// ISO weekday: 1 = Monday … 7 = Sunday (Sakamoto's method).
    public var weekday: Int {
        let offsets = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
        let y = month < 3 ? year - 1 : year
        let sundayBased = (y + y / 4 - y / 100 + y / 400 + offsets[month - 1] + day) % 7
        return sundayBased == 0 ? 7 : sundayBased
    }

    public static let danishWeekdays = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"]
    public static let danishMonths = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
                                      "september", "oktober", "november", "december"]

    public var danishWeekday: String { CalendarDate.danishWeekdays[weekday - 1] }
    public var danishMonth: String { CalendarDate.danishMonths[month - 1] }

    /// `2026-05-04`
    public var iso: String { "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))" }
    /// `04-05-2026`, as the seeds' headings write it.
    public var danishNumeric: String { "\(pad(day, 2))-\(pad(month, 2))-\(pad(year, 4))" }
    /// `Mandag d. 04. maj 2026`
    public var danishLong: String {
        danishWeekday.prefix(1).uppercased() + danishWeekday.dropFirst() + " d. \(pad(day, 2)). \(danishMonth) \(year)"
    }
    /// `4. maj 2026`
    public var danishText: String { "\(day). \(danishMonth) \(year)" }

    private func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}

/// Why a date could not be read: it has a date's shape but is not in the calendar, or it has no date's shape.
public enum DateReading: Sendable, Hashable {
    case date(CalendarDate)
    case nonexistent(String)
    case unreadable
}

extension CalendarDate {
    /// Reads `2026-05-04`, `04-05-2026`, `4.5.2026`, `04/05/2026` and `4. maj 2026` (also `4 maj 2026`).
    public static func read(_ text: String) -> DateReading {
        if let numeric = readNumeric(text) { return numeric }
        let trimmed = text.trimmedSpaces.lowercased()
        let parts = trimmed.split(whereSeparator: { $0 == "-" || $0 == "." || $0 == "/" || $0 == " " }).map(String.init)
        guard parts.count == 3 else { return .unreadable }
        let numbers = parts.map { Int($0) }
        var year: Int?
        var month: Int?
        var day: Int?
        if let a = numbers[0], let b = numbers[1], let c = numbers[2] {
            if parts[0].count == 4 { (year, month, day) = (a, b, c) } else if parts[2].count == 4 { (year, month, day) = (c, b, a) }
        } else if let a = numbers[0], numbers[1] == nil, let c = numbers[2], parts[2].count == 4,
                  let monthIndex = danishMonths.firstIndex(where: { $0 == parts[1] || ($0.prefix(3) == parts[1].prefix(3) && parts[1].count == 3) }) {
            (year, month, day) = (c, monthIndex + 1, a)
        }
        guard let year, let month, let day else { return longYear(parts) ?? .unreadable }
        if let date = CalendarDate(year: year, month: month, day: day) { return .date(date) }
        if !(1...12).contains(month) { return .nonexistent("there is no month \(month)") }
        return .nonexistent("\(danishMonths[month - 1]) \(year) has \(daysIn(month: month, year: year)) days, not \(day)")
    }

    /// A date whose year has more than 4 digits (`99999-05-04`, `4. maj 99999`):
    /// reported as a date that does not exist, not read as other text.
    static func longYear(_ parts: [String]) -> DateReading? {
        func digits(_ part: String) -> Bool { !part.isEmpty && part.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
        func short(_ part: String) -> Bool { digits(part) && part.count <= 2 }
        let isMonth = digits(parts[1]) ? parts[1].count <= 2 : danishMonths.contains { $0.prefix(3) == parts[1].prefix(3) }
        guard isMonth else { return nil }
        for (year, day) in [(parts[0], parts[2]), (parts[2], parts[0])] where digits(year) && year.count > 4 && short(day) {
            return .nonexistent("the year \(year.count > 12 ? String(year.prefix(12)) + "…" : year) has \(year.count) digits; a year has 4")
        }
        return nil
    }
}

extension CalendarDate {
    /// Fast path for the all-digit forms (`2026-05-04`, `04-05-2026`, `4.5.2026`),
    /// read from bytes; nil when the text has another shape.
    static func readNumeric(_ text: String) -> DateReading? {
        var numbers: [Int] = []
        var widths: [Int] = []
        var current = 0
        var width = 0
        var separator: UInt8?
        for byte in text.utf8 {
            if byte >= 0x30 && byte <= 0x39 {
                guard width < 5 else { return nil }
                current = current * 10 + Int(byte - 0x30)
                width += 1
            } else if byte == 0x2D || byte == 0x2E || byte == 0x2F {
                guard width > 0, separator == nil || separator == byte, numbers.count < 2 else { return nil }
                separator = byte
                numbers.append(current)
                widths.append(width)
                current = 0
                width = 0
            } else {
                return nil
            }
        }
        guard width > 0, numbers.count == 2 else { return nil }
        numbers.append(current)
        widths.append(width)
        let (year, month, day): (Int, Int, Int)
        if widths[0] == 4 { (year, month, day) = (numbers[0], numbers[1], numbers[2]) } else if widths[2] == 4 { (year, month, day) = (numbers[2], numbers[1], numbers[0]) } else { return nil }
        if let date = CalendarDate(year: year, month: month, day: day) { return .date(date) }
        if !(1...12).contains(month) { return .nonexistent("there is no month \(month)") }
        return .nonexistent("\(danishMonths[month - 1]) \(year) has \(daysIn(month: month, year: year)) days, not \(day)")
    }
}

/// A meeting's start time and optional end time.
public struct MeetingTime: Hashable, Sendable {
    public var startHour: Int
    public var startMinute: Int
    public var endHour: Int?
    public var endMinute: Int?

    /// The start alone, for a house style that prints the start and the end apart (`Møde start: 09:00`).
    public var start: MeetingTime { MeetingTime(startHour: startHour, startMinute: startMinute) }

    /// The end alone, as a time of its own; nil when only the start is known.
    public var end: MeetingTime? {
        guard let endHour, let endMinute else { return nil }
        return MeetingTime(startHour: endHour, startMinute: endMinute)
    }

    /// `15:00` or `15:00-17:30`.
    public var text: String {
        let start = MeetingTime.format(startHour, startMinute)
        guard let endHour, let endMinute else { return start }
        return start + "-" + MeetingTime.format(endHour, endMinute)
    }

    static func format(_ hour: Int, _ minute: Int) -> String {
        (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }

    public enum Reading: Sendable, Hashable {
        case time(MeetingTime)
        case invalid(String)
    }

    /// Reads `15:00`, `15.00`, `kl. 15:00`, `15`, and ranges with `-`, `–` or ` til `.
    public static func read(_ text: String) -> Reading {
        var rest = text.trimmedSpaces.lowercased()
        if rest.hasPrefix("kl.") { rest = String(rest.dropFirst(3)) } else if rest.hasPrefix("kl ") { rest = String(rest.dropFirst(3)) }
        rest = rest.replacingOccurrences(of: "–", with: "-").replacingOccurrences(of: " til ", with: "-")
        let halves = rest.split(separator: "-", omittingEmptySubsequences: false).map { $0.trimmedSpaces }
        guard halves.count == 1 || halves.count == 2 else { return .invalid("write one time or a range such as 15:00-17:30") }
        var clock: [(Int, Int)] = []
        for half in halves {
            let pieces = half.split(whereSeparator: { $0 == ":" || $0 == "." }).map(String.init)
            guard (1...2).contains(pieces.count), let hour = Int(pieces[0]), pieces.allSatisfy({ Int($0) != nil && $0.count <= 2 }) else {
                return .invalid("'\(half)' is not a time; write hours and minutes such as 15:00")
            }
            let minute = pieces.count == 2 ? Int(pieces[1]) ?? -1 : 0
            guard (0...23).contains(hour) else { return .invalid("there is no hour \(hour); hours run from 0 to 23") }
            guard (0...59).contains(minute) else { return .invalid("there is no minute \(minute); minutes run from 0 to 59") }
            clock.append((hour, minute))
        }
        var time = MeetingTime(startHour: clock[0].0, startMinute: clock[0].1)
        if clock.count == 2 {
            time.endHour = clock[1].0
            time.endMinute = clock[1].1
            if (clock[1].0, clock[1].1) <= (clock[0].0, clock[0].1) { return .invalid("the meeting ends (\(halves[1])) before it starts (\(halves[0]))") }
        }
        return .time(time)
    }
}
