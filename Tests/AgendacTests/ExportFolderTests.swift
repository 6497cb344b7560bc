import AgendaArchive
import Foundation
import Testing

/// An export replaces its folder whole, and never a folder that is not an earlier export of its kind.
@Suite struct ExportFolderTests {
    static func temporary() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("agendac-export-\(getpid())-\(UUID().uuidString)")
    }

    @Test func anEarlierExportIsReplacedWhole() throws {
        let parent = Self.temporary()
        defer { try? FileManager.default.removeItem(at: parent) }
        let target = parent.appendingPathComponent("oparl")
        var first = try ExportFolder(target: target, kind: "oparl")
        try first.write(Array("old".utf8), to: "stale/file.json")
        try first.commit()
        var second = try ExportFolder(target: target, kind: "oparl")
        try second.write(Array("new".utf8), to: "system.json")
        try second.append(Array("a".utf8), to: "data/x.sql")
        try second.append(Array("b".utf8), to: "data/x.sql")
        // until committed, the earlier export stands
        #expect(FileManager.default.fileExists(atPath: target.appendingPathComponent("stale/file.json").path))
        try second.commit()
        #expect(!FileManager.default.fileExists(atPath: target.appendingPathComponent("stale").path))
        #expect(FileManager.default.contents(atPath: target.appendingPathComponent("data/x.sql").path) == Data("ab".utf8))
        let left = try FileManager.default.contentsOfDirectory(atPath: parent.path)
        #expect(left == ["oparl"], "left behind: \(left)")
    }

    @Test func otherFoldersAreRefused() throws {
        let parent = Self.temporary()
        defer { try? FileManager.default.removeItem(at: parent) }
        let mine = parent.appendingPathComponent("documents")
        try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: mine.appendingPathComponent("notes.txt"))
        #expect(throws: ArchiveExportError.self) { try ExportFolder(target: mine, kind: "oparl") }
        #expect(FileManager.default.contents(atPath: mine.appendingPathComponent("notes.txt").path) == Data("keep".utf8))
        let postgres = parent.appendingPathComponent("pg")
        try ExportFolder(target: postgres, kind: "postgres").commit()
        #expect(throws: ArchiveExportError.self) { try ExportFolder(target: postgres, kind: "oparl") }
        let file = parent.appendingPathComponent("file")
        try Data().write(to: file)
        #expect(throws: ArchiveExportError.self) { try ExportFolder(target: file, kind: "oparl") }
        var unfinished = try ExportFolder(target: parent.appendingPathComponent("new"), kind: "oparl")
        #expect(throws: ArchiveExportError.self) { try unfinished.write([], to: "../escape.json") }
        unfinished.discard()
        #expect(!FileManager.default.fileExists(atPath: parent.appendingPathComponent("new").path))
    }
}
