import AgendaArchive
import AgendaBase
import Foundation
import Testing

/// `agendac archive export` on a real archive: the samples added with
/// `archive add`, exported to OParl (left in `.build/archive-oparl-cli/` for
/// `Tests/archive/oparl.sh`) and to PostgreSQL; its usage errors.
@Suite(.serialized) struct ArchiveExportCommandTests {
    static func samplesArchive() -> URL {
        let archive = ArchiveStoreTests.newArchive()
        let samples = Golden.sampleFiles().map(\.path)
        let added = ArchiveStoreTests.archive(["add"] + samples + ["--at", "2026-06-02T08:00:00Z"], archive)
        #expect(added.code == 0, "archive add: \(added.errors)")
        return archive
    }

    @Test func theSamplesExportToOParl() throws {
        let archive = Self.samplesArchive()
        let out = Golden.packageRoot.appendingPathComponent(".build/archive-oparl-cli")
        try? FileManager.default.removeItem(at: out)
        let result = ArchiveStoreTests.archive(["export", "--to", "oparl", out.path, "--base-url", "https://data.example.dk/oparl/"], archive)
        #expect(result.code == 0, "\(result.errors)")
        #expect(result.output.contains("https://data.example.dk/oparl/system.json"))
        let system = try JSON.parse(Golden.bytes(out.appendingPathComponent("system.json")))
        #expect(system["id"]?.stringValue == "https://data.example.dk/oparl/system.json")
        // every File's checksum is the SHA-512 of the copy beside it, and the copy is the archive's file
        let files = try JSON.parse(Golden.bytes(out.appendingPathComponent("horsens-kommune/files.json")))["data"]?.arrayValue ?? []
        #expect(files.count >= 6)
        for file in files {
            let access = try #require(file["accessUrl"]?.stringValue)
            let path = String(access.dropFirst("https://data.example.dk/oparl/".count)).removingPercentEncoding ?? ""
            let bytes = Golden.bytes(out.appendingPathComponent(path))
            #expect(!bytes.isEmpty && SHA512.hexDigest(bytes) == file["sha512Checksum"]?.stringValue, "\(path)")
            #expect(bytes == Golden.bytes(archive.appendingPathComponent(String(path.dropFirst("content/".count)))))
        }
        // again: the earlier export is replaced
        #expect(ArchiveStoreTests.archive(["export", "--to", "oparl", out.path, "--base-url", "https://data.example.dk/oparl"], archive).code == 0)
    }

    @Test func theSamplesExportToPostgres() throws {
        let archive = Self.samplesArchive()
        let out = temporaryTestFolder("agendac-export").appendingPathComponent("pg")
        let result = ArchiveStoreTests.archive(["export", "--to", "postgres", out.path], archive)
        #expect(result.code == 0, "\(result.errors)")
        #expect(result.output.contains("psql -d DATABASE -f"))
        let items = String(decoding: Golden.bytes(out.appendingPathComponent("data/items.sql")), as: UTF8.self)
        #expect(items.split(separator: "\n").count == 2 + Golden.sampleFiles().reduce(0) { count, url in
            count + Golden.read(url).split(separator: "\n").filter { $0.hasPrefix("punkt") }.count
        })
    }

    @Test func mistakesAreUsageErrors() throws {
        let archive = Self.samplesArchive()
        let out = temporaryTestFolder("agendac-export")
        let target = out.appendingPathComponent("x").path
        for arguments in [["export", target], ["export", "--to", "pdf", target], ["export", "--to", "oparl", target],
                          ["export", "--to", "oparl", target, "--base-url", "data.example.dk"],
                          ["export", "--to", "oparl", target, "--base-url", "https://a.dk", "--page-size", "0"],
                          ["export", "--to", "postgres", target, "--base-url", "https://a.dk"],
                          ["export", "--to", "postgres"], ["export", "--to", "postgres", archive.appendingPathComponent("ud").path]] {
            let result = ArchiveStoreTests.archive(arguments, archive)
            #expect(result.code == 2 && !result.errors.isEmpty, "\(arguments): \(result.code) \(result.errors)")
        }
        let mine = out.appendingPathComponent("mine")
        try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: mine.appendingPathComponent("notes.txt"))
        let refused = ArchiveStoreTests.archive(["export", "--to", "postgres", mine.path], archive)
        #expect(refused.code == 2 && refused.errors.contains("not an agendac export"))
        #expect(FileManager.default.fileExists(atPath: mine.appendingPathComponent("notes.txt").path))
    }

    /// A public file changed outside the tool: exit 1, pointing at `archive verify`, nothing written.
    @Test func aChangedFileStopsTheExport() throws {
        let archive = Self.samplesArchive()
        let store = try ArchiveStore.open(at: archive)
        let file = try #require(try store.snapshot().meetings.first?.publicFiles.first)
        try Data("changed".utf8).write(to: archive.appendingPathComponent(file.path))
        let out = temporaryTestFolder("agendac-export").appendingPathComponent("oparl")
        let result = ArchiveStoreTests.archive(["export", "--to", "oparl", out.path, "--base-url", "https://a.dk"], archive)
        #expect(result.code == 1 && result.errors.contains("archive verify"), "\(result.code) \(result.errors)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
