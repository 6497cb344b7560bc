import AgendaBase
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// A municipality's defaults, from `agendac.json`, found by walking up from
/// the agenda file. Everything works without one; with one, the checker knows
/// committees, members, parties and distribution codes, and completion offers them.
public struct WorkspaceSettings: Sendable {
    public static let fileName = "agendac.json"

    public enum CaseNumberStyle: String, Sendable { case any, kle, serial }

    public struct Member: Sendable, Hashable {
        public var name: String
        public var party: String?
        public var role: String?
    }

    public struct Committee: Sendable {
        public var name: String
        public var members: [Member]
    }

    /// Where the file was read from.
    public var url: URL
    public var municipality: String?
    public var caseNumberStyle: CaseNumberStyle = .any
    /// The forms the municipality's case system writes; when given, they replace `caseNumberStyle`.
    public var caseNumberPatterns: [CaseNumberPattern] = []
    /// The KLE-XML file, resolved against the settings file's folder.
    public var kleFileURL: URL?
    /// The house style file (`style`), resolved against the settings file's folder; read by the renderers' callers.
    public var styleFileURL: URL?
    /// Code → what it stands for, in the file's order.
    public var distributionCodes: [(code: String, meaning: String)] = []
    /// Letter → party name, in the file's order.
    public var parties: [(letter: String, name: String)] = []
    public var committees: [Committee] = []
    /// Further folders attachments may lie in (`attachmentFolders`), resolved against the settings file's folder.
    public var attachmentFolders: [URL] = []
    /// The minutes archive's folder (`archive`), resolved against the settings file's folder; read by `agendac archive`.
    public var archiveURL: URL?

    public struct LoadError: Error, Sendable { public var reason: String }

    /// The nearest `agendac.json` in `folder` or above it.
    public static func find(from folder: URL) -> URL? {
        FolderWalk.nearestFile(named: fileName, from: folder)
    }

    public static func load(_ url: URL) -> Result<WorkspaceSettings, LoadError> {
        guard let data = FileManager.default.contents(atPath: url.path) else { return .failure(LoadError(reason: "cannot be read")) }
        let json: JSON
        do { json = try JSON.parse(Array(data)) } catch { return .failure(LoadError(reason: "is not valid JSON (\(error.description))")) }
        return parse(json, url: url)
    }

    public static func parse(_ json: JSON, url: URL) -> Result<WorkspaceSettings, LoadError> {
        guard json.objectValue != nil else { return .failure(LoadError(reason: "must hold a JSON object")) }
        var settings = WorkspaceSettings(url: url)
        settings.municipality = json["municipality"]?.stringValue
        if let style = json["caseNumberStyle"]?.stringValue {
            guard let value = CaseNumberStyle(rawValue: style) else {
                return .failure(LoadError(reason: "`caseNumberStyle` is '\(style)'; use \"any\", \"kle\" or \"serial\""))
            }
            settings.caseNumberStyle = value
        }
        if let patterns = json["caseNumberPatterns"] {
            guard let list = patterns.arrayValue, list.allSatisfy({ !($0.stringValue ?? "").isEmpty }) else {
                return .failure(LoadError(reason: "`caseNumberPatterns` must be a list of forms such as [\"yyyy-nnnnnn\", \"yy/nnnnn\"]"))
            }
            settings.caseNumberPatterns = list.compactMap(\.stringValue).map(CaseNumberPattern.init)
        }
        if let path = json["kleFile"]?.stringValue, !path.isEmpty {
            settings.kleFileURL = path.hasPrefix("/") ? URL(fileURLWithPath: path)
                : url.deletingLastPathComponent().appendingPathComponent(path)
        }
        if let path = json["style"]?.stringValue, !path.isEmpty {
            settings.styleFileURL = path.hasPrefix("/") ? URL(fileURLWithPath: path)
                : url.deletingLastPathComponent().appendingPathComponent(path)
        }
        if let path = json["archive"]?.stringValue, !path.isEmpty {
            settings.archiveURL = path.hasPrefix("/") ? URL(fileURLWithPath: path)
                : url.deletingLastPathComponent().appendingPathComponent(path)
        }
        settings.attachmentFolders = (json["attachmentFolders"]?.arrayValue ?? []).compactMap(\.stringValue).filter { !$0.isEmpty }.map { path in
            path.hasPrefix("/") ? URL(fileURLWithPath: path) : url.deletingLastPathComponent().appendingPathComponent(path)
        }
        settings.distributionCodes = (json["distributionCodes"]?.objectValue ?? []).map { ($0.0, $0.1.stringValue ?? "") }
        settings.parties = (json["parties"]?.objectValue ?? []).map { ($0.0, $0.1.stringValue ?? "") }
        for committee in json["committees"]?.arrayValue ?? [] {
            guard let name = committee["name"]?.stringValue else { continue }
            let members = (committee["members"]?.arrayValue ?? []).compactMap { member -> Member? in
                guard let memberName = member["name"]?.stringValue else { return nil }
                return Member(name: memberName, party: member["party"]?.stringValue, role: member["role"]?.stringValue)
            }
            settings.committees.append(Committee(name: name, members: members))
        }
        return .success(settings)
    }

    /// The committee with this name, ignoring case and a trailing term such as "(2022-2025)".
    public func committee(named name: String) -> Committee? {
        let wanted = WorkspaceSettings.normalizedCommitteeName(name)
        return committees.first { WorkspaceSettings.normalizedCommitteeName($0.name) == wanted }
    }

    public static func normalizedCommitteeName(_ name: String) -> String {
        var result = TextNormalization.nfc(name).lowercased().trimmedSpaces
        if result.hasSuffix(")"), let open = result.lastIndex(of: "(") { result = result[..<open].trimmedSpaces }
        return result
    }

    /// The party's full name for a letter or name as written, if the settings know it.
    public func partyName(_ written: String) -> String? {
        let folded = TextNormalization.nfc(written).lowercased()
        return parties.first { $0.letter.lowercased() == folded || $0.name.lowercased() == folded }?.name
    }
}
