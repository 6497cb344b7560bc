/// Why an export could not be made: a kept file missing or changed, a folder
/// that cannot be written or is not an earlier export. Says what to do.
public struct ArchiveExportError: Error, Equatable, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
