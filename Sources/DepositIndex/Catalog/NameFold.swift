/// `NameIndex.key` without Foundation, for spellings made only of ASCII and the letters of the Cyrillic
/// table (every name in the bundled data but a few Kazakh Latin ones).
///
/// Why: folding through Foundation costs microseconds per spelling, and a catalog folds every name of
/// every layer. For these letters the fold is a table: ASCII lower-cased, Cyrillic (either case)
/// transliterated, then y→i, q→k, anything but letters and digits dropped, and "ie"→"e", "ii"→"i" replaced
/// left to right as `replacingOccurrences` does. Anything else (a diacritic, a combining mark, another
/// script) returns nil and the caller folds through Foundation, so the keys are always the same.
enum NameFold {
    /// Scalar value to its ASCII transliteration, for lower- and upper-case Cyrillic letters of the table.
    private static let table: [UInt32: [UInt8]] = {
        var t = [UInt32: [UInt8]]()
        for (ch, latin) in NameIndex.cyrillic {
            let bytes = Array(latin.utf8)
            for form in [String(ch), String(ch).uppercased()] {
                let scalars = Array(form.unicodeScalars)
                // Only forms whose own lower case is the table's letter, as `lowercased()` would make them.
                if scalars.count == 1, Character(form).lowercased() == String(ch) { t[scalars[0].value] = bytes }
            }
        }
        return t
    }()

    /// Punctuation common in rail and station names (degree sign, dashes, quotes, no-break space): not
    /// letters or digits, with no case and no canonical decomposition, so Foundation's fold drops them too.
    private static let dropped: Set<UInt32> = [0x00A0, 0x00AB, 0x00B0, 0x00BB, 0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D]

    static func key(_ text: String) -> String? {
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count)
        func add(_ b: UInt8) {
            switch b {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): add(b + 32)
            case UInt8(ascii: "y"): out.append(UInt8(ascii: "i"))
            case UInt8(ascii: "q"): out.append(UInt8(ascii: "k"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): out.append(b)
            default: break
            }
        }
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                add(UInt8(scalar.value))
            } else if let latin = table[scalar.value] {
                for b in latin { add(b) }
            } else if dropped.contains(scalar.value) {
                continue
            } else {
                return nil
            }
        }
        return String(decoding: replacing(replacing(out, UInt8(ascii: "i"), UInt8(ascii: "e"), by: UInt8(ascii: "e")),
                                          UInt8(ascii: "i"), UInt8(ascii: "i"), by: UInt8(ascii: "i")), as: UTF8.self)
    }

    /// Every non-overlapping `first second`, left to right, replaced by `by`.
    private static func replacing(_ bytes: [UInt8], _ first: UInt8, _ second: UInt8, by: UInt8) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == first, i + 1 < bytes.count, bytes[i + 1] == second {
                out.append(by)
                i += 2
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return out
    }
}
