import AgendaArchive
import AgendaBase
import AgendaSemantics
import Foundation

/// `agendac archive search` as a user runs it: the whole process (spawn,
/// start-up, reading the index, printing, exit) on a real archive folder of
/// generated minutes (`prefillSourcesOnly`, as `--store-only` fills it). The
/// first search indexes the whole archive; after one meeting is added the next
/// search indexes only that one; every further search finds the index current
/// from the archive's stamp and reads nothing else. `agendac --version` is
/// timed beside it: the part of each search that is process start-up.
enum ArchiveCLISearchBenchmark {
    static func arguments(_ query: ArchiveSearchQuery, archive: URL) -> [String] {
        var arguments = ["archive", "search"] + query.text.split(separator: " ").map(String.init)
        if let committee = query.committee { arguments += ["--committee", committee] }
        if let from = query.from { arguments += ["--from", from.iso] }
        if let to = query.to { arguments += ["--to", to.iso] }
        if query.decidedOnly { arguments.append("--decided") }
        return arguments + ["--archive", archive.path]
    }

    /// An archive of `items` generated items filed with their sources only, as the benchmark searches it;
    /// the generator's state and the number of the next meeting, for adding more.
    static func prefill(items: Int, at root: URL) throws -> (ArchiveStore, SearchBenchmark.Generator, Int) {
        var store = try ArchiveStore.openOrCreate(at: root)
        var random = SearchBenchmark.Generator(state: 42)
        let meetings = max(1, items / ArchiveSearchBenchmark.itemsPerMeeting)
        var documents: [(source: [UInt8], meeting: Meeting)] = []
        documents.reserveCapacity(meetings)
        for number in 0..<meetings {
            let source = SourceText(ArchiveSearchBenchmark.meetingText(number, &random))
            documents.append((source.bytes, AnalyzedDocument(source: source).meeting))
        }
        try store.prefillSourcesOnly(documents, at: "2026-01-01T00:00:00Z")
        return (store, random, meetings)
    }

    /// `--make-archive ITEMS DIR`: the benchmark's archive kept in `DIR/arkiv`, and the
    /// next meetings as `DIR/added-N.agenda`, for profiling `agendac archive search` by hand.
    static func make(items: Int, folder: String) -> Int32 {
        let folder = URL(fileURLWithPath: folder)
        do {
            var (_, random, meetings) = try prefill(items: items, at: folder.appendingPathComponent("arkiv"))
            for extra in 0..<5 {
                let text = ArchiveSearchBenchmark.meetingText(meetings + extra, &random)
                try Data(text.utf8).write(to: folder.appendingPathComponent("added-\(extra + 1).agenda"))
            }
            return 0
        } catch {
            FileHandle.standardError.write(Data("agendac-bench: \(error)\n".utf8))
            return 1
        }
    }

    static func run(sizes: [Int], rounds: Int) -> String {
        var out = "## `agendac archive search`, whole process (release build, generated minutes on disk)\n\n"
        guard let binary = LanguageServerBenchmark.locateServer() else {
            return out + "Skipped: no `agendac` beside `agendac-bench` (`swift build -c release` builds both).\n"
        }
        out += "| items | first search (indexes the archive) | search after adding one meeting | search p50 | search p95 | `agendac --version` p50 |\n"
        out += "|---:|---:|---:|---:|---:|---:|\n"
        for items in sizes {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("agendac-bench-cli-search-\(getpid())-\(items)")
            try? FileManager.default.removeItem(at: folder)
            defer { try? FileManager.default.removeItem(at: folder) }
            let root = folder.appendingPathComponent("arkiv")
            do {
                var (store, random, meetings) = try prefill(items: items, at: root)
                func search(_ query: ArchiveSearchQuery) throws -> Double {
                    guard let run = Spawn.run(binary.path, arguments(query, archive: root)), run.status == 0 else {
                        throw LanguageServerBenchmark.Failure(description: "agendac \(arguments(query, archive: root).joined(separator: " ")) failed")
                    }
                    return run.seconds * 1000
                }
                let queries = ArchiveSearchBenchmark.queries
                let first = try search(queries[0])
                // one more meeting, added as `archive add` adds it
                let source = SourceText(ArchiveSearchBenchmark.meetingText(meetings, &random))
                let file = folder.appendingPathComponent("added.agenda")
                _ = try store.add(ArchiveDocument(source: source.bytes, file: file, meeting: AnalyzedDocument(source: source).meeting),
                                  at: "2026-01-02T00:00:00Z")
                let afterAdding = try search(queries[1])
                var samples: [Double] = []
                for _ in 0..<rounds {
                    for query in queries { samples.append(try search(query)) }
                }
                // the figures are only what they claim when the searches found the index current
                guard let stamp = ArchiveStamp.read(root), ArchiveSearchIndex(folder: root.appendingPathComponent("index")).isCurrent(archiveStamp: stamp) else {
                    throw LanguageServerBenchmark.Failure(description: "the index was not left current with the archive")
                }
                let startUp = (0..<max(rounds, 5)).compactMap { _ in Spawn.run(binary.path, ["--version"]).map { $0.seconds * 1000 } }
                out += "| \(items) | \(Measure.format(first)) ms | \(Measure.format(afterAdding)) ms "
                out += "| \(Measure.format(Measure.percentile(samples, 0.5), decimals: 2)) ms | \(Measure.format(Measure.percentile(samples, 0.95), decimals: 2)) ms "
                out += "| \(Measure.format(Measure.percentile(startUp, 0.5), decimals: 2)) ms |\n"
            } catch {
                out += "| \(items) | failed: \(error) | | | | |\n"
            }
        }
        out += "\nSearch: the \(ArchiveSearchBenchmark.queries.count) queries of the table above as `agendac archive search … --archive DIR`, each \(rounds) times, each a new process "
        out += "(output to /dev/null); the index is current, so the archive's catalog and meetings stay unread. First search: the index made from the whole archive (every meeting compiled). "
        out += "After adding: the archive's stamp changed, so the archive is read and the one new meeting indexed.\n"
        return out
    }
}
