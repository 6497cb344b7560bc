// The workspace settings reader (`agendac.json`): any bytes are read or refused
// with a reason, and settings it accepts drive the checker without a crash.
import AgendaBase
import AgendaSemantics
import Foundation

func fuzzSettings(_ input: UnsafeBufferPointer<UInt8>) {
    let bytes = Array(input)
    guard let json = try? JSON.parse(bytes) else { return }
    switch WorkspaceSettings.parse(json, url: URL(fileURLWithPath: "/agendac-fuzz/agendac.json")) {
    case .success(let settings):
        analyzeChecked(settingsProbeDocument, context: isolatedContext(settings: settings))
    case .failure(let error):
        if error.reason.isEmpty { propertyFailed("settings were refused without a reason") }
    }
}
