import AgendaBase
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// The full KLE plan, read from a municipality's licensed KLE-XML files
/// (`KLE-Emneplan` and `KLE-Handlingsfacetter`, version 2.0). It is never
/// bundled; the settings point at it. When configured it wins over the open
/// OS2KLE list for existence, titles and history.
///
/// The reader follows the structure: an element `X` (`Hovedgruppe`, `Gruppe`,
/// `Emne`, `HandlingsfacetKategori`, `Handlingsfacet`) is numbered and titled
/// by its children `XNr` and `XTitel`, and the number's shape says what it is
/// (`00`, `00.01`, `00.01.00`, `A00`, `A`). Under `XAdministrativInfo/Historisk`,
/// `UdgaaetDato` retires it and `Flyttet/AfloestAf/EmneNr` names its replacement.
public struct KLEPlan: Sendable {
    public var mainGroups: [String: String] = [:]
    public var groups: [String: String] = [:]
    public var subjects: [String: String] = [:]
    public var facets: [String: String] = [:]
    /// Facet category letter (`A`) → title.
    public var facetCategories: [String: String] = [:]
    /// Number (`15.01.02`) → the date it was retired, as written.
    public var retired: [String: String] = [:]
    /// Number → the number that replaced it.
    public var movedTo: [String: String] = [:]
    /// The current subjects (neither retired nor moved), indexed for the checker and completion.
    public private(set) var subjectList = KLESubjectList([])

    public struct LoadError: Error, Sendable { public var reason: String }

    /// KLE-XML nests five deep or so; a closing tag is matched only this far in.
    static let closingSearchDepth = 32

    public init() {}

    /// Loads a file, or every `.xml` file of a folder (the plan and the facets often come as two files).
    public static func load(_ url: URL) -> Result<KLEPlan, LoadError> {
        guard let isFolder = FileKind.isFolder(url.path) else {
            return .failure(LoadError(reason: "no such file"))
        }
        var files = [url]
        if isFolder {
            files = ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? [])
                .filter { $0.lowercased().hasSuffix(".xml") && $0.count > 4 }
                .map { url.appendingPathComponent($0) }.sorted { $0.path < $1.path }
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

    /// One element being read: its name and what its children said of it.
    private struct Frame {
        var name: String
        var number: String?
        var title: String?
        var retired: String?
        var replacement: String?
        var text = ""
    }

    /// Adds the numbered, titled entries of one XML text.
    public mutating func read(xml: String) {
        var frames: [Frame] = []
        var scanner = XMLEventScanner(xml)
        while let event = scanner.next() {
            switch event {
            case .open(let name):
                frames.append(Frame(name: name))
            case .text(let text):
                if !frames.isEmpty { frames[frames.count - 1].text += text }
            case .close(let name):
                // a stray closing tag closes what it matches among the innermost few (linear on broken files)
                guard let index = frames.indices.reversed().prefix(KLEPlan.closingSearchDepth).first(where: { frames[$0].name == name }) else { continue }
                let frame = frames[index]
                frames.removeSubrange(index...)
                if let number = frame.number, let title = frame.title {
                    store(number: number, title: title)
                    if let date = frame.retired { retired[normalized(number)] = date }
                    if let replacement = frame.replacement { movedTo[normalized(number)] = normalized(replacement) }
                }
                guard let parent = frames.indices.last else { continue }
                let value = frame.text.trimmingCharacters(in: .whitespacesAndNewlines)
                let parentName = frames[parent].name
                if name == parentName + "Nr" {
                    frames[parent].number = value
                } else if name == parentName + "Titel" {
                    frames[parent].title = value
                } else if name == "UdgaaetDato", let owner = frames.lastIndex(where: { $0.number != nil }) {
                    frames[owner].retired = value
                } else if parentName == "AfloestAf", name.hasSuffix("Nr"), let owner = frames.lastIndex(where: { $0.number != nil }) {
                    frames[owner].replacement = value
                }
            }
        }
        // the current subjects: retired and moved ones are reported as such, never proposed
        subjectList = KLESubjectList(subjects.compactMap { code, title in
            guard retired[code] == nil, movedTo[code] == nil else { return nil }
            return KLESubject.key(forCode: code).map { KLESubject(code: code, title: title, key: $0) }
        })
    }

    private func normalized(_ number: String) -> String { TextNormalization.nfc(number).uppercased().trimmedSpaces }

    mutating func store(number: String, title: String) {
        let normalized = normalized(number)
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
        } else if normalized.count == 1, let letter = normalized.first, letter.isLetter {
            facetCategories[normalized] = title
        }
    }
}

