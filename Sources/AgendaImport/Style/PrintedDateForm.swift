import AgendaSemantics

/// A printed date (and time) read back into the house style's template that
/// prints it so: "Mandag d. 04. maj 2026 kl. 15:00" is
/// `{date:Weekday} d. {date:dd}. {date:month} {date:year}[ kl. {time:colon}]`,
/// "20-10-2025" is `{date}`, "20. oktober 2025" is `{date:text}`.
enum PrintedDateForm {
    /// The template for the date phrase at the start of `text`, and what
    /// follows it; nil when the text does not start with a date.
    static func template(of text: String, timeSlot: Bool) -> (template: String, rest: Substring)? {
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        var parts: [String] = []
        var index = 0
        var sawDate = false
        var sawTime = false
        while index < words.count {
            let word = words[index]
            let bare = word.lowercased().trimmingTrailing(",")
            let comma = word.hasSuffix(",") ? "," : ""
            if CalendarDate.danishWeekdays.contains(bare), !sawDate {
                parts.append((word.first?.isUppercase == true ? "{date:Weekday}" : "{date:weekday}") + comma)
            } else if (bare == "d." || bare == "den"), !sawDate || parts.last?.hasPrefix("{date:") == true, index + 1 < words.count,
                      words[index + 1].first?.isNumber == true {
                parts.append(String(word))
            } else if let numeric = numericDate(bare) {
                parts.append(numeric + comma)
                sawDate = true
            } else if bare.hasSuffix("."), let day = Int(bare.dropLast()), (1...31).contains(day), index + 1 < words.count,
                      CalendarDate.danishMonths.contains(words[index + 1].lowercased().trimmingTrailing(",")) {
                // "04." is padded; "20." could be either: "d." goes with padded days in the
                // systems that print it ("Mandag d. 04. maj"), "den" with the plain day.
                let padded = bare.count == 3 && (bare.first == "0" || parts.last == "d.")
                parts.append((padded ? "{date:dd}" : "{date:day}") + ".")
            } else if CalendarDate.danishMonths.contains(bare) {
                parts.append("{date:month}" + comma)
            } else if bare.count == 4, let year = Int(bare), (1900...2199).contains(year), parts.last == "{date:month}" {
                parts.append("{date:year}" + comma)
                sawDate = true
            } else if timeSlot, sawDate, !sawTime, bare == "kl.", index + 1 < words.count, let form = timeForm(words[index + 1]) {
                parts.append("[kl. {time\(form)}]")
                sawTime = true
                index += 1
            } else {
                break
            }
            index += 1
        }
        guard sawDate else { return nil }
        var template = parts.joined(separator: " ").replacingOccurrences(of: " [kl.", with: "[ kl.")
        if template.hasPrefix("{date:weekday} den {date:day}. {date:month} {date:year}") {
            template = "{date:long}" + template.dropFirst("{date:weekday} den {date:day}. {date:month} {date:year}".count)
        } else if template.hasPrefix("{date:day}. {date:month} {date:year}") {
            template = "{date:text}" + template.dropFirst("{date:day}. {date:month} {date:year}".count)
        }
        let rest = words.dropFirst(index).joined(separator: " ")
        return (template, Substring(rest))
    }

    /// A printed clock time and the words around it as a template of one time slot:
    /// "09:00" is `{start:colon}`, "kl. 16.00" is `kl. {start}`; nil when the text holds no clock time.
    static func clockTemplate(of text: Substring, slot: String) -> String? {
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        for (index, word) in words.enumerated() {
            var clock = word
            while let last = clock.last, last == "." || last == "," || last == ":" { clock = clock.dropLast() }
            let parts = clock.split(separator: clock.contains(":") ? ":" : ".", omittingEmptySubsequences: false)
            guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
                  let hour = Int(parts[0]), let minute = Int(parts[1]), hour < 24, minute < 60 else { continue }
            let form = clock.contains(":") ? ":colon" : ""
            let before = words[..<index].map { literal($0) + " " }.joined()
            let after = words[(index + 1)...].map { " " + literal($0) }.joined()
            return before + "{\(slot)\(form)}" + literal(word.dropFirst(clock.count)) + after
        }
        return nil
    }

    /// Printed text as a template's literal: braces and brackets doubled.
    private static func literal(_ text: Substring) -> String {
        var out = ""
        for character in text {
            out.append(character)
            if "{}[]".contains(character) { out.append(character) }
        }
        return out
    }

    /// "20-10-2025" → `{date}`, "2025-10-20" → `{date:iso}`, "05.02.2025" → `{date:dd}.{date:mm}.{date:year}`.
    private static func numericDate(_ word: String) -> String? {
        let dotted = word.split(separator: ".", omittingEmptySubsequences: false)
        if dotted.count == 3, dotted.allSatisfy({ $0.allSatisfy(\.isNumber) }), dotted[0].count == 2, dotted[1].count == 2, dotted[2].count == 4 {
            return "{date:dd}.{date:mm}.{date:year}"
        }
        let pieces = word.split(separator: "-", omittingEmptySubsequences: false)
        guard pieces.count == 3, pieces.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else { return nil }
        if pieces[0].count == 2, pieces[1].count == 2, pieces[2].count == 4 { return "{date}" }
        if pieces[0].count == 4, pieces[1].count == 2, pieces[2].count == 2 { return "{date:iso}" }
        return nil
    }

    /// "15:00" → `:colon`, "15.00" or "15.00-17.30" → "" (the Danish dot is the default).
    private static func timeForm(_ word: Substring) -> String? {
        let first = word.prefix(while: { $0 != "-" && $0 != "," })
        guard first.count >= 4, first.count <= 5, first.first?.isNumber == true else { return nil }
        if first.contains(":") { return ":colon" }
        if first.contains(".") { return "" }
        return nil
    }
}

extension StringProtocol {
    func trimmingTrailing(_ character: Character) -> String {
        var text = String(self)
        while text.last == character { text.removeLast() }
        return text
    }
}
