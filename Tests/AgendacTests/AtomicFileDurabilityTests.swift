@testable import AgendaBase
@testable import AgendaCLI
import Foundation
import Testing

/// `AtomicFile`'s two durabilities: `synced` (fsync before the rename, for the
/// user's source and the archive's records) and `regenerable` (no fsync, for
/// what `compile -o` makes again from its source). Both replace atomically.
@Suite struct AtomicFileDurabilityTests {
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("agendac-durability-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `bytes` with `durability`; how many times it synced.
    static func write(_ bytes: [UInt8], to url: URL, _ durability: AtomicFile.Durability) throws -> Int {
        var syncs = 0
        try AtomicFile.write(bytes, to: url, durability: durability, sync: { descriptor in
            syncs += 1
            return fsync(descriptor)
        })
        return syncs
    }

    @Test(arguments: [(AtomicFile.Durability.synced, 1), (.regenerable, 0)])
    func replacingByRename(_ durability: AtomicFile.Durability, expectedSyncs: Int) throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("referat.pdf")
        #expect(try Self.write(Array("new".utf8), to: target, durability) == expectedSyncs)
        #expect(try Self.write(Array("newer, longer".utf8), to: target, durability) == expectedSyncs)
        #expect(try Data(contentsOf: target) == Data("newer, longer".utf8))
        // the temporary was renamed, not left behind
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["referat.pdf"])
    }

    @Test(arguments: [(AtomicFile.Durability.synced, 1), (.regenerable, 0)])
    func rewritingAFileWithHardLinksInPlace(_ durability: AtomicFile.Durability, expectedSyncs: Int) throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("referat.pdf")
        let other = folder.appendingPathComponent("link.pdf")
        try Data("a much longer old text".utf8).write(to: target)
        #expect(link(target.path, other.path) == 0)
        #expect(try Self.write(Array("short".utf8), to: target, durability) == expectedSyncs)
        #expect(try Data(contentsOf: other) == Data("short".utf8))
    }

    /// A failing sync fails a synced write and leaves the old file; a regenerable write never asks.
    @Test func aFailingSyncFailsOnlyASyncedWrite() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("møde.agenda")
        try Data("old".utf8).write(to: target)
        #expect(throws: AtomicFile.WriteError.self) {
            try AtomicFile.write(Array("new".utf8), to: target, durability: .synced, sync: { _ in errno = EIO; return -1 })
        }
        #expect(try Data(contentsOf: target) == Data("old".utf8))
        try AtomicFile.write(Array("new".utf8), to: target, durability: .regenerable, sync: { _ in errno = EIO; return -1 })
        #expect(try Data(contentsOf: target) == Data("new".utf8))
    }

    /// Which commands choose which: only compiled outputs skip the sync.
    @Test func compiledOutputsAreRegenerableAndEverythingElseSynced() throws {
        #expect(CompileCommand.outputDurability == .regenerable)
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources")
        let files = try #require(FileManager.default.enumerator(atPath: sources.path)).compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        for file in files {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            guard text.contains(".regenerable") else { continue }
            #expect(file == "AgendaCLI/CompileCommand.swift" || file == "AgendaBase/AtomicFile.swift", "\(file) writes without syncing")
        }
    }
}
