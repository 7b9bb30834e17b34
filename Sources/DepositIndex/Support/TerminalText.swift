/// Text from arguments or data made safe to print on a terminal: every character that a terminal
/// would obey instead of showing is written out visibly, so a name cannot recolour the screen, move
/// the cursor, reorder what follows it, or break a one-line message into two.
///
/// Escaped, in Swift's own spelling: the C0 controls (U+0000–U+001F: `\n`, `\r`, `\t`, the rest as
/// `\u{1B}`), DEL and the C1 controls (U+007F–U+009F), the bidirectional embeddings, overrides and
/// isolates (U+202A–U+202E, U+2066–U+2069) and marks (U+200E, U+200F, U+061C), and the line and
/// paragraph separators (U+2028, U+2029). Everything else, Cyrillic and Kazakh letters included, is
/// kept as it is, and so is the backslash (a path like `C:\data` stays readable), so escaping twice
/// changes nothing.
///
/// Only for text shown to people: JSON and GeoJSON output keep the names exactly (their encoders
/// escape the controls by the JSON rules).
///
///     TerminalText.escaped("Kairakty\u{1B}[31m\n")  // "Kairakty\\u{1B}[31m\\n"
package enum TerminalText {
    /// The text with every control, bidirectional and line-breaking character escaped, newlines included:
    /// one table cell, one quoted name.
    package static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar) else {
                out.append(scalar)
                continue
            }
            switch scalar {
            case "\n": out.append(contentsOf: #"\n"#.unicodeScalars)
            case "\r": out.append(contentsOf: #"\r"#.unicodeScalars)
            case "\t": out.append(contentsOf: #"\t"#.unicodeScalars)
            default: out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            }
        }
        return String(out)
    }

    /// Text of several lines (a message with a list under it, a whole table): each line escaped as by
    /// `escaped(_:)`, the newlines between them kept.
    package static func escapedLines(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 != "\n" && needsEscape($0) }) else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { escaped(String($0)) }.joined(separator: "\n")
    }

    /// True for a character a terminal acts on rather than shows (see the type's documentation).
    package static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true  // C0 controls, DEL, C1 controls
        case 0x202A...0x202E, 0x2066...0x2069: return true  // bidi embeddings, overrides, isolates
        case 0x200E, 0x200F, 0x061C: return true  // left-to-right, right-to-left and Arabic letter marks
        case 0x2028, 0x2029: return true  // line and paragraph separators
        default: return false
        }
    }
}
