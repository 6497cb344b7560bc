import AgendaArchive
import AgendaBase
import AgendaSemantics
import Foundation

/// `agendac archive add` on archives of 1,000 to 100,000 items: generated
/// meetings of 10 items, six committees meeting in turn, case numbers that
/// recur across meetings. The archive is first filled with sources only
/// (`prefillSourcesOnly`: what `add` reads is shaped as in a real archive),
/// then further meetings are added one by one as `archive add` adds them
/// (analysis, JSON, HTML and both archival PDFs, staging, catalog, ledger).
enum ArchiveBenchmark {
    static let committees = ["Økonomiudvalget", "Børne- og Ungeudvalget", "Teknik- og Miljøudvalget",
                             "Social- og Sundhedsudvalget", "Kultur- og Fritidsudvalget", "Beskæftigelsesudvalget"]
    static let itemsPerMeeting = 10

    /// Meeting `number` (0-based): its committee, a date (one meeting per committee a week), items whose cases recur.
    static func meeting(_ number: Int) -> String {
        let committee = committees[number % committees.count]
        let day = number / committees.count
        var date = DateComponents(calendar: Calendar(identifier: .gregorian), timeZone: TimeZone(identifier: "UTC"), year: 1990, month: 1, day: 1).date ?? Date()
        date.addTimeInterval(Double(day) * 86_400 + Double(number % committees.count) * 3_600)
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC") ?? .current, from: date)
        let iso = String(format: "%04d-%02d-%02d", parts.year ?? 1990, parts.month ?? 1, parts.day ?? 1)
        var text = "møde: \(committee)\nkommune: Benchmark Kommune\ndokument: referat\ndato: \(iso)\n"
        text += "deltagere: Anna Ærø (A), Bo Østergaard (V), Cecilie Åberg (Ø)\n\n"
        for item in 1...itemsPerMeeting {
            // a case recurs in every fifth meeting of the committee, so histories grow with the archive
            let caseSerial = (number / committees.count) % 50 * itemsPerMeeting + item
            text += "punkt \(item): Sag \(caseSerial) om udviklingsplan for område \(item)\n"
            text += "sagsnr: 15.00.00-A00-\(caseSerial)-26\n\n"
            text += "resume:\nKommunen har arbejdet med området i en årrække, og forvaltningen orienterer om status.\n\n"
            text += "indstilling: Direktionen indstiller, at\n1. udvalget tager orienteringen til efterretning.\n\n"
            text += "beslutning: \(committee), \(iso)\nTaget til efterretning.\n\n"
        }
        text += "underskrifter: digital\n- Anna Ærø\n- Bo Østergaard\n"
        return text
    }

    static func run(sizes: [Int], added: Int) -> String {
        var out = "## Archive (`archive add`, one meeting of \(itemsPerMeeting) items at a time)\n\n"
        out += "| items | meetings | prefill | add p50 | add max | catalog | ledger |\n|---:|---:|---:|---:|---:|---:|---:|\n"
        for items in sizes {
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("agendac-bench-archive-\(getpid())-\(items)")
            defer { try? FileManager.default.removeItem(at: root) }
            do {
                try? FileManager.default.removeItem(at: root)
                var store = try ArchiveStore.openOrCreate(at: root)
                let meetings = max(1, items / itemsPerMeeting)
                let prefillStart = Measure.now()
                var documents: [(source: [UInt8], meeting: Meeting)] = []
                documents.reserveCapacity(meetings)
                for number in 0..<meetings {
                    let source = SourceText(meeting(number))
                    documents.append((source.bytes, AnalyzedDocument(source: source).meeting))
                }
                try store.prefillSourcesOnly(documents, at: "2026-01-01T00:00:00Z")
                documents = []
                let prefill = Double(Measure.now() - prefillStart) / 1e9
                let folder = root.deletingLastPathComponent()
                var samples: [Double] = []
                for extra in 0..<added {
                    let source = SourceText(meeting(meetings + extra))
                    let start = Measure.now()
                    let analyzed = AnalyzedDocument(source: source)
                    let file = folder.appendingPathComponent("bench-\(extra).agenda")
                    _ = try store.add(ArchiveDocument(source: source.bytes, file: file, meeting: analyzed.meeting), at: "2026-01-02T00:00:00Z")
                    samples.append(Double(Measure.now() - start) / 1e9)
                }
                let size = { (name: String) in (try? FileManager.default.attributesOfItem(atPath: root.appendingPathComponent(name).path)[.size] as? Int) ?? 0 }
                out += "| \(items) | \(meetings) | \(CompilerBenchmark.durationLabel(prefill)) "
                out += "| \(CompilerBenchmark.durationLabel(Measure.percentile(samples, 0.5))) | \(CompilerBenchmark.durationLabel(samples.max() ?? 0)) "
                out += "| \(CompilerBenchmark.sizeLabel(size(ArchiveLayout.catalogName))) | \(CompilerBenchmark.sizeLabel(size(ArchiveLayout.ledgerName))) |\n"
            } catch {
                out += "| \(items) | failed: \(error) | | | | | |\n"
            }
        }
        return out
    }
}
