// swift-tools-version: 6.0
// agendac: the agenda language, its compiler and its language server.
// Foundation only, no package dependencies. Layers, lowest first:
// AgendaBase → AgendaSyntax → AgendaSemantics → AgendaRender / AgendaFormat → AgendaArchive / AgendaImport / AgendaIDE → AgendaLSP → AgendaCLI.
import PackageDescription

let package = Package(
    name: "agendac",
    products: [
        .executable(name: "agendac", targets: ["agendac"]),
        .executable(name: "agendac-bench", targets: ["agendac-bench"]),
    ],
    targets: [
        .target(name: "AgendaBase"),
        // The PDF writer: objects, fonts, structure; knows nothing of agendas.
        .target(name: "AgendaPDF", dependencies: ["AgendaBase"], exclude: ["Font/Files"]),
        // Danish full-text search: stemmer, inverted index, BM25; knows nothing of agendas.
        .target(name: "AgendaSearch", dependencies: ["AgendaBase"]),
        .target(name: "AgendaSyntax", dependencies: ["AgendaBase"]),
        .target(name: "AgendaSemantics", dependencies: ["AgendaBase", "AgendaSyntax"], exclude: ["KLE/OS2KLE"]),
        .target(name: "AgendaRender", dependencies: ["AgendaBase", "AgendaSyntax", "AgendaSemantics", "AgendaPDF"]),
        .target(name: "AgendaFormat", dependencies: ["AgendaBase", "AgendaSyntax"]),
        // The minutes archive: store, hash chain, case history, search and exports; uses the compiler as a library.
        .target(name: "AgendaArchive", dependencies: ["AgendaBase", "AgendaSyntax", "AgendaSemantics", "AgendaRender", "AgendaPDF", "AgendaSearch"]),
        // Import of existing minutes (text, or PDF through pdftotext) into the language; uses the compiler as a library.
        .target(name: "AgendaImport", dependencies: ["AgendaBase", "AgendaSyntax", "AgendaSemantics", "AgendaRender", "AgendaFormat"]),
        .target(name: "AgendaIDE", dependencies: ["AgendaBase", "AgendaSyntax", "AgendaSemantics", "AgendaRender", "AgendaFormat", "AgendaArchive"], exclude: ["README.md"]),
        .target(name: "AgendaLSP", dependencies: ["AgendaBase", "AgendaSyntax", "AgendaSemantics", "AgendaRender", "AgendaIDE", "AgendaFormat", "AgendaArchive"]),
        .target(name: "AgendaCLI", dependencies: ["AgendaBase", "AgendaSyntax", "AgendaSemantics", "AgendaRender", "AgendaFormat", "AgendaLSP", "AgendaArchive", "AgendaImport"]),
        .executableTarget(name: "agendac", dependencies: ["AgendaCLI"]),
        .executableTarget(name: "agendac-bench", dependencies: ["AgendaBase", "AgendaArchive", "AgendaImport", "AgendaSearch", "AgendaSyntax", "AgendaSemantics", "AgendaRender", "AgendaFormat", "AgendaIDE", "AgendaLSP"]),
        .testTarget(name: "AgendacTests", dependencies: ["AgendaBase", "AgendaArchive", "AgendaPDF", "AgendaSearch", "AgendaSyntax", "AgendaSemantics", "AgendaRender", "AgendaFormat", "AgendaIDE", "AgendaLSP", "AgendaCLI", "AgendaImport"], path: "Tests/AgendacTests"),
    ]
)
