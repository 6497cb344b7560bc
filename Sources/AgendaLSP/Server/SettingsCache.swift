import AgendaBase
import AgendaSemantics
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// The `CheckContext` for each document: the workspace settings found by
/// walking up from its folder (`agendac.json`) and the KLE plan they name,
/// cached per folder because loading a KLE plan is expensive.
///
/// `kleFile` from the client (initialization options or `agenda.kleFile`)
/// overrides the settings' `kleFile`. Safe to use from any thread.
public final class SettingsCache: Sendable {
    private struct State {
        var byFolder: [String: (CheckContext, [Diagnostic])] = [:]
        var kleOverride: String?
        var kleOverridePlan: (path: String, result: Result<KLEPlan, KLEPlan.LoadError>)?
    }

    private let state = Locked(State())

    public init() {}

    /// The context for a document, and the problems met while finding it.
    public func context(forURI uri: String) -> (CheckContext, [Diagnostic]) {
        guard let url = DocumentURI.fileURL(of: uri) else {
            return applyingOverride(to: CheckContext(), problems: [])
        }
        let folder = url.deletingLastPathComponent().standardizedFileURL
        var (context, problems) = folderContext(folder)
        context.fileURL = url
        return applyingOverride(to: context, problems: problems)
    }

    /// Forgets every folder's settings; the next `context` reads them again.
    public func invalidate() {
        state.withLock { state in
            state.byFolder = [:]
            state.kleOverridePlan = nil
        }
    }

    /// Sets the client's `kleFile` (nil or empty: use the settings'); returns whether it changed.
    @discardableResult
    public func setKLEOverride(_ path: String?) -> Bool {
        let wanted = path.flatMap { $0.isEmpty ? nil : $0 }
        return state.withLock { state in
            guard state.kleOverride != wanted else { return false }
            state.kleOverride = wanted
            state.kleOverridePlan = nil
            return true
        }
    }

    private func folderContext(_ folder: URL) -> (CheckContext, [Diagnostic]) {
        if let cached = state.withLock({ $0.byFolder[folder.path] }) { return cached }
        // discover walks up from the file's folder; any name in the folder will do
        let found = CheckContext.discover(for: folder.appendingPathComponent("_.agenda"))
        state.withLock { $0.byFolder[folder.path] = found }
        return found
    }

    private func applyingOverride(to context: CheckContext, problems: [Diagnostic]) -> (CheckContext, [Diagnostic]) {
        guard let path = state.withLock({ $0.kleOverride }) else { return (context, problems) }
        let result: Result<KLEPlan, KLEPlan.LoadError>
        if let cached = state.withLock({ $0.kleOverridePlan }), cached.path == path {
            result = cached.result
        } else {
            result = KLEPlan.load(URL(fileURLWithPath: path))
            state.withLock { $0.kleOverridePlan = (path, result) }
        }
        var context = context
        var problems = problems
        switch result {
        case .success(let plan): context.klePlan = plan
        case .failure(let error):
            problems.append(Diagnostic(.settingsUnreadable, 0..<0, "the KLE file \(path) set in the editor (agenda.kleFile) cannot be read (\(error.reason)); fix the setting"))
        }
        return (context, problems)
    }
}
