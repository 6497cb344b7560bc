import Foundation

/// Timing helpers: monotonic clock, repeat until a minimum time, percentiles.
enum Measure {
    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    /// Runs `body` repeatedly for at least `minimumSeconds` (and at least once); returns seconds per run.
    static func secondsPerRun(minimumSeconds: Double, _ body: () -> Void) -> Double {
        body()  // warm up
        var runs = 0
        let start = now()
        var elapsed: Double = 0
        repeat {
            body()
            runs += 1
            elapsed = Double(now() - start) / 1e9
        } while elapsed < minimumSeconds
        return elapsed / Double(runs)
    }

    static func percentile(_ samples: [Double], _ fraction: Double) -> Double {
        guard !samples.isEmpty else { return 0 }
        let sorted = samples.sorted()
        let index = min(sorted.count - 1, Int((Double(sorted.count - 1) * fraction).rounded()))
        return sorted[index]
    }

    /// Peak resident memory of this process, in MiB.
    static func peakMemoryMiB() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024  // kilobytes on Linux
    }

    static func format(_ value: Double, decimals: Int = 1) -> String {
        String(format: "%.\(decimals)f", value)
    }
}
