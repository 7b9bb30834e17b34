/// Kazakh and Russian Cyrillic written in Latin letters, for names no source gives in Latin script.
///
/// The table is the BGN/PCGN romanization of Kazakh (1979), which covers the Russian letters too, as
/// printed in the BGN/PCGN "Romanization Systems" tables: а a, ә ä, б b, в v, г g, ғ gh, д d, е e, ё yo,
/// ж zh, з z, и i, й y, к k, қ q, л l, м m, н n, ң ng, о o, ө ö, п p, р r, с s, т t, у u, ұ ū, ү ü,
/// ф f, х kh, һ h, ц ts, ч ch, ш sh, щ shch, ы y, і i, э e, ю yu, я ya. Two simplifications: the hard
/// and soft signs (ъ, ь), which BGN/PCGN writes as ” and ’, are left out, since a reader types names
/// without them; and a capital that stands for two Latin letters is written with the second in lower
/// case (Ш → Sh), as in names.
enum Transliteration {
    static let table: [Character: String] = [
        "а": "a", "ә": "ä", "б": "b", "в": "v", "г": "g", "ғ": "gh", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
        "з": "z", "и": "i", "й": "y", "к": "k", "қ": "q", "л": "l", "м": "m", "н": "n", "ң": "ng", "о": "o",
        "ө": "ö", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "ū", "ү": "ü", "ф": "f", "х": "kh",
        "һ": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "і": "i", "э": "e",
        "ю": "yu", "я": "ya",
    ]

    /// `text` with every Cyrillic letter of the table written in Latin; other characters are kept.
    static func latin(_ text: String) -> String {
        var out = ""
        for ch in text {
            let lower = Character(ch.lowercased())
            guard let latin = table[lower] else { out.append(ch); continue }
            if ch != lower, let first = latin.first {
                out += first.uppercased() + latin.dropFirst()
            } else {
                out += latin
            }
        }
        return out
    }

    /// True when every letter of `text` is Latin (Basic Latin, Latin-1, Latin Extended A/B, IPA extensions
    /// and spacing modifiers such as ʻ, Latin Extended Additional): a reader of Latin script can read it.
    static func isLatin(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { s in
            !s.properties.isAlphabetic || s.value < 0x0300 || (0x1E00..<0x1F00).contains(s.value)
        }
    }
}
