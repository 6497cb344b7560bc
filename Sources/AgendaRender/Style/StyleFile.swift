import AgendaBase
import AgendaPDF
import AgendaSemantics
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// The style file: JSON a secretary edits, checked key by key against the
/// template table and the options, every finding at its byte range (AG600–AG605).
public enum StyleFile {
    /// Beside the agendas, found walking up from the agenda as `agendac.json` is.
    public static let fileName = "agendac-stil.json"

    /// The top-level keys and what each holds; the schema and the checks read this.
    public enum Key: String, CaseIterable, Sendable {
        case schema = "$schema"
        case templates, header, contents, closedItemMarking, duration, sectionOrder, lineBreaks, html

        public var help: String {
            switch self {
            case .schema: "The schema editors validate the file with (docs/style.schema.json)."
            case .templates: "Every label, heading and fixed phrase, as a template with named slots."
            case .header: "The header block: `facts` (which facts print, in order) and `participantsOrder`."
            case .contents: "The contents list: `show`, `numbers`, `closedItems` and `pageNumbers` (PDF)."
            case .closedItemMarking: "How closed items show: \"note\" (\"Lukket punkt\" beside the title) or \"titlePrefix\" (closedTitle)."
            case .duration: "Where an item's duration prints: \"field\" or \"presentation\" (first line of the presentation, by durationLine)."
            case .sectionOrder: "The order of an item's sections: \"written\" (as the document has them) or \"fixed\" (history, summary, presentation, economy, procedure, others, recommendation, decision, attachments)."
            case .lineBreaks: "A line break inside a written paragraph or list entry: \"joined\" (a space; the text flows) or \"asWritten\" (printed as a line break)."
            case .html: "The page's look in HTML and PDF: fonts, colours, logo, page size and margins, new page per item, running header and footer."
            }
        }
    }

    public enum HeaderKey: String, CaseIterable, Sendable {
        case facts, participantsOrder

        public var help: String {
            switch self {
            case .facts: "The facts the header block prints, in order: " + HouseStyle.HeaderFact.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ") + ". A fact the document does not give is left out."
            case .participantsOrder: "The participants' order: \"written\", \"rolesFirst\" (formand, næstformand … first) or \"byName\"."
            }
        }
    }

    public enum ContentsKey: String, CaseIterable, Sendable {
        case show, numbers, closedItems, pageNumbers

        public var isFlag: Bool { self != .closedItems }

        public var help: String {
            switch self {
            case .show: "Whether the contents list is printed."
            case .numbers: "Whether the contents list shows the items' numbers."
            case .closedItems: "How closed items show in the contents: \"marked\" (as their heading), \"publicTitle\" or \"hidden\"."
            case .pageNumbers: "Whether the PDF's contents list gives each item's page (`{page}` in contentsEntry)."
            }
        }
    }

    public enum HTMLKey: String, CaseIterable, Sendable {
        case font, headingFont, fontSize, textColor, accentColor, logo, pageSize, margins, newPagePerItem, header, footer

        public var isFlag: Bool { self == .newPagePerItem }

        public var help: String {
            switch self {
            case .font: "The body text's font family (CSS), e.g. \"Georgia, serif\"."
            case .headingFont: "The headings' font family (CSS)."
            case .fontSize: "The body text's size, e.g. \"11pt\"; headings scale from it."
            case .textColor: "The text colour (CSS), e.g. \"#1a1a1a\"."
            case .accentColor: "The colour of marks such as \"Lukket punkt\" (CSS)."
            case .logo: "An image file shown above the title, relative to the style file: PNG (not interlaced) or JPEG; the PDF embeds it, as large as fits 144 × 48 pt."
            case .pageSize: "The printed page size (CSS @page size), e.g. \"A4\"."
            case .margins: "The printed page margins (CSS), e.g. \"20mm 18mm 22mm 22mm\"."
            case .newPagePerItem: "Whether each item starts on a new printed page."
            case .header: "A running header on every printed page; \"{page}\" is the page number, \"{pages}\" the number of pages."
            case .footer: "A running footer on every printed page; \"{page}\" is the page number, \"{pages}\" the number of pages."
            }
        }
    }

    /// The nearest style file for an agenda: `agendac-stil.json` in its folder or above,
    /// unless the nearer `agendac.json` names one with its `style` key.
    public static func find(from folder: URL, settings: WorkspaceSettings?) -> URL? {
        let settingsFolder = settings?.url.deletingLastPathComponent().standardizedFileURL.path
        return FolderWalk.nearest(from: folder) { current in
            if current.path == settingsFolder, let named = settings?.styleFileURL { return named }
            let candidate = current.appendingPathComponent(fileName)
            return FileManager.default.fileExists(atPath: candidate.path) ? candidate : nil
        }
    }

