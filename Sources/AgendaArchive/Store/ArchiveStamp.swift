import AgendaBase
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// A cheap fingerprint of the archive's state, for readers that keep something
/// derived from it (the search index) and want to know without reading the
/// catalog whether anything changed. Every commit replaces `catalog.jsonl`
/// (a new file: new inode, time and usually size) and appends to
/// `ledger.jsonl` (which only grows), so two stat calls tell; the agendac
/// version is part of it, so a new agendac derives everything again.
public enum ArchiveStamp {
    /// The stamp of the archive at `root`; nil when it is no archive or its files cannot be read.
    public static func read(_ root: URL) -> String? {
        // (`try?` would flatten the manifest's municipality, nil for many archives, into "no archive")
        do { _ = try ArchiveStore.readManifest(root) } catch { return nil }
        guard let catalog = fileFacts(root.appendingPathComponent(ArchiveLayout.catalogName)),
              let ledger = fileFacts(root.appendingPathComponent(ArchiveLayout.ledgerName)) else { return nil }
        return "agendac \(AgendacVersion.current); catalog \(catalog); ledger \(ledger)"
    }

    /// Whether two stamps were taken by the same agendac (whose index an update may extend).
    static func sameAgendac(_ a: String, _ b: String) -> Bool {
        let prefix = "agendac \(AgendacVersion.current);"
        return a.hasPrefix(prefix) && b.hasPrefix(prefix)
    }

    /// Size, modification time (to the nanosecond) and file number.
    static func fileFacts(_ url: URL) -> String? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
              let size = integer(attributes[.size]),
              let modified = attributes[.modificationDate] as? Date else { return nil }
        let nanoseconds = Int64((modified.timeIntervalSince1970 * 1e9).rounded())
        let number = integer(attributes[.systemFileNumber]) ?? 0
        return "\(size) \(nanoseconds) \(number)"
    }

    /// An attribute's number, whichever integer type the platform's `FileManager` gives it as.
    private static func integer(_ value: Any?) -> Int64? {
        switch value {
        case let value as Int: Int64(value)
        case let value as Int64: value
        case let value as UInt: Int64(truncatingIfNeeded: value)
        case let value as UInt64: Int64(truncatingIfNeeded: value)
        default: nil
        }
    }
}
