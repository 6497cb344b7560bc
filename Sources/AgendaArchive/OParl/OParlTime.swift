import AgendaSemantics

/// Dates and times as OParl writes them (XML Schema `dateTime` with a zone):
/// a meeting's wall-clock time in Denmark with its UTC offset, worked out
/// from the Danish summer-time rules rather than the machine's time-zone
/// data, so the same archive gives the same bytes everywhere.
public enum OParlTime {
    /// `2026-05-04T15:00:00+02:00`: a Danish wall-clock time with its offset.
    static func danish(_ date: CalendarDate, hour: Int = 0, minute: Int = 0) -> String {
        let offset = isSummerTime(date, hour: hour) ? "+02:00" : "+01:00"
        return date.iso + "T" + two(hour) + ":" + two(minute) + ":00" + offset
    }

    /// The same instant as seconds since 1970, to compare with recorded instants.
    static func seconds(_ date: CalendarDate, hour: Int = 0, minute: Int = 0) -> Int64 {
        let offset: Int64 = isSummerTime(date, hour: hour) ? 7200 : 3600
        return days(date) * 86_400 + Int64(hour * 3600 + minute * 60) - offset
    }

    /// Seconds since 1970 of an ISO 8601 instant as the archive records them
    /// (`2026-05-11T09:30:00Z`, or with `±HH:MM`, fractions ignored); nil for anything else.
    public static func seconds(ofInstant text: String) -> Int64? {
        let scalars = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= scalars.count else { return nil }
            var value = 0
            for byte in scalars[range] {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard scalars.count >= 20, scalars[4] == 0x2D, scalars[7] == 0x2D, scalars[10] == 0x54,
              scalars[13] == 0x3A, scalars[16] == 0x3A,
              let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
              hour < 24, minute < 60, second < 61,
              let date = CalendarDate(year: year, month: month, day: day) else { return nil }
        var index = 19
        if scalars[index] == 0x2E {
            index += 1
            while index < scalars.count, scalars[index] >= 0x30, scalars[index] <= 0x39 { index += 1 }
        }
        var offset: Int64 = 0
        if index == scalars.count - 1, scalars[index] == 0x5A {
            offset = 0
        } else if index == scalars.count - 6, scalars[index] == 0x2B || scalars[index] == 0x2D, scalars[index + 3] == 0x3A,
                  let hours = number((index + 1)..<(index + 3)), let minutes = number((index + 4)..<(index + 6)) {
            offset = Int64(hours * 3600 + minutes * 60) * (scalars[index] == 0x2D ? -1 : 1)
        } else {
            return nil
        }
        return days(date) * 86_400 + Int64(hour * 3600 + minute * 60 + second) - offset
    }

    /// Denmark keeps summer time from the last Sunday of March, 02:00, to the
    /// last Sunday of October (September before 1996), 03:00; none before 1980.
    static func isSummerTime(_ date: CalendarDate, hour: Int) -> Bool {
        guard date.year >= 1980 else { return false }
        let start = lastSunday(month: 3, year: date.year)
        let endMonth = date.year >= 1996 ? 10 : 9
        let end = lastSunday(month: endMonth, year: date.year)
        if date.month == 3, date.day == start { return hour >= 2 }
        if date.month == endMonth, date.day == end { return hour < 3 }
        let day = (date.month, date.day)
        return day > (3, start) && day < (endMonth, end)
    }

    static func lastSunday(month: Int, year: Int) -> Int {
        let last = CalendarDate.daysIn(month: month, year: year)
        guard let date = CalendarDate(year: year, month: month, day: last) else { return last }
        // weekday: 1 Monday … 7 Sunday
        return last - (date.weekday % 7)
    }

    /// Days since 1970-01-01 (the proleptic Gregorian calendar).
    static func days(_ date: CalendarDate) -> Int64 {
        let y = Int64(date.month <= 2 ? date.year - 1 : date.year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let m = Int64(date.month)
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(date.day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