    /// Reads a file the style names (its logo), nil when it cannot.
    public typealias FileReader = @Sendable (URL) -> [UInt8]?

    /// The file system, for the command line.
    public static let readFromDisk: FileReader = { url in FileManager.default.contents(atPath: url.path).map(Array.init) }

    /// The style a file gives, merged key by key over the standard one; nil when it has errors.
    /// With `files`, the logo is read and checked too (AG604, AG605) and kept as `html.logoImage`.
    public static func read(_ bytes: [UInt8], folder: URL? = nil, files: FileReader? = nil) -> (style: HouseStyle?, diagnostics: [Diagnostic]) {
        let json: JSON
        let locations: JSONLocations
        do {
            (json, locations) = try JSON.parseLocated(bytes)
        } catch {
            let at = min(error.offset, max(0, bytes.count - 1))
            return (nil, [Diagnostic(.styleUnreadable, at..<min(at + 1, bytes.count),
                                     "the style file is not valid JSON: \(error.reason); fix it here (an editor that knows docs/style.schema.json shows where)")])
        }
        var checker = StyleChecker(bytes: bytes, locations: locations, files: files)
        let style = checker.style(from: json, folder: folder)
        return (checker.diagnostics.isEmpty ? style : nil, checker.diagnostics)
    }

    /// The effective style as a style file: the standard one with the file's choices over it.
    public static func effectiveJSON(_ style: HouseStyle) -> JSON {
        var templates = JSONObjectBuilder()
        for key in StyleTemplate.allCases { templates.set(key.rawValue, style[key].source) }
        var header = JSONObjectBuilder()
        header.set(HeaderKey.facts.rawValue, JSON.array(style.headerFacts.map { .string($0.rawValue) }))
        header.set(HeaderKey.participantsOrder.rawValue, style.participantsOrder.rawValue)
        var contents = JSONObjectBuilder()
        contents.set(ContentsKey.show.rawValue, style.contentsShown)
        contents.set(ContentsKey.numbers.rawValue, style.contentsNumbers)
        contents.set(ContentsKey.closedItems.rawValue, style.contentsClosedItems.rawValue)
        contents.set(ContentsKey.pageNumbers.rawValue, style.contentsPageNumbers)
        var html = JSONObjectBuilder()
        let options = style.html
        let texts: [(HTMLKey, String?)] = [(.font, options.font), (.headingFont, options.headingFont), (.fontSize, options.fontSize), (.textColor, options.textColor),
                                           (.accentColor, options.accentColor), (.logo, options.logo), (.pageSize, options.pageSize),
                                           (.margins, options.margins)]
        for (key, value) in texts { html.set(key.rawValue, value) }
        html.set(HTMLKey.newPagePerItem.rawValue, options.newPagePerItem)
        html.set(HTMLKey.header.rawValue, options.header)
        html.set(HTMLKey.footer.rawValue, options.footer)
        var root = JSONObjectBuilder()
        root.set(Key.header.rawValue, header.json)
        root.set(Key.contents.rawValue, contents.json)
        root.set(Key.closedItemMarking.rawValue, style.closedItemMarking?.rawValue ?? ClosedItemMarking.note.rawValue)
        root.set(Key.duration.rawValue, style.duration.rawValue)
        root.set(Key.sectionOrder.rawValue, style.sectionOrder.rawValue)
        root.set(Key.lineBreaks.rawValue, style.lineBreaks.rawValue)
        root.set(Key.html.rawValue, html.json)
        root.set(Key.templates.rawValue, templates.json)
        return root.json
    }
}

/// Reads a parsed style file onto the standard style, collecting every finding (not only the first).
struct StyleChecker {
    let bytes: [UInt8]
    let locations: JSONLocations
    let files: StyleFile.FileReader?
    var diagnostics: [Diagnostic] = []

    mutating func style(from json: JSON, folder: URL?) -> HouseStyle {
        var style = HouseStyle.standard
        guard let members = json.objectValue else {
            diagnostics.append(Diagnostic(.styleValueType, 0..<min(1, bytes.count), "a style file holds one JSON object: { \"templates\": { … } }"))
            return style
        }
        for (name, value) in members {
            let path = [name]
            guard let key = StyleFile.Key(rawValue: name) else {
                unknownKey(name, path, known: StyleFile.Key.allCases.map(\.rawValue), place: "a style file")
                continue
            }
            switch key {
            case .schema:
                _ = string(value, path)
            case .templates:
                readTemplates(value, into: &style)
            case .header:
                readHeader(value, path, into: &style)
            case .contents:
                readContents(value, path, into: &style)
            case .closedItemMarking:
                if let marking = choice(value, path, ClosedItemMarking.self) { style.closedItemMarking = marking }
            case .duration:
                if let placement = choice(value, path, HouseStyle.DurationPlacement.self) { style.duration = placement }
            case .sectionOrder:
                if let order = choice(value, path, HouseStyle.SectionOrder.self) { style.sectionOrder = order }
            case .lineBreaks:
                if let breaks = choice(value, path, HouseStyle.LineBreaks.self) { style.lineBreaks = breaks }
            case .html:
                readHTML(value, path, folder: folder, into: &style.html)
            }
        }
        return style
    }

