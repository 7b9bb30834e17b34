import Foundation

/// Look-up of features by id, name or alias, insensitive to case, diacritics and script.
///
/// Every spelling is reduced to a key: lower case, Kazakh letters folded to their Russian neighbours,
/// Cyrillic transliterated to Latin, diacritics dropped, y read as i, and anything but letters and digits
/// removed. So "Upper Kairakty", "Верхнее Кайракты" and "Joǵarǵy Qaıraqty" meet where their spellings do.
struct NameIndex: Sendable {
    private let keys: [[String]]
    private let exact: [String: [Int]]

    init(_ spellings: [[String]]) {
        keys = spellings.map { $0.map(NameIndex.key).filter { !$0.isEmpty } }
        var exact = [String: [Int]]()
        for (i, ks) in keys.enumerated() {
            for k in Set(ks) { exact[k, default: []].append(i) }
        }
        self.exact = exact
    }

    /// Features whose spelling equals the query's key; failing that, those with a spelling containing it.
    func matches(_ query: String) -> [Int] {
        let k = NameIndex.key(query)
        if k.isEmpty { return [] }
        if let hits = exact[k] { return hits.sorted() }
        return keys.indices.filter { i in keys[i].contains { $0.contains(k) } }
    }

    static let cyrillic: [Character: String] = [
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
        "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
        "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
        "э": "e", "ю": "yu", "я": "ya", "ә": "a", "ғ": "g", "қ": "k", "ң": "n", "ө": "o", "ұ": "u", "ү": "u",
        "һ": "h", "і": "i",
    ]

    static func key(_ text: String) -> String {
        NameFold.key(text) ?? foundationKey(text)
    }

    /// The key by Foundation's folding, for spellings with letters outside ASCII and the Cyrillic table
    /// (diacritics, combining marks, other scripts). `NameFold` gives the same key for the rest, faster.
    static func foundationKey(_ text: String) -> String {
        var latin = ""
        for ch in text.lowercased() {
            if let t = cyrillic[ch] { latin += t } else { latin.append(ch) }
        }
        let folded = latin.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        var out = ""
        for scalar in folded.unicodeScalars where CharacterSet.alphanumerics.contains(scalar) {
            // Latin spellings of the same Cyrillic letters differ mostly in y/i, q/k and ie/e.
            switch scalar {
            case "y": out += "i"
            case "q": out += "k"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out.replacingOccurrences(of: "ie", with: "e").replacingOccurrences(of: "ii", with: "i")
    }
}
