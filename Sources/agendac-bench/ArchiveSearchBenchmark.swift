import AgendaArchive
import AgendaSemantics
import Foundation

/// The archive's search index on generated archives (meetings of 10 items, six
/// committees, cases recurring across meetings): building it meeting batch by
/// batch, adding one meeting to it (the incremental update `archive add` makes),
/// and searching it as `agendac archive search` does (every file read per query,
/// process start-up not included: see the start-up table).
enum ArchiveSearchBenchmark {
    static let itemsPerMeeting = 10

    /// The minutes of meeting `number`, written in the language and read by the compiler.
    static func meeting(_ number: Int, _ random: inout SearchBenchmark.Generator) -> ArchivedMeeting? {
        try? ArchivedMeeting.record(of: AnalyzedDocument(text: meetingText(number, &random)).meeting).get()
    }

    /// The source of meeting `number`: six committees in turn, one date per meeting, recurring words and cases.
    static func meetingText(_ number: Int, _ random: inout SearchBenchmark.Generator) -> String {
        func word() -> String {
            if random.next(8) == 0 { return "ord\(random.next(50_000))" }
            return SearchBenchmark.stems[random.next(SearchBenchmark.stems.count)] + SearchBenchmark.endings[random.next(SearchBenchmark.endings.count)]
        }
        func sentence(_ words: Int) -> String { (0..<words).map { _ in word() }.joined(separator: " ") + "." }
        let committee = SearchBenchmark.committees[number % SearchBenchmark.committees.count]
        let year = 2000 + number / 300, month = 1 + number / 25 % 12, day = 1 + number % 25
        var text = "møde: \(committee)\ndokument: referat\ndato: \(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)\n\n"
        for item in 1...itemsPerMeeting {
            let caseNumber = "\(10 + random.next(80)).\(10 + random.next(30)).00-P20-\(random.next(400))-\(10 + random.next(15))"
            text += "punkt \(item): \(sentence(4).dropLast()) \(SearchBenchmark.places[random.next(SearchBenchmark.places.count)])\nsagsnr: \(caseNumber)\n\n"
            text += "sagsfremstilling:\n" + (0..<6).map { _ in sentence(12) }.joined(separator: " ") + "\n\n"
            text += "indstilling: Direktionen indstiller, at\n1. \(sentence(8))\n\n"
            if random.next(3) > 0 { text += "beslutning:\n\(sentence(8))\n\n" }
        }
        return text
    }

    static let queries: [ArchiveSearchQuery] = [
        ArchiveSearchQuery("børnehaver"), ArchiveSearchQuery("lokalplan høring"), ArchiveSearchQuery("Aabenraa skole"),
        ArchiveSearchQuery("ord123"), ArchiveSearchQuery("ord4711 budget"), ArchiveSearchQuery("klima", committee: "Teknik- og Miljøudvalget"),
        ArchiveSearchQuery("ældreplejen", decidedOnly: true, from: CalendarDate(year: 2005, month: 1, day: 1), to: CalendarDate(year: 2020, month: 12, day: 31)),
        ArchiveSearchQuery("jobcentret indsatsen tilbud"), ArchiveSearchQuery("Skørping"), ArchiveSearchQuery("kapaciteten børnehave skole budget"),
    ]

    static func run(sizes: [Int], rounds: Int, additions: Int) -> String {
        var out = "## Archive search index (generated minutes, on disk)\n\n"
        out += "| items | build | segments | index size | add one meeting (median / max) | search p50 | search p95 |\n"
        out += "|---:|---:|---:|---:|---:|---:|---:|\n"
        for items in sizes {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("agendac-bench-archive-\(ProcessInfo.processInfo.processIdentifier)-\(items)")
            try? FileManager.default.removeItem(at: folder)
            defer { try? FileManager.default.removeItem(at: folder) }
            let index = ArchiveSearchIndex(folder: folder)
            var random = SearchBenchmark.Generator(state: 42)
            let meetings = max(1, items / itemsPerMeeting)
            var buildSeconds = 0.0
            var number = 0
            do {
                // batches of up to 500 meetings, so memory stays bounded; the time is the index's only
                while number < meetings {
                    let batch = (number..<min(meetings, number + 500)).compactMap { meeting($0, &random) }
                    number += 500
                    let start = Measure.now()
                    try index.update(adding: batch)
                    buildSeconds += Double(Measure.now() - start) / 1e9
                }
                var addSamples: [Double] = []
                for extra in 0..<additions {
                    guard let added = meeting(meetings + extra, &random) else { continue }
                    let start = Measure.now()
                    try index.update(adding: [added])
                    addSamples.append(Double(Measure.now() - start) / 1e6)
                }
                var searchSamples: [Double] = []
                for _ in 0..<rounds {
                    for query in queries {
                        let start = Measure.now()
                        let results = try index.search(query)
                        searchSamples.append(Double(Measure.now() - start) / 1e6)
                        if results.count > query.limit { print("impossible: more results than asked") }
                    }
                }
                let summary = try index.update(adding: [])
                out += "| \(items) | \(Measure.format(buildSeconds, decimals: 2)) s | \(summary.segmentCount) | \(CompilerBenchmark.sizeLabel(folderSize(folder))) "
                out += "| \(Measure.format(Measure.percentile(addSamples, 0.5))) / \(Measure.format(addSamples.max() ?? 0)) ms "
                out += "| \(Measure.format(Measure.percentile(searchSamples, 0.5), decimals: 2)) ms | \(Measure.format(Measure.percentile(searchSamples, 0.95), decimals: 2)) ms |\n"
            } catch {
                out += "| \(items) | failed: \(error) | | | | | |\n"
            }
        }
        out += "\nBuild: the index written batch by batch (500 meetings each, merged as `archive add` merges). Add: one meeting of \(itemsPerMeeting) items, \(additions) times in a row, each indexed at once (a new segment, sometimes a merge). "
        out += "Search: \(queries.count) mixed queries (common and rare words, several words, filters, a date range), each \(rounds) times, reading the catalog, the manifests, the query's shards and the records shown from disk; snippets included.\n"
        return out
    }

    static func folderSize(_ folder: URL) -> Int {
        var total = 0
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.fileSizeKey])
        while let file = files?.nextObject() as? URL {
            total += (try? file.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0
        }
        return total
    }
}
