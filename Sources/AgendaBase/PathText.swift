#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Path strings taken apart as `NSString`'s path methods do, without full
/// Foundation (FoundationEssentials has no `NSString`).
public enum PathText {
    /// `a/b/c` → `c`; `a/b/` → `b`; `/` → `/`.
    public static func lastComponent(_ path: String) -> String {
        let trimmed = trimmingTrailingSlashes(path)
        if trimmed == "/" { return trimmed }
        guard let slash = trimmed.lastIndex(of: "/") else { return trimmed }
        return String(trimmed[trimmed.index(after: slash)...])
    }

    /// `/a/b` → `/a`; `/a` → `/`; `a` → ``; `a/b/` → `a`.
    public static func deletingLastComponent(_ path: String) -> String {
        let trimmed = trimmingTrailingSlashes(path)
        if trimmed == "/" { return trimmed }
        guard let slash = trimmed.lastIndex(of: "/") else { return "" }
        if slash == trimmed.startIndex { return "/" }
        return trimmingTrailingSlashes(String(trimmed[..<slash]))
    }

    /// `a` + `b` → `a/b`; `` + `b` → `b`; `a/` + `b` → `a/b`.
    public static func appending(_ path: String, _ component: String) -> String {
        if path.isEmpty { return component }
        if component.isEmpty { return path }
        let head = path.hasSuffix("/") ? trimmingTrailingSlashes(path) : path
        let tail = component.drop { $0 == "/" }
        return head == "/" ? "/" + tail : head + "/" + tail
    }

    /// `~/x` → `$HOME/x`; any other path unchanged.
    public static func expandingTilde(_ path: String) -> String {
        guard path == "~" || path.hasPrefix("~/"), let home = getenv("HOME") else { return path }
        return appending(String(cString: home), String(path.dropFirst(2)))
    }

    private static func trimmingTrailingSlashes(_ path: String) -> String {
        var result = Substring(path)
        while result.count > 1, result.hasSuffix("/") { result = result.dropLast() }
        return String(result)
    }
}
