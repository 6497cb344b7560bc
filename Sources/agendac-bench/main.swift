import Foundation

// agendac-bench: measures the compiler and the language server on generated
// documents. Run in release: `swift run -c release agendac-bench [--quick]`.
// Prints Markdown tables (pasted into README.md).

let usage = """
    usage: agendac-bench [--quick] [--compiler-only | --server-only | --search-only | --process-only | --pdf-only | --site-only | --archive-only | --store-only | --import-only] [--pdf-items N,N]
           agendac-bench --postgres-export ITEMS DIR   (for scripts/bench-postgres)

    Measures parse+check, compile and fmt on generated minutes of 1 to 10,000
    items, `agendac compile --to pdf` as a whole process (the 8-item sample,
    200 and 2,000 items); `agendac` (built beside this program) as whole
    processes: start-up of --version, check of each sample and lsp initialize
    beside /bin/true, and peak memory of check, compile and fmt --check on
    generated 10 MB files; the language server over stdio; and the search index
    on generated archives of 1,000 to 100,000 items; the archive's public site
    (full build, build after adding one meeting, size) at the same sizes;
    `archive add` per meeting on archives of 1,000 to 100,000 items.
    Prints Markdown tables.
    Build in release first, as scripts/install does:
    swift build -c release --static-swift-stdlib -Xswiftc -static-executable && .build/release/agendac-bench

    options:
      --quick          small sizes and short runs (the CI smoke run)
      --compiler-only  no agendac processes and no language server
      --search-only    only the search index
      --site-only      only the archive's site (keeps the largest in .build/archive-site-large)
      --archive-only   only the archive's search index on disk and `agendac archive search` as a whole process
                       (with --quick an archive of 100 items)
      --store-only     only the archive store (`archive add` per meeting; with --quick an archive of 100 items)
      --import-only    only `agendac import` of a PDF of about 100 pages (20 with --quick) that agendac wrote
      --server-only    only the language-server measurements
      --process-only   only agendac as whole processes (start-up and peak memory)
      --pdf-only       only `agendac compile --to pdf` as whole processes (and Typst beside it when
                       Python's typst module is installed: pip install typst)
      --pdf-items N,N  the generated documents' item counts for the PDF table (default 200,2000)
      --help, -h       show this text

    """

let knownOptions: Set<String> = ["--quick", "--compiler-only", "--search-only", "--server-only", "--process-only", "--pdf-only", "--site-only", "--archive-only", "--store-only", "--import-only"]
var arguments = Array(CommandLine.arguments.dropFirst())
// `--postgres-export ITEMS DIR`: a generated archive's PostgreSQL export, for scripts/bench-postgres
if arguments.first == "--postgres-export" {
    guard arguments.count == 3, let items = Int(arguments[1]), items > 0 else {
        FileHandle.standardError.write(Data("usage: agendac-bench --postgres-export ITEMS DIR\n".utf8))
        exit(2)
    }
    exit(PostgresExportBenchmark.run(items: items, folder: arguments[2]))
}

// `--make-archive ITEMS DIR`: the archive `--archive-only` searches, kept, for profiling by hand
if arguments.first == "--make-archive" {
    guard arguments.count == 3, let items = Int(arguments[1]), items > 0 else {
        FileHandle.standardError.write(Data("usage: agendac-bench --make-archive ITEMS DIR\n".utf8))
        exit(2)
    }
    exit(ArchiveCLISearchBenchmark.make(items: items, folder: arguments[2]))
}

if arguments.contains("--help") || arguments.contains("-h") {
    print(usage, terminator: "")
    exit(0)
}
var pdfItems: [Int]?
if let at = arguments.firstIndex(of: "--pdf-items") {
    let value = at + 1 < arguments.count ? arguments[at + 1] : ""
    let counts = value.split(separator: ",").compactMap { Int($0) }.filter { $0 > 0 }
    guard !counts.isEmpty, counts.count == value.split(separator: ",").count else {
        FileHandle.standardError.write(Data("agendac-bench: --pdf-items needs item counts such as 20 or 200,2000, not '\(value)'\n".utf8))
        exit(2)
    }
    pdfItems = counts
    arguments.removeSubrange(at...(at + 1))
}
if let unknown = arguments.first(where: { !knownOptions.contains($0) }) {
    FileHandle.standardError.write(Data("agendac-bench: unknown argument '\(unknown)'\n\n\(usage)".utf8))
    exit(2)
}
let quick = arguments.contains("--quick")
let sizes = quick ? [1, 10, 100] : [1, 10, 100, 1000, 10_000]
let minimumSeconds = quick ? 0.05 : 0.5

