// libFuzzer's entry points. One binary holds every target; the name it is
// started under (a link such as `.build-fuzz/bin/analyze`, see scripts/fuzz)
// or AGENDAC_FUZZ_TARGET chooses which one runs.
import Foundation

let fuzzTargets: [String: @Sendable (UnsafeBufferPointer<UInt8>) -> Void] = [
    "analyze": fuzzAnalyze,
    "format": fuzzFormat,
    "render-json": fuzzRenderJSON,
    "render-text": fuzzRenderText,
    "render-markdown": fuzzRenderMarkdown,
    "render-html": fuzzRenderHTML,
    "jsonrpc": fuzzJSONRPC,
    "json": fuzzJSON,
    "settings": fuzzSettings,
    "kle-xml": fuzzKLEXML,
    "truetype": fuzzTrueType,
    "deflate": fuzzDeflate,
    "pdf-writer": fuzzPDFWriter,
    "image": fuzzImage,
    "search-index": fuzzSearchIndex,
    "import": fuzzImport,
    "import-pages": fuzzImportPages,
]

nonisolated(unsafe) var selectedTarget: (UnsafeBufferPointer<UInt8>) -> Void = { _ in }

@_cdecl("LLVMFuzzerInitialize")
public func fuzzerInitialize(_ argc: UnsafeMutablePointer<CInt>,
                             _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> CInt {
    if ProcessInfo.processInfo.environment["AGENDAC_FUZZ_LIST"] != nil {
        print(fuzzTargets.keys.sorted().joined(separator: "\n"))
        exit(0)
    }
    let programName = argv.pointee?.pointee.map { String(cString: $0) } ?? ""
    let name = ProcessInfo.processInfo.environment["AGENDAC_FUZZ_TARGET"]
        ?? URL(fileURLWithPath: programName).lastPathComponent
    guard let target = fuzzTargets[name] else {
        let known = fuzzTargets.keys.sorted().joined(separator: ", ")
        FileHandle.standardError.write(Data("agendac-fuzz: no target '\(name)'; start it as one of \(known), or set AGENDAC_FUZZ_TARGET\n".utf8))
        exit(2)
    }
    selectedTarget = target
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    selectedTarget(UnsafeBufferPointer(start: data, count: size))
    return 0
}
