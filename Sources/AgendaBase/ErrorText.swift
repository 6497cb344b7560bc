#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// An error worded for the person running agendac, without full Foundation's
/// `localizedDescription` (which would bring ICU into every start, and on
/// Linux says little more than "The operation could not be completed").
public enum ErrorText {
    /// A file-system error as its system reason and path (`Not a directory: /a/b`);
    /// any other error as it describes itself.
    public static func describing(_ error: any Error) -> String {
        if let posix = error as? POSIXError { return reason(posix) }
        if let cocoa = error as? CocoaError {
            let reason = (cocoa.underlying as? POSIXError).map(reason) ?? "error \(cocoa.code.rawValue)"
            return cocoa.filePath.map { "\(reason): \($0)" } ?? reason
        }
        return String(describing: error)
    }

    private static func reason(_ error: POSIXError) -> String {
        String(cString: strerror(error.code.rawValue))
    }
}