    mutating func readTemplates(_ value: JSON, into style: inout HouseStyle) {
        let path = [StyleFile.Key.templates.rawValue]
        for (name, text) in object(value, path) {
            guard let key = StyleTemplate(rawValue: name) else {
                unknownKey(name, path + [name], known: StyleTemplate.allCases.map(\.rawValue), place: "`templates`")
                continue
            }
            guard let source = string(text, path + [name]) else { continue }
            let valueStart = (locations.values[JSONLocations.path(path + [name])]?.lowerBound ?? 0) + 1
            let template: Template
            do {
                template = try Template(parsing: source)
            } catch {
                let at = byteOffset(in: source, character: error.offset, valueStart: valueStart)
                diagnostics.append(Diagnostic(.styleTemplate, at..<at + 1, "template `\(name)`: \(error.reason)"))
                continue
            }
            var clean = true
            for slot in template.slots {
                let start = byteOffset(in: source, character: slot.offset, valueStart: valueStart)
                let end = byteOffset(in: source, character: slot.offset + slot.length, valueStart: valueStart)
                if !key.slots.contains(slot.name) {
                    let allowed = key.slots.isEmpty ? "it takes no slots (write `{{` for a brace)" : "it may use " + key.slots.map { "{\($0)}" }.joined(separator: ", ")
                    diagnostics.append(Diagnostic(.styleTemplate, start..<end, "template `\(name)` has no slot {\(slot.name)}; \(allowed)"))
                    clean = false
                } else if let form = slot.form {
                    let isDate = key.dateSlots.contains(slot.name)
                    if !isDate && !key.timeSlots.contains(slot.name) {
                        diagnostics.append(Diagnostic(.styleTemplate, start..<end, "template `\(name)`: {\(slot.name)} is neither a date nor a time and takes no form; write {\(slot.name)}"))
                        clean = false
                    } else if isDate ? Template.DateForm(written: form) == nil : Template.TimeForm(rawValue: form) == nil {
                        let forms = isDate ? Template.DateForm.allCases.map(\.rawValue) : Template.TimeForm.allCases.map(\.rawValue)
                        let what = isDate ? "a date's form is one of \(forms.joined(separator: ", ")) (a capital first letter capitalises)" : "a time's form is one of \(forms.joined(separator: ", "))"
                        diagnostics.append(Diagnostic(.styleTemplate, start..<end, "template `\(name)`: \(what), not '\(form)'"))
                        clean = false
                    }
                }
            }
            if clean { style.templates[key] = template }
        }
    }

    mutating func readHeader(_ value: JSON, _ path: [String], into style: inout HouseStyle) {
        for (member, option) in object(value, path) {
            guard let key = StyleFile.HeaderKey(rawValue: member) else {
                unknownKey(member, path + [member], known: StyleFile.HeaderKey.allCases.map(\.rawValue), place: "`header`")
                continue
            }
            switch key {
            case .facts:
                guard let list = option.arrayValue else {
                    wrongType(path + [member], "a list such as [\"date\", \"place\"]")
                    continue
                }
                var facts: [HouseStyle.HeaderFact] = []
                for (index, element) in list.enumerated() {
                    let elementPath = path + [member, String(index)]
                    guard let fact = choice(element, elementPath, HouseStyle.HeaderFact.self) else { continue }
                    if facts.contains(fact) {
                        wrongType(elementPath, "a fact not already listed (\"\(fact.rawValue)\" is)")
                        continue
                    }
                    facts.append(fact)
                }
                style.headerFacts = facts
            case .participantsOrder:
                if let order = choice(option, path + [member], HouseStyle.ParticipantsOrder.self) { style.participantsOrder = order }
            }
        }
    }

    mutating func readContents(_ value: JSON, _ path: [String], into style: inout HouseStyle) {
        for (member, option) in object(value, path) {
            guard let key = StyleFile.ContentsKey(rawValue: member) else {
                unknownKey(member, path + [member], known: StyleFile.ContentsKey.allCases.map(\.rawValue), place: "`contents`")
                continue
            }
            if key == .closedItems {
                if let shown = choice(option, path + [member], HouseStyle.ContentsClosedItems.self) { style.contentsClosedItems = shown }
                continue
            }
            guard let on = bool(option, path + [member]) else { continue }
            switch key {
            case .show: style.contentsShown = on
            case .numbers: style.contentsNumbers = on
            case .pageNumbers: style.contentsPageNumbers = on
            case .closedItems: break
            }
        }
    }

