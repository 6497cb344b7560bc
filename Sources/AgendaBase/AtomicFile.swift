import Foundation

/// Writes files so that a crash or a full disk never leaves half a file:
/// write a temporary file beside the target, then rename it over the target.
public enum AtomicFile {
    public struct WriteError: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    public static func write(_ bytes: [UInt8], to url: URL) throws(WriteError) {
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: Data(bytes)) else {
            throw WriteError(description: "cannot write \(temporary.path) (does the folder exist, and may it be written?)")
        }
        // keep the original's permissions
        if let attributes = try? FileManager.default.attributesOfItem(atPath: url.path), let permissions = attributes[.posixPermissions] {
            try? FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: temporary.path)
        }
        if rename(temporary.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw WriteError(description: "cannot replace \(url.path): \(reason)")
        }
    }

    public static func write(_ text: String, to url: URL) throws(WriteError) {
        try write(Array(text.utf8), to: url)
    }
}
