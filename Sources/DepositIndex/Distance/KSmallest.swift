/// The k smallest values by feature, for features whose values only decrease.
struct KSmallest {
    let k: Int
    private var entries: [(feature: Int, value: Double)] = []

    init(k: Int) {
        self.k = k
    }

    /// The k-th smallest value, once k features are known.
    var kth: Double? { entries.count >= k ? entries[k - 1].value : nil }

    mutating func offer(_ feature: Int, _ value: Double) {
        if let i = entries.firstIndex(where: { $0.feature == feature }) {
            entries[i].value = min(entries[i].value, value)
        } else if entries.count < k {
            entries.append((feature, value))
        } else if value < entries[entries.count - 1].value {
            // A feature outside the k smallest that now beats the largest of them takes its place.
            entries[entries.count - 1] = (feature, value)
        } else {
            return
        }
        entries.sort { $0.value < $1.value }
    }
}
