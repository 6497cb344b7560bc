import AgendaArchive
import AgendaSemantics
import Foundation

/// `agendac-bench --postgres-export ITEMS DIR`: a generated archive of ITEMS
/// items (meetings of 10 items, 24 committees meeting on working days, cases
/// recurring across meetings, Danish words in six inflections and a long
/// tail of rare words) written as `archive export --to postgres` writes it,
/// one meeting at a time (so a million items need little memory).
/// `scripts/bench-postgres` loads it and times PostgreSQL's queries.
enum PostgresExportBenchmark {
    static let suffixes = ["", " Nord", " Syd", " Øst"]

    static func run(items: Int, folder: String) -> Int32 {
        let start = Measure.now()
        do {
            let target = URL(fileURLWithPath: folder)
            var export = try PostgresExport(sink: try ExportFolder(target: target, kind: "postgres"), municipality: "Benchmark Kommune")
            var random = SearchBenchmark.Generator(state: 42)
            let meetings = max(1, (items + 9) / 10)
            for number in 0..<meetings {
                let text = meetingText(number, items: min(10, items - number * 10), &random)
                guard case .success(let meeting) = ArchivedMeeting.record(of: AnalyzedDocument(text: text).meeting) else {
                    throw BenchmarkFailure("generated meeting \(number) could not be filed")
                }
                try export.add(meeting)
            }
            try export.finish()
            try export.sink.commit()
            let seconds = Double(Measure.now() - start) / 1e9
            print("exported \(export.summary.items) items in \(export.summary.meetings) meetings, \(export.summary.cases) cases, in \(Measure.format(seconds, decimals: 1)) s")
            return 0
        } catch {
            FileHandle.standardError.write(Data("agendac-bench: \(error)\n".utf8))
            return 1
        }
    }

    /// Meeting `number`: committee by turn, a working day from 2015 on.
    static func meetingText(_ number: Int, items: Int, _ random: inout SearchBenchmark.Generator) -> String {
        let committees = SearchBenchmark.committees.flatMap { name in suffixes.map { name + $0 } }
        let committee = committees[number % committees.count]
        let date = workingDay(number / committees.count)
        var text = "møde: \(committee)\nkommune: Benchmark Kommune\ndokument: referat\ndato: \(date)\ntid: 15:00\nsted: Mødelokale \(1 + number % 9)\n"
        text += "deltagere: Anna Ærø (A), formand, Bo Østergaard (V), Cecilie Åberg (Ø)\n\n"
        func word() -> String {
            if random.next(8) == 0 { return "ord\(random.next(50_000))" }
            return SearchBenchmark.stems[random.next(SearchBenchmark.stems.count)] + SearchBenchmark.endings[random.next(SearchBenchmark.endings.count)]
        }
        func sentence(_ words: Int) -> String {
            let body = (0..<words).map { _ in word() }.joined(separator: " ")
            return body.prefix(1).uppercased() + body.dropFirst() + "."
        }
        for item in 1...max(1, items) {
            // about a third of the items treat a case met before (cases recur across meetings)
            let serial = random.next(3) == 0 ? random.next(max(1, number * 7 + item)) : number * 10 + item
            text += "punkt \(item): \(sentence(4).dropLast()) \(SearchBenchmark.places[random.next(SearchBenchmark.places.count)])\n"
            text += "sagsnr: \(15 + serial % 70).\(String(format: "%02d", serial % 30)).00-P20-\(serial)-26\n\n"
            text += "resume:\n\((0..<3).map { _ in sentence(12) }.joined(separator: " "))\n\n"
            text += "sagsfremstilling:\n\((0..<3).map { _ in sentence(12) }.joined(separator: " "))\n\n"
            text += "indstilling: Direktionen indstiller, at\n1. \(sentence(8))\n\n"
            if random.next(3) > 0 { text += "beslutning: \(committee), \(date)\n\(sentence(8))\n\n" }
        }
        return text
    }

    /// The `offset`th Monday–Friday from 2015-01-05.
    static func workingDay(_ offset: Int) -> String {
        let days = offset / 5 * 7 + offset % 5
        let base = DateComponents(calendar: Calendar(identifier: .gregorian), timeZone: TimeZone(identifier: "UTC"), year: 2015, month: 1, day: 5)
        guard let start = base.date else { return "2015-01-05" }
        let date = start.addingTimeInterval(Double(days) * 86_400)
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC") ?? .current, from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 2015, parts.month ?? 1, parts.day ?? 5)
    }
}