/// The events of an XML text that KLE-XML needs: element starts and ends, and
/// text with entities decoded. Declarations, comments and processing
/// instructions are skipped; `<x/>` is a start and an end. Never fails.
struct XMLEventScanner {
    enum Event { case open(String), close(String), text(String) }

    let bytes: [UInt8]
    var index = 0
    private var pendingClose: String?

    init(_ text: String) { bytes = Array(text.utf8) }

    mutating func next() -> Event? {
        if let name = pendingClose {
            pendingClose = nil
            return .close(name)
        }
        guard index < bytes.count else { return nil }
        guard bytes[index] == UInt8(ascii: "<") else {
            let start = index
            while index < bytes.count, bytes[index] != UInt8(ascii: "<") { index += 1 }
            return .text(XMLEventScanner.decodeEntities(String(decoding: bytes[start..<index], as: UTF8.self)))
        }
        if starts(with: "<!--") { skip(past: "-->"); return next() }
        if starts(with: "<![CDATA[") {
            let start = index + 9
            skip(past: "]]>")
            return .text(String(decoding: bytes[start..<max(start, index - 3)], as: UTF8.self))
        }
        if starts(with: "<?") || starts(with: "<!") { skip(past: ">"); return next() }
        let isClose = index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "/")
        let nameStart = index + (isClose ? 2 : 1)
        var nameEnd = nameStart
        while nameEnd < bytes.count, ![UInt8(ascii: ">"), UInt8(ascii: " "), UInt8(ascii: "/"), 0x0A, 0x09, 0x0D].contains(bytes[nameEnd]) { nameEnd += 1 }
        var tagEnd = nameEnd
        while tagEnd < bytes.count, bytes[tagEnd] != UInt8(ascii: ">") { tagEnd += 1 }
        index = min(tagEnd + 1, bytes.count)
        let qualified = String(decoding: bytes[nameStart..<nameEnd], as: UTF8.self)
        let name = qualified.split(separator: ":").last.map(String.init) ?? qualified
        if isClose { return .close(name) }
        if tagEnd < bytes.count, tagEnd > nameStart, bytes[tagEnd - 1] == UInt8(ascii: "/") { pendingClose = name }
        return .open(name)
    }

    private func starts(with prefix: String) -> Bool {
        let marker = Array(prefix.utf8)
        return index + marker.count <= bytes.count && bytes[index..<(index + marker.count)].elementsEqual(marker)
    }

    private mutating func skip(past terminator: String) {
        let marker = Array(terminator.utf8)
        while index < bytes.count {
            if index + marker.count <= bytes.count, bytes[index..<(index + marker.count)].elementsEqual(marker) {
                index += marker.count
                return
            }
            index += 1
        }
    }

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            let after = rest[ampersand...]
            guard let semicolon = after.prefix(12).firstIndex(of: ";") else { result += "&"; rest = after.dropFirst(); continue }
            let name = after[after.index(after: ampersand)..<semicolon]
            let named: [Substring: String] = ["lt": "<", "gt": ">", "quot": "\"", "apos": "'", "amp": "&"]
            if let value = named[name] {
                result += value
            } else if name.hasPrefix("#x") || name.hasPrefix("#X"), let code = UInt32(name.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(code) {
                result.unicodeScalars.append(scalar)
            } else if name.hasPrefix("#"), let code = UInt32(name.dropFirst()), let scalar = Unicode.Scalar(code) {
                result.unicodeScalars.append(scalar)
            } else {
                result += after[...semicolon]
            }
            rest = after[after.index(after: semicolon)...]
        }
        return result + rest
    }
}
