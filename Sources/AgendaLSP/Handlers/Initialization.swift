import AgendaBase
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// `initialize` and `initialized`: agreeing on capabilities, then starting the
/// background work the client may see (indexing progress, file watchers).
enum Initialization {
    static let serverName = "agendac"
    static let serverVersion = AgendacVersion.current

    /// Why `initialize`'s params are not `InitializeParams`, or nil when they are:
    /// an object, with `capabilities` an object and the optional members of their types.
    static func invalidParams(_ params: JSON?) -> String? {
        guard let params, params.objectValue != nil else { return "initialize needs params, a JSON object (InitializeParams)" }
        guard params["capabilities"]?.objectValue != nil else { return "initialize needs params.capabilities, a JSON object" }
        func optional(_ key: String, _ accepts: (JSON) -> Bool, _ expected: String) -> String? {
            guard let value = params[key], !value.isNull, !accepts(value) else { return nil }
            return "params.\(key) must be \(expected)"
        }
        return optional("processId", { $0.intValue != nil }, "an integer or null")
            ?? optional("rootUri", { $0.stringValue != nil }, "a string or null")
            ?? optional("rootPath", { $0.stringValue != nil }, "a string or null")
            ?? optional("workspaceFolders", { $0.arrayValue != nil }, "an array or null")
    }

    /// Reads the client's capabilities, folders and options; answers with ours.
    static func initialize(_ context: HandlerContext) -> JSON {
        let state = context.state
        let params = context.params
        state.client = ClientCapabilities(params?["capabilities"])
        state.encoding = PositionEncoding.negotiate(clientOffers: state.client.positionEncodings)
        state.workspace.setRoots(roots(params))
        state.workspace.limits = Workspace.Limits(params?["initializationOptions"]?["index"])
        if let kleFile = params?["initializationOptions"]?["kleFile"]?.stringValue {
            // no document is open yet, so nothing to analyze again (and nothing may be sent before our answer)
            state.settings.setKLEOverride(WorkspaceNotifications.resolveKLEPath(kleFile, roots: state.workspace.roots))
        }
        return .object([
            ("capabilities", ServerFeatures.capabilities(for: state.client, encoding: state.encoding)),
            ("serverInfo", .object([("name", .string(serverName)), ("version", .string(serverVersion))])),
        ])
    }

    /// After the client's `initialized`: watch the files we depend on, and index the workspace.
    static func initialized(_ state: ServerState) {
        if state.client.watchedFilesRegistration {
            let watchers = JSON.array(["**/agendac.json", "**/*.agenda"].map { .object([("globPattern", .string($0))]) })
            state.connection.request("client/registerCapability", .object([("registrations", .array([.object([
                ("id", .string("agendac-watched-files")),
                ("method", .string("workspace/didChangeWatchedFiles")),
                ("registerOptions", .object([("watchers", watchers)])),
            ])]))]))
        }
        state.startIndexing()
    }

    /// The workspace folders: `workspaceFolders`, else the older `rootUri`, else `rootPath`.
    static func roots(_ params: JSON?) -> [URL] {
        if let folders = params?["workspaceFolders"]?.arrayValue {
            return folders.compactMap { $0["uri"]?.stringValue }.compactMap(DocumentURI.fileURL)
        }
        if let rootURI = params?["rootUri"]?.stringValue, let url = DocumentURI.fileURL(of: rootURI) { return [url] }
        if let rootPath = params?["rootPath"]?.stringValue, rootPath.hasPrefix("/") { return [URL(fileURLWithPath: rootPath)] }
        return []
    }
}
