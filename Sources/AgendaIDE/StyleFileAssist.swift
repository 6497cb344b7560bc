import AgendaBase
import AgendaRender

/// Editor help in a house style file (`agendac-stil.json`): its findings
/// (unknown keys, templates with a slot they may not use, at their place) and
/// hover on a key naming what it sets, the slots a template may use and its default.
public enum StyleFileAssist {
    /// `agendac-stil.json`, or any `*.stil.json` (the samples' seed styles).
    public static func isStyleFile(_ path: String) -> Bool {
        path.hasSuffix(StyleFile.fileName) || path.hasSuffix(".stil.json")
    }

    public static func diagnostics(_ source: SourceText) -> [Diagnostic] {
        StyleFile.read(source.bytes).diagnostics
    }

    /// The Markdown for the key under `offset` (its name or its value), and the key's range.
    public static func hover(_ source: SourceText, at offset: Int) -> (markdown: String, range: Range<Int>)? {
        guard let (_, locations) = try? JSON.parseLocated(source.bytes) else { return nil }
        for (path, keyRange) in locations.keys {
            let valueRange = locations.values[path] ?? keyRange
            guard keyRange.contains(offset) || (valueRange.contains(offset) && !isObject(valueRange, in: source)) else { continue }
            let components = path.split(separator: "/").map(String.init)
            guard let markdown = describe(components) else { return nil }
            return (markdown, keyRange)
        }
        return nil
    }

    /// After `{` in a template's text: the slots that template may use (and a date's forms), so a
    /// secretary never has to guess a slot's name. Elsewhere the schema gives editors the keys.
    public static func completions(_ source: SourceText, at offset: Int) -> CompletionList {
        let empty = CompletionList(items: [], isIncomplete: false)
        guard let (_, locations) = try? JSON.parseLocated(source.bytes) else { return empty }
        let bytes = source.bytes
        // the `{` that opens the slot being typed, with only name characters after it
        var start = offset
        while start > 0, start - 1 < bytes.count, bytes[start - 1] != UInt8(ascii: "{") {
            let byte = bytes[start - 1]
            guard byte == UInt8(ascii: ":") || byte == UInt8(ascii: "_") || (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A),
                  offset - start < 32 else { return empty }
            start -= 1
        }
        guard start > 0 else { return empty }
        let prefix = StyleFile.Key.templates.rawValue
        for (path, range) in locations.values where range.lowerBound < start && start < range.upperBound {
            let components = path.split(separator: "/").map(String.init)
            guard components.count == 2, components[0] == prefix, let key = StyleTemplate(rawValue: components[1]) else { continue }
            var items: [CompletionItem] = []
            for slot in key.slots {
                items.append(CompletionItem(label: slot, kind: .value, detail: key.rawValue, insertText: slot + "}", replaceRange: start..<offset))
                for form in key.forms(of: slot) {
                    items.append(CompletionItem(label: "\(slot):\(form)", kind: .value, detail: key.rawValue,
                                                insertText: "\(slot):\(form)}", replaceRange: start..<offset))
                }
            }
            return CompletionList(items: items, isIncomplete: false)
        }
        return empty
    }

    static func isObject(_ range: Range<Int>, in source: SourceText) -> Bool {
        range.lowerBound < source.bytes.count && source.bytes[range.lowerBound] == UInt8(ascii: "{")
    }

    static func describe(_ path: [String]) -> String? {
        switch (path.first, path.count) {
        case (let name?, 1):
            return StyleFile.Key(rawValue: name).map { "**\(name)**\n\n\($0.help)" }
        case (StyleFile.Key.templates.rawValue?, 2):
            guard let key = StyleTemplate(rawValue: path[1]) else { return nil }
            let slots = key.slots.isEmpty ? "No slots." : "Slots: " + key.slots.map { slot in
                let forms = key.forms(of: slot)
                if forms.isEmpty { return "`{\(slot)}`" }
                let kind = key.dateSlots.contains(slot) ? "a date" : "a time"
                return "`{\(slot)}` (\(kind): " + forms.map { "`{\(slot):\($0)}`" }.joined(separator: ", ") + ")"
            }.joined(separator: ", ") + "."
            return "**\(key.rawValue)**\n\n\(key.help)\n\n\(slots)\n\nDefault: `\(key.standard)`"
        case (StyleFile.Key.html.rawValue?, 2):
            return StyleFile.HTMLKey(rawValue: path[1]).map { "**html.\(path[1])**\n\n\($0.help)" }
        case (StyleFile.Key.contents.rawValue?, 2):
            return StyleFile.ContentsKey(rawValue: path[1]).map { "**contents.\(path[1])**\n\n\($0.help)" }
        case (StyleFile.Key.header.rawValue?, 2):
            return StyleFile.HeaderKey(rawValue: path[1]).map { "**header.\(path[1])**\n\n\($0.help)" }
        default:
            return nil
        }
    }
}
