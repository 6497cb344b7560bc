import Foundation
import Testing

/// `agendac` links FoundationEssentials only: full Foundation (and its ICU
/// tables, some 79,000 relocations at every start) must not come back through
/// one module's `import Foundation`. Only the benchmark may import it freely.
struct FoundationImportTests {
    @Test func noModuleOfTheProductImportsFullFoundationOnLinux() throws {
        let sources = Golden.packageRoot.appendingPathComponent("Sources")
        let files = try #require(FileManager.default.enumerator(atPath: sources.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") && !$0.hasPrefix("agendac-bench/") }
        #expect(files.count > 100)
        var offenders: [String] = []
        for file in files {
            let lines = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            var conditions: [Substring] = [] // the open `#if` lines, innermost last, and whether we are in their `#else`
            var inElse: [Bool] = []
            for (number, line) in lines.enumerated() {
                let text = line.trimmingCharacters(in: .whitespaces)
                if text.hasPrefix("#if ") { conditions.append(Substring(text)); inElse.append(false) }
                else if text.hasPrefix("#else") || text.hasPrefix("#elseif") { if !inElse.isEmpty { inElse[inElse.count - 1] = true } }
                else if text.hasPrefix("#endif") { _ = conditions.popLast(); _ = inElse.popLast() }
                let module = text.hasPrefix("import ") ? text.dropFirst("import ".count) : text.hasPrefix("@_exported import ") ? text.dropFirst("@_exported import ".count) : nil
                guard let module, ["Foundation", "FoundationInternationalization", "FoundationNetworking", "FoundationXML"].contains(module) else { continue }
                // allowed only as the other branch of `#if canImport(FoundationEssentials)`
                let guarded = conditions.last == "#if canImport(FoundationEssentials)" && inElse.last == true
                if !guarded { offenders.append("\(file):\(number + 1): \(text)") }
            }
        }
        #expect(offenders.isEmpty, "import FoundationEssentials on Linux instead (#if canImport(FoundationEssentials) … #else import Foundation #endif): \(offenders)")
    }
}
