import AgendaBase

/// The meeting's own fields.
enum MeetingRules {
    static func check(_ meeting: Meeting, source: SourceText) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        // a date that was written but could not be read is already reported by lowering
        let wroteDate = meeting.preamble.contains { block in
            if case .paragraph(let inlines, _) = block { return inlines.plainText.lowercased().hasPrefix("dato:") || inlines.plainText.lowercased().hasPrefix("date:") }
            return false
        }
        if meeting.date == nil, !wroteDate {
            findings.append(Diagnostic(.missingDate, 0..<min(source.bytes.count, source.lineRange(0).upperBound),
                "the meeting has no date; add a line `dato: 2026-05-04` before the first item"))
        }
        return findings
    }
}
