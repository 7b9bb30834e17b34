/// Spellings reduced to one comparable key (see `NameIndex`), and the closest names to a misspelling.
package enum NameKey {
    /// The key a spelling is compared by: lower case, Cyrillic and Kazakh transliterated to Latin,
    /// diacritics and punctuation dropped. "Верхнее Кайракты" and "Verkhneye Kairakty" share a key.
    package static func key(_ text: String) -> String {
        NameIndex.key(text)
    }

    /// Up to `limit` feature ids, each with the spelling that came closest to `text`, best first, among
    /// those near enough to be a plausible misspelling (edit distance at most a third of the key's length,
    /// or containing the key's first half). Formatted "spelling (id)" for a "did you mean" line.
    package static func closest(to text: String, among features: [(id: String, spellings: [String])], limit: Int) -> [String] {
        let query = key(text)
        guard !query.isEmpty else { return [] }
        var scored = [(score: Int, label: String)]()
        let threshold = max(2, query.count / 3)
        for feature in features {
            var best: (score: Int, spelling: String)?
            for spelling in feature.spellings {
                let k = key(spelling)
                guard !k.isEmpty else { continue }
                // Both distances below are at least the query's length less the spelling's: a query that much
                // longer than the name cannot come near it, and is not measured (a 70,000-character "name" sent
                // to the server would take seconds per spelling).
                if query.count - k.count > threshold { continue }
                var score = editDistance(query, k)
                // A shorter query that is close to the start of a long name ("kairakti") is a near miss too.
                score = min(score, editDistance(query, String(k.prefix(query.count))) + 1)
                if best == nil || score < best!.score { best = (score, spelling) }
            }
            guard let best, best.score <= threshold else { continue }
            scored.append((best.score, best.spelling == feature.id ? feature.id : "\(best.spelling) (\(feature.id))"))
        }
        return scored.sorted { ($0.score, $0.label) < ($1.score, $1.label) }.prefix(limit).map(\.label)
    }

    /// Levenshtein distance over characters.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
