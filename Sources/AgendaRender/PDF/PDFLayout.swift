import AgendaBase
import AgendaPDF
import AgendaSemantics

/// The printed agenda or minutes as a laid-out PDF document (`LaidOutDocument`),
/// the writer's input: the same `PrintedDocument` the text, Markdown and HTML
/// outputs print, in the house style, with the public version made the same way.
public enum PDFLayout {
    public static func document(_ meeting: Meeting, options: RenderOptions = RenderOptions(), faces: Typefaces) -> LaidOutDocument {
        let style = options.style
        let shown = options.publicVersion ? PublicVersion.of(meeting, style: style) : meeting
        let printed = PrintedDocument(shown, links: options.attachmentLinks, style: style)
        let geometry = PageGeometry(pageSize: style.html.pageSize, margins: style.html.margins)
        var (composer, _) = composed(printed, geometry: geometry, faces: faces, logoDescription: shown.municipality?.value)
        composer.addRunningText(header: style.html.header ?? printed.title, footer: printed.phrases.pageFooter)
        composer.dropEmptyRuns()
        return LaidOutDocument(metadata: metadata(shown, printed), pageWidth: geometry.width, pageHeight: geometry.height,
                               pages: composer.flow.pages, structure: composer.flow.structure, outline: composer.flow.outline,
                               archival: options.archival)
    }

    /// At most this many layouts of one document (the contents' page numbers settle in two or three).
    static let maximumPasses = 4

    /// The document laid out until the contents' page-number column is as wide as the numbers it
    /// holds: a wider or narrower column wraps entries differently, which can make the contents
    /// longer or shorter and move every item's page, so the layout is repeated with the measured
    /// column. Returns the layout and how many passes it took. Bounded: when the column swings
    /// between two widths (or has not settled in `maximumPasses`), the narrowest layout whose
    /// numbers fit its column is kept, and failing that one more pass with room to spare.
    static func composed(_ printed: PrintedDocument, geometry: PageGeometry, faces: Typefaces, logoDescription: String?) -> (PDFComposer, passes: Int) {
        func pass(_ column: Double?) -> PDFComposer {
            var composer = PDFComposer(printed, geometry: geometry, faces: faces, pageColumn: column)
            composer.logoDescription = logoDescription
            composer.compose()
            return composer
        }
        var column: Double? = nil
        var fitting: PDFComposer?
        var widths: [Double] = []
        for number in 1...maximumPasses {
            let composer = pass(column)
            let used = composer.pageColumn, needed = composer.neededPageColumn
            if needed == 0 || abs(needed - used) < 0.001 { return (composer, number) }
            if needed < used, fitting.map({ used < $0.pageColumn }) ?? true { fitting = composer }
            widths.append(used)
            if widths.contains(where: { abs($0 - needed) < 0.001 }) { break }   // swings back: no width is exact
            column = needed
        }
        if let fitting { return (fitting, widths.count) }
        let widest = widths.max() ?? 0
        let spare = faces[.regular].width(of: "0", size: PDFStyles(printed.phrases.style.html).body.size)
        return (pass(max(widest, column ?? 0) + spare), widths.count + 1)
    }

    /// Title, the committee as author, the date and place as subject, the meeting's time as the creation date.
    static func metadata(_ meeting: Meeting, _ printed: PrintedDocument) -> DocumentMetadata {
        let author = meeting.committee?.value ?? meeting.municipality?.value ?? ""
        let subject = printed.facts.prefix(2).map(\.value).joined(separator: ", ")
        return DocumentMetadata(title: printed.title, author: author, subject: subject, language: "da-DK",
                                creationDate: creationDate(meeting), producer: "agendac \(AgendacVersion.current)")
    }

    /// The meeting's start in Danish time (summer time from the last Sunday of
    /// March to the last Sunday of October); 1 January 2000 when the document has no date.
    static func creationDate(_ meeting: Meeting) -> PDFDate {
        guard let date = meeting.date?.value else { return PDFDate(year: 2000, month: 1, day: 1) }
        let hour = meeting.time?.value.startHour ?? 0
        let minute = meeting.time?.value.startMinute ?? 0
        let summer = isSummerTime(date, hour: hour)
        return PDFDate(year: date.year, month: date.month, day: date.day, hour: hour, minute: minute, utcOffsetMinutes: summer ? 120 : 60)
    }

    static func isSummerTime(_ date: CalendarDate, hour: Int) -> Bool {
        func lastSunday(_ month: Int) -> Int {
            guard let last = CalendarDate(year: date.year, month: month, day: 31) else { return 31 }
            return 31 - last.weekday % 7
        }
        switch date.month {
        case 4...9: return true
        case 3:
            let start = lastSunday(3)
            return date.day > start || (date.day == start && hour >= 2)
        case 10:
            let end = lastSunday(10)
            return date.day < end || (date.day == end && hour < 3)
        default: return false
        }
    }
}
