// Length-limited Huffman codes for DEFLATE's dynamic blocks.

enum Huffman {
    /// Code lengths for `frequencies`, none longer than `limit`. Symbols of
    /// frequency 0 get length 0. Too-deep trees are flattened by halving the
    /// frequencies and building again (the alphabets are small, so this is cheap).
    static func codeLengths(_ frequencies: [Int], limit: Int) -> [Int] {
        var weights = frequencies
        while true {
            let lengths = unlimitedLengths(weights)
            if (lengths.max() ?? 0) <= limit { return lengths }
            weights = weights.map { $0 == 0 ? 0 : ($0 + 1) / 2 }
        }
    }

    private static func unlimitedLengths(_ weights: [Int]) -> [Int] {
        var lengths = [Int](repeating: 0, count: weights.count)
        let leaves = weights.indices.filter { weights[$0] > 0 }.sorted { (weights[$0], $0) < (weights[$1], $1) }
        if leaves.count == 1 { lengths[leaves[0]] = 1 }
        guard leaves.count > 1 else { return lengths }
        // Nodes 0..<leaves.count are the leaves in weight order; internal nodes
        // follow in the order they are made, which is also weight order.
        var weight = leaves.map { weights[$0] }
        var parent = [Int](repeating: -1, count: leaves.count)
        var nextLeaf = 0, nextInternal = leaves.count
        func takeSmallest() -> Int {
            if nextLeaf < leaves.count && (nextInternal >= weight.count || weight[nextLeaf] <= weight[nextInternal]) {
                nextLeaf += 1
                return nextLeaf - 1
            }
            nextInternal += 1
            return nextInternal - 1
        }
        for _ in 1..<leaves.count {
            let first = takeSmallest(), second = takeSmallest()
            weight.append(weight[first] + weight[second])
            parent.append(-1)
            parent[first] = weight.count - 1
            parent[second] = weight.count - 1
        }
        var depth = [Int](repeating: 0, count: weight.count)
        for node in stride(from: weight.count - 2, through: 0, by: -1) where parent[node] >= 0 {
            depth[node] = depth[parent[node]] + 1
        }
        for (index, symbol) in leaves.enumerated() { lengths[symbol] = depth[index] }
        return lengths
    }

    /// Canonical codes for `lengths` (RFC 1951, 3.2.2), bit-reversed so that
    /// `BitWriter` (least significant bit first) sends them most significant bit first.
    static func codes(_ lengths: [Int]) -> [Int] {
        let maximum = lengths.max() ?? 0
        var countOfLength = [Int](repeating: 0, count: maximum + 1)
        for length in lengths where length > 0 { countOfLength[length] += 1 }
        var next = [Int](repeating: 0, count: maximum + 2)
        var code = 0
        if maximum >= 1 {
            for bits in 1...maximum {
                code = (code + countOfLength[bits - 1]) << 1
                next[bits] = code
            }
        }
        return lengths.map { length in
            guard length > 0 else { return 0 }
            let value = next[length]
            next[length] += 1
            var reversed = 0
            for bit in 0..<length where value & (1 << bit) != 0 { reversed |= 1 << (length - 1 - bit) }
            return reversed
        }
    }
}