// each table is printed as soon as it is measured, so a long run shows its progress
func emit(_ text: String) {
    print(text)
    fflush(nil)  // every output stream: `stdout` itself is shared mutable state to Swift 6
}
emit("# agendac benchmark\n\nMachine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.physicalMemory / 1_073_741_824) GiB\n")
if arguments.contains("--pdf-only") {
    emit(PDFBenchmark.run(quick: quick, items: pdfItems, packageRoot: packageRoot()))
    exit(0)
}
if arguments.contains("--import-only") {
    emit(ImportBenchmark.run(quick: quick))
    exit(0)
}
let archiveSizes = quick ? [100] : [1000, 10_000, 100_000]
if arguments.contains("--store-only") {
    emit(ArchiveBenchmark.run(sizes: archiveSizes, added: quick ? 2 : 5))
    exit(0)
}
let archiveOnly = arguments.contains("--archive-only")
let searchOnly = arguments.contains("--search-only") || archiveOnly
let serverOnly = arguments.contains("--server-only")
let processOnly = arguments.contains("--process-only")
let siteOnly = arguments.contains("--site-only")
if !searchOnly && !siteOnly {
    if !serverOnly && !processOnly {
        emit(CompilerBenchmark.run(sizes: sizes, minimumSeconds: minimumSeconds))
        emit(PDFBenchmark.run(quick: quick, items: pdfItems, packageRoot: packageRoot()))
    }
    if !arguments.contains("--compiler-only") {
        if !serverOnly, let binary = LanguageServerBenchmark.locateServer() {
            emit(ProcessBenchmark.startUp(binary: binary, samples: samples(), runs: quick ? 5 : 40))
            emit(ProcessBenchmark.memory(binary: binary, quick: quick))
        }
        if !processOnly { emit(LanguageServerBenchmark.run(quick: quick)) }
    }
}
if !serverOnly && !processOnly && !siteOnly && !archiveOnly {
    emit(SearchBenchmark.run(sizes: quick ? [1000] : [1000, 10_000, 100_000], rounds: quick ? 3 : 20))
}
if !serverOnly && !processOnly && !siteOnly {
    emit(ArchiveSearchBenchmark.run(sizes: quick ? [100] : [1000, 10_000, 100_000], rounds: quick ? 2 : 20, additions: quick ? 3 : 20))
    emit(ArchiveCLISearchBenchmark.run(sizes: quick ? [100] : [1000, 10_000, 100_000], rounds: quick ? 2 : 10))
}
if !serverOnly && !processOnly && !searchOnly {
    emit(SiteBenchmark.run(sizes: quick ? [1000] : [1000, 10_000, 100_000]))
}
if !serverOnly && !processOnly && !searchOnly && !siteOnly {
    emit(ArchiveBenchmark.run(sizes: archiveSizes, added: quick ? 2 : 5))
}
emit("Peak memory of this process: \(Measure.format(Measure.peakMemoryMiB())) MiB")

/// The samples in the language: `samples/` of the current folder, else of the
/// package this program was built in (the first folder above it with a `Package.swift`).
func samples() -> [URL] {
    var candidates = [URL(fileURLWithPath: FileManager.default.currentDirectoryPath)]
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    while folder.path != "/" {
        if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
            candidates.append(folder)
            break
        }
        folder = folder.deletingLastPathComponent()
    }
    for root in candidates {
        let folder = root.appendingPathComponent("samples")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { continue }
        let agendas = names.filter { $0.hasSuffix(".agenda") }.sorted()
        if !agendas.isEmpty { return agendas.map { folder.appendingPathComponent($0) } }
    }
    return []
}

/// The package this program was built in: the current folder when it has a `Package.swift`, else the first folder above the program with one.
func packageRoot() -> URL? {
    let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    if FileManager.default.fileExists(atPath: current.appendingPathComponent("Package.swift").path) { return current }
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    while folder.path != "/" {
        if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) { return folder }
        folder = folder.deletingLastPathComponent()
    }
    return nil
}
