import AgendaBase
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// Where the export's objects live: each object is a file whose path, put
/// after `--base-url`, is its OParl `id`, so a plain web server serving the
/// export folder at that URL answers every id and every list page.
///
///     system.json                                  the System (the OParl endpoint)
///     bodies.json                                  the list of bodies
///     BODY/body.json                               a Body (a municipality)
///     BODY/meetings.json, BODY/meetings-2.json …   its lists, 100 objects a page
///     BODY/organization/COMMITTEE.json             an Organization, its lists beside it
///     BODY/meeting/COMMITTEE/2026-05-04.json       a Meeting, its items in …/2026-05-04/
///     BODY/paper/CASE.json                         a Paper (one per case)
///     content/ARCHIVE-PATH                         the public files themselves
public struct OParlBaseURL: Sendable, Equatable {
    /// Without a trailing `/`.
    public let text: String

    /// An `http` or `https` URL without query or fragment; nil otherwise.
    public init?(_ written: String) {
        var text = written.trimmingCharacters(in: .whitespaces)
        while text.hasSuffix("/") { text.removeLast() }
        let lower = text.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://"),
              let components = URLComponents(string: text), let host = components.host, !host.isEmpty,
              components.query == nil, components.fragment == nil,
              !text.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F }) else { return nil }
        self.text = text
    }

    public func url(_ path: String) -> String { text + "/" + path }
}

/// The relative paths of the export, one function per kind of object.
struct OParlPaths {
    let body: String

    static let system = "system.json"
    static let bodies = "bodies"
    static func content(_ archivePath: String) -> String { "content/" + archivePath }

    var bodyObject: String { body + "/body.json" }
    func list(_ name: String) -> String { body + "/" + name }
    func organization(_ slug: String) -> String { body + "/organization/" + slug + ".json" }
    func organizationList(_ slug: String, _ name: String) -> String { body + "/organization/" + slug + "/" + name }
    func party(_ slug: String) -> String { body + "/organization/parti/" + slug + ".json" }
    func person(_ slug: String) -> String { body + "/person/" + slug + ".json" }
    func membership(organization: String, person: String) -> String { body + "/membership/" + organization + "/" + person + ".json" }
    func meeting(_ id: MeetingID) -> String { body + "/meeting/" + id.path + ".json" }
    func agendaItem(_ id: MeetingID, order: Int) -> String { body + "/meeting/" + id.path + "/item-\(order).json" }
    func consultation(_ id: MeetingID, order: Int) -> String { body + "/meeting/" + id.path + "/consultation-\(order).json" }
    func file(_ id: MeetingID, _ slug: String) -> String { body + "/meeting/" + id.path + "/file-" + slug + ".json" }
    func paper(_ slug: String) -> String { body + "/paper/" + slug + ".json" }
    func location(_ slug: String) -> String { body + "/location/" + slug + ".json" }
    func legislativeTerm(_ startYear: Int) -> String { body + "/legislative-term/\(startYear).json" }
}

/// Percent-encodes a relative path for a URL, part by part (letters, digits and `-._~` stay).
enum URLPath {
    static func encode(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let digits = Array("0123456789ABCDEF")
                out += "%" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0F)])
            }
        }
        return out
    }
}

/// Unique, stable slugs for keys: a key keeps its plain slug unless another key
/// makes the same one, and then each gets a short hash of its key after it.
struct SlugTable {
    private(set) var slugs: [String: String] = [:]

    init(_ entries: [(key: String, name: String)]) {
        var byPlain: [String: [String]] = [:]
        for entry in entries where slugs[entry.key] == nil {
            let plain = Slug.make(entry.name)
            slugs[entry.key] = plain
            byPlain[plain, default: []].append(entry.key)
        }
        for (plain, keys) in byPlain where keys.count > 1 {
            for key in keys { slugs[key] = plain + "-" + String(SHA256.hexDigest(Array(key.utf8)).prefix(8)) }
        }
    }

    subscript(key: String) -> String { slugs[key] ?? Slug.make(key) }
}