    mutating func readHTML(_ value: JSON, _ path: [String], folder: URL?, into html: inout HouseStyle.HTMLOptions) {
        for (name, option) in object(value, path) {
            guard let key = StyleFile.HTMLKey(rawValue: name) else {
                unknownKey(name, path + [name], known: StyleFile.HTMLKey.allCases.map(\.rawValue), place: "`html`")
                continue
            }
            if key.isFlag {
                if let on = bool(option, path + [name]) { html.newPagePerItem = on }
                continue
            }
            guard let text = string(option, path + [name]) else { continue }
            switch key {
            case .font: html.font = text
            case .headingFont: html.headingFont = text
            case .fontSize: html.fontSize = text
            case .textColor: html.textColor = text
            case .accentColor: html.accentColor = text
            case .logo:
                // relative to the style file's folder; an absolute path as it is
                html.logo = text.hasPrefix("/") ? text : folder.map { $0.appendingPathComponent(text).path } ?? text
                if let files, let file = html.logo { html.logoImage = logo(text, at: URL(fileURLWithPath: file), path + [name], files: files) }
            case .pageSize: html.pageSize = text
            case .margins: html.margins = text
            case .header: html.header = text
            case .footer: html.footer = text
            case .newPagePerItem: break
            }
        }
    }

    /// The logo's image, or a finding at the `logo` value: AG604 when the file cannot be read, AG605 when it is no usable image.
    mutating func logo(_ written: String, at url: URL, _ path: [String], files: StyleFile.FileReader) -> RasterImage? {
        let range = locations.values[JSONLocations.path(path)] ?? 0..<0
        guard let bytes = files(url) else {
            diagnostics.append(Diagnostic(.styleLogoUnreadable, range, "the logo `\(written)` cannot be read: there is no such file, or it is not readable; write its path relative to the style file's folder"))
            return nil
        }
        do {
            return try RasterImage(reading: bytes)
        } catch {
            diagnostics.append(Diagnostic(.styleLogoImage, range, "the logo `\(written)` cannot be put in the PDF: \(error.reason)"))
            return nil
        }
    }

    // MARK: - Values of the expected kind, or a finding at the value

    mutating func object(_ value: JSON, _ path: [String]) -> [(String, JSON)] {
        if let members = value.objectValue { return members }
        wrongType(path, "an object { … }")
        return []
    }

    mutating func string(_ value: JSON, _ path: [String]) -> String? {
        if let text = value.stringValue { return text }
        wrongType(path, "a string in quotes")
        return nil
    }

    mutating func bool(_ value: JSON, _ path: [String]) -> Bool? {
        if let flag = value.boolValue { return flag }
        wrongType(path, "true or false")
        return nil
    }

    mutating func choice<Choice: RawRepresentable & CaseIterable>(_ value: JSON, _ path: [String], _ type: Choice.Type) -> Choice? where Choice.RawValue == String {
        let names = Choice.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: " or ")
        guard let text = value.stringValue, let result = Choice(rawValue: text) else {
            wrongType(path, names)
            return nil
        }
        return result
    }

    mutating func wrongType(_ path: [String], _ expected: String) {
        let range = locations.values[JSONLocations.path(path)] ?? 0..<0
        diagnostics.append(Diagnostic(.styleValueType, range, "`\(path.joined(separator: "."))` must be \(expected)"))
    }

    mutating func unknownKey(_ name: String, _ path: [String], known: [String], place: String) {
        let range = locations.keys[JSONLocations.path(path)] ?? 0..<0
        let distances = known.map { (key: $0, distance: EditDistance.between(Array(name.lowercased()), Array($0.lowercased()), limit: 3)) }
        let nearest = distances.filter { $0.distance <= 3 }.min { $0.distance < $1.distance }
        let hint = nearest.map { "did you mean `\($0.key)`?" } ?? ""
        let advice = hint.isEmpty ? "the keys are listed in docs/style.schema.json (`agendac style --print` shows them all)" : hint
        diagnostics.append(Diagnostic(.styleUnknownKey, range, "\(place) has no key `\(name)`; \(advice)"))
    }

    /// The byte offset in the file of a character of a string value (exact when the string has no escapes).
    func byteOffset(in source: String, character: Int, valueStart: Int) -> Int {
        valueStart + source.prefix(max(0, character)).utf8.count
    }
}
