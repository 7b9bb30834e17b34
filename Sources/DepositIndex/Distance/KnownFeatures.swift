/// The features one k-nearest search has measured, each with its nearest pair so far and whether it is
/// already in the answer.
///
/// A search measures a handful of features, so they are kept in one short array scanned from the start;
/// only past `linearLimit` entries (a large k) are they also indexed by a dictionary. A k = 1 search thus
/// hashes nothing and allocates one array, where a dictionary and a set cost two tables and a SipHash at
/// each of the dozen look-ups a search makes.
struct KnownFeatures {
    private struct Entry {
        let feature: Int
        var pair: NearestPair
        var accepted = false
    }

    private var entries = [Entry]()
    private var positions: [Int: Int]?
    static let linearLimit = 16

    private func position(of feature: Int) -> Int? {
        if let positions { return positions[feature] }
        return entries.firstIndex { $0.feature == feature }
    }

    /// The feature's nearest pair so far (nil: not measured yet), and whether it is in the answer.
    func lookUp(_ feature: Int) -> (pair: NearestPair?, accepted: Bool) {
        guard let p = position(of: feature) else { return (nil, false) }
        return (entries[p].pair, entries[p].accepted)
    }

    /// Records a nearer pair for the feature.
    mutating func record(_ feature: Int, _ pair: NearestPair) {
        if let p = position(of: feature) {
            entries[p].pair = pair
            return
        }
        entries.append(Entry(feature: feature, pair: pair))
        if positions != nil {
            positions?[feature] = entries.count - 1
        } else if entries.count > Self.linearLimit {
            positions = Dictionary(uniqueKeysWithValues: entries.indices.map { (entries[$0].feature, $0) })
        }
    }

    /// Marks a measured feature as in the answer.
    mutating func accept(_ feature: Int) {
        if let p = position(of: feature) { entries[p].accepted = true }
    }
}
