#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// Walking up from a folder to the file-system root, as the tools look for
/// `agendac.json` and the house style beside an agenda and in the folders above.
public enum FolderWalk {
    /// The first answer `visit` gives for `folder` or one of its parents, nearest first.
    /// Bounded to 64 levels so that a looping mount can never hang the caller.
    public static func nearest<Found>(from folder: URL, _ visit: (URL) -> Found?) -> Found? {
        var current = folder.standardizedFileURL
        for _ in 0..<64 {
            if let found = visit(current) { return found }
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path { return nil }
            current = parent
        }
        return nil
    }

    /// The nearest file called `name` in `folder` or above it.
    public static func nearestFile(named name: String, from folder: URL) -> URL? {
        nearest(from: folder) { current in
            let candidate = current.appendingPathComponent(name)
            return FileManager.default.fileExists(atPath: candidate.path) ? candidate : nil
        }
    }
}
