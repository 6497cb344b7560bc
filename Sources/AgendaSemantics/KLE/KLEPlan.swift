import AgendaBase
import Foundation

/// The full KLE plan, read from a municipality's licensed KLE-XML files
/// (`KLE-Emneplan`, `KLE-Handlingsfacetter`). It is never bundled; the
/// settings point at it.
///
/// The reader is tolerant of the XML's exact element names: every element
/// whose name ends in `Nr` is paired with the next element whose name ends in
/// `Titel`, and the number's shape says what it is (`00`, `00.01`,
/// `00.01.00`, `A00`).
public struct KLEPlan: Sendable {
    public var mainGroups: [String: String] = [:]
    public var groups: [String: String] = [:]
    public var subjects: [String: String] = [:]
    public var facets: [String: String] = [:]

    public struct LoadError: Error, Sendable { public var reason: String }

    public init() {}

    /// Loads a file, or every `.xml` file of a folder (the plan and the facets often come as two files).
    public static func load(_ url: URL) -> Result<KLEPlan, LoadError> {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
            return .failure(LoadError(reason: "no such file"))
        }
        var files = [url]
        if isFolder.boolValue {
            files = ((try? FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: nil)) ?? [])
                .filter { $0.pathExtension.lowercased() == "xml" }.sorted { $0.path < $1.path }
        }
        var plan = KLEPlan()
        for file in files {
            guard let data = FileManager.default.contents(atPath: file.path) else { return .failure(LoadError(reason: "cannot read \(file.lastPathComponent)")) }
            plan.read(xml: String(decoding: data, as: UTF8.self))
        }
        if plan.subjects.isEmpty && plan.facets.isEmpty && plan.mainGroups.isEmpty {
            return .failure(LoadError(reason: "no KLE numbers with titles were found in it"))
        }
        return .success(plan)
    }

    /// Adds the numbered, titled entries of one XML text.
    public mutating func read(xml: String) {
        var pendingNumber: String?
        var scanner = XMLElementScanner(xml)
        while let (name, value) = scanner.nextTextElement() {
            if name.hasSuffix("Nr") {
                pendingNumber = value.trimmedSpaces
            } else if name.hasSuffix("Titel"), let number = pendingNumber {
                store(number: number, title: value.trimmingCharacters(in: .whitespacesAndNewlines))
                pendingNumber = nil
            }
        }
    }

    mutating func store(number: String, title: String) {
        let normalized = TextNormalization.nfc(number).uppercased()
        let parts = normalized.split(separator: ".")
        let isDigits = parts.allSatisfy { $0.count == 2 && $0.allSatisfy(\.isASCII) && Int($0) != nil }
        if isDigits {
            switch parts.count {
            case 1: mainGroups[normalized] = title
            case 2: groups[normalized] = title
            case 3: subjects[normalized] = title
            default: break
            }
        } else if normalized.count == 3, let first = normalized.first, first.isLetter, Int(normalized.dropFirst()) != nil {
            facets[normalized] = title
        }
    }
}

/// Yields `(elementName, text)` for elements that hold only text; enough for KLE-XML.
struct XMLElementScanner {
    let scalars: [UInt8]
    var index = 0

    init(_ text: String) { scalars = Array(text.utf8) }

    mutating func nextTextElement() -> (String, String)? {
        while index < scalars.count {
            guard scalars[index] == UInt8(ascii: "<") else { index += 1; continue }
            let nameStart = index + 1
            guard nameStart < scalars.count, scalars[nameStart] != UInt8(ascii: "/"), scalars[nameStart] != UInt8(ascii: "?"),
                  scalars[nameStart] != UInt8(ascii: "!") else { index += 1; continue }
            var nameEnd = nameStart
            while nameEnd < scalars.count, ![UInt8(ascii: ">"), UInt8(ascii: " "), UInt8(ascii: "/"), 0x0A, 0x09, 0x0D].contains(scalars[nameEnd]) { nameEnd += 1 }
            var tagEnd = nameEnd
            while tagEnd < scalars.count, scalars[tagEnd] != UInt8(ascii: ">") { tagEnd += 1 }
            guard tagEnd < scalars.count else { return nil }
            index = tagEnd + 1
            if scalars[tagEnd - 1] == UInt8(ascii: "/") { continue }  // <empty/>
            var textEnd = index
            while textEnd < scalars.count, scalars[textEnd] != UInt8(ascii: "<") { textEnd += 1 }
            // only text directly followed by this element's closing tag counts
            let name = String(decoding: scalars[nameStart..<nameEnd], as: UTF8.self)
            let localName = name.split(separator: ":").last.map(String.init) ?? name
            let closing = Array("</\(name)>".utf8)
            if textEnd + closing.count <= scalars.count, Array(scalars[textEnd..<(textEnd + closing.count)]) == closing {
                let text = String(decoding: scalars[index..<textEnd], as: UTF8.self)
                index = textEnd + closing.count
                return (localName, XMLElementScanner.decodeEntities(text))
            }
        }
        return nil
    }

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
