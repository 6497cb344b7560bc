import Foundation
import Testing

/// Shared plumbing for golden tests: an input file beside its expected output.
/// Run with `AGENDAC_UPDATE_GOLDEN=1` to rewrite the expected files, then review the diff.
enum Golden {
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var fixtures: URL { packageRoot.appendingPathComponent("Tests/Fixtures") }
    static var samples: URL { packageRoot.appendingPathComponent("samples") }
    /// The project's own copies of the seed minutes (see its README).
    static var seeds: URL { fixtures.appendingPathComponent("seeds") }

    static var updating: Bool { ProcessInfo.processInfo.environment["AGENDAC_UPDATE_GOLDEN"] == "1" }

    /// The files with `ext` in a fixtures folder, sorted by name.
    static func inputs(_ folder: String, ext: String = "agenda") -> [URL] {
        let url = fixtures.appendingPathComponent(folder)
        let files = (try? FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: nil)) ?? []
        return files.filter { $0.pathExtension == ext }.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    static func sampleFiles() -> [URL] {
        let files = (try? FileManager.default.contentsOfDirectory(at: samples, includingPropertiesForKeys: nil)) ?? []
        return files.filter { $0.pathExtension == "agenda" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    static func read(_ url: URL) -> String {
        (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }

    static func bytes(_ url: URL) -> [UInt8] {
        FileManager.default.contents(atPath: url.path).map { Array($0) } ?? []
    }

    /// Compares `actual` with the file at `expected` (or writes it when updating).
    static func check(_ actual: String, against expected: URL, sourceLocation: SourceLocation = #_sourceLocation) {
        if updating {
            try? actual.write(to: expected, atomically: true, encoding: .utf8)
            return
        }
        guard FileManager.default.fileExists(atPath: expected.path) else {
            Issue.record("missing expected file \(expected.lastPathComponent); run with AGENDAC_UPDATE_GOLDEN=1 and review it", sourceLocation: sourceLocation)
            return
        }
        let wanted = read(expected)
        if actual != wanted {
            Issue.record("\(expected.lastPathComponent) differs:\n\(firstDifference(wanted, actual))", sourceLocation: sourceLocation)
        }
    }

    /// The first differing line, for a short failure message.
    static func firstDifference(_ expected: String, _ actual: String) -> String {
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(a.count, b.count) {
            let left = index < a.count ? String(a[index]) : "<end>"
            let right = index < b.count ? String(b[index]) : "<end>"
            if left != right { return "line \(index + 1)\n  expected: \(left)\n  actual:   \(right)" }
        }
        return "(same lines, different ending)"
    }
}
