import AgendaBase
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Deflate is the writer's largest single cost, and every stream compresses
// alone: a second thread compresses the streams handed in while the writer
// goes on setting pages, fonts and the structure tree, and at the end the
// writer compresses whatever is still waiting beside it. Results are kept by
// the order streams were handed in, so the bytes do not depend on which
// thread compressed what.

final class StreamCompressionQueue: @unchecked Sendable {
    private let deflate: @Sendable ([UInt8]) -> [UInt8]
    private let condition = Condition()
    // guarded by `condition`
    private var inputs: [[UInt8]] = []
    private var outputs: [[UInt8]?] = []
    private var taken = 0
    private var done = 0
    private var closed = false
    private var workerStarted = false

    init(deflate: @escaping @Sendable ([UInt8]) -> [UInt8]) {
        self.deflate = deflate
    }

    /// Whether a second thread is worth starting: more than one processor.
    static let hasSecondProcessor: Bool = sysconf(Int32(_SC_NPROCESSORS_ONLN)) > 1

    /// Hands in `bytes`; its compressed form is `results()[index]`.
    func submit(_ bytes: [UInt8]) -> Int {
        let (index, startWorker) = condition.withLock { () -> (Int, Bool) in
            inputs.append(bytes)
            outputs.append(nil)
            condition.broadcast()
            let start = !workerStarted && Self.hasSecondProcessor
            if start { workerStarted = true }
            return (inputs.count - 1, start)
        }
        if startWorker, !DetachedThread.start({ [self] in work(untilClosed: true) }) {
            // no thread: everything is compressed in `results()`
            condition.withLock { workerStarted = false }
        }
        return index
    }

    /// Every stream handed in, compressed, in the order handed in; this thread
    /// helps with those not yet taken, then waits for the rest.
    func results() -> [[UInt8]] {
        condition.withLock {
            closed = true
            condition.broadcast()
        }
        work(untilClosed: false)
        return condition.withLock {
            while done < inputs.count { condition.wait() }
            return outputs.map { $0 ?? [] }
        }
    }

    /// Stops the second thread without waiting (the writer failed half-way).
    func close() {
        condition.withLock {
            closed = true
            taken = inputs.count
            condition.broadcast()
        }
    }

    /// Compresses streams as they come; `untilClosed`: waits for more until `close` or `results`.
    private func work(untilClosed: Bool) {
        while true {
            let job: (Int, [UInt8])? = condition.withLock {
                while untilClosed, taken == inputs.count, !closed { condition.wait() }
                guard taken < inputs.count else { return nil }
                let index = taken
                taken += 1
                let input = inputs[index]
                inputs[index] = []   // the raw bytes are not needed once taken
                return (index, input)
            }
            guard let (index, input) = job else { return }
            let output = deflate(input)
            condition.withLock {
                outputs[index] = output
                done += 1
                condition.broadcast()
            }
        }
    }
}
