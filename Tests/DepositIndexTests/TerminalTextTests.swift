import DepositIndex
import XCTest

final class TerminalTextTests: XCTestCase {
    func testControlsAreWrittenOutVisibly() {
        XCTAssertEqual(TerminalText.escaped("Kairakty\u{1B}[31m"), #"Kairakty\u{1B}[31m"#)
        XCTAssertEqual(TerminalText.escaped("a\nb\tc\rd"), #"a\nb\tc\rd"#)
        XCTAssertEqual(TerminalText.escaped("\u{0}\u{7F}\u{85}\u{9B}"), #"\u{0}\u{7F}\u{85}\u{9B}"#)  // NUL, DEL, C1 NEL and CSI
    }

    /// The bidi overrides and isolates (U+202A–U+202E, U+2066–U+2069) reorder what follows them.
    func testBidiControlsAreEscaped() {
        for value in Array(0x202A...0x202E) + Array(0x2066...0x2069) + [0x200E, 0x200F, 0x061C, 0x2028, 0x2029] {
            let scalar = Unicode.Scalar(UInt32(value))!
            XCTAssertEqual(TerminalText.escaped("x\(Character(scalar))y"), "x\\u{\(String(value, radix: 16, uppercase: true))}y")
        }
    }

    func testOrdinaryTextIsKept() {
        for text in ["Верхнее Кайракты", "Сәкен Сейфуллин", "蘑菇滩", #"C:\data"#, "48°41'N", "Қарағанды облысы", ""] {
            XCTAssertEqual(TerminalText.escaped(text), text)
        }
    }

    func testEscapingTwiceChangesNothing() {
        let once = TerminalText.escaped("a\u{1B}\n\u{202E}b")
        XCTAssertEqual(TerminalText.escaped(once), once)
    }

    func testLinesKeepTheirBreaks() {
        XCTAssertEqual(TerminalText.escapedLines("one\u{1B}[2J\n  two\r\n"), "one\\u{1B}[2J\n  two\\r\\n")
        XCTAssertEqual(TerminalText.escapedLines("a\nb\n"), "a\nb\n")
    }
}
