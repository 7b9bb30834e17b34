import DepositIndex
import Geo

/// What one fuzz input goes through: the coordinate reader, its formatter and the terminal escaping.
/// A trap, a hang or a broken invariant here is a finding; a `CoordinateText.Failure` is the expected
/// outcome for most inputs.
///
/// Invariants checked on every input:
/// - `parse` returns a finite coordinate with |latitude| ≤ 90 and |longitude| ≤ 180, or a `Failure`;
/// - a parsed coordinate printed by `CoordinateText.text` (the tables' formatter) reads back to within
///   half a unit of its last decimal place, at 5 places (the tables) and at 9;
/// - a failure's message is one line with no character a terminal would act on;
/// - `TerminalText.escaped` leaves nothing to escape, and escaping twice changes nothing.
enum CoordinateFuzzHarness {
    static func run(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        _ = CoordinateText.looksLikeCoordinates(text)
        checkEscaping(text)
        do {
            let c = try CoordinateText.parse(text)
            precondition(c.latitude.isFinite && c.longitude.isFinite, "not finite: \(c)")
            precondition(abs(c.latitude) <= 90 && abs(c.longitude) <= 180, "out of range: \(c)")
            for decimals in [5, 9] {
                let printed = CoordinateText.text(c, decimals: decimals)
                do {
                    let back = try CoordinateText.parse(printed)
                    let tolerance = 0.5 * pow10(-decimals) * (1 + 1e-9) + 1e-12
                    precondition(abs(back.latitude - c.latitude) <= tolerance && abs(back.longitude - c.longitude) <= tolerance,
                                 "\(printed) reads back as \(back), not \(c)")
                } catch {
                    preconditionFailure("the formatter's \(printed) does not read back: \(error)")
                }
            }
        } catch {
            let message = error.description
            precondition(!message.unicodeScalars.contains(where: TerminalText.needsEscape), "unescaped message: \(message.debugDescription)")
        }
    }

    private static func checkEscaping(_ text: String) {
        let once = TerminalText.escaped(text)
        precondition(!once.unicodeScalars.contains(where: TerminalText.needsEscape), "escaped text still holds a control: \(once.debugDescription)")
        precondition(TerminalText.escaped(once) == once, "escaping twice changed \(once.debugDescription)")
        let lines = TerminalText.escapedLines(text)
        precondition(!lines.unicodeScalars.contains { $0 != "\n" && TerminalText.needsEscape($0) }, "escaped lines still hold a control")
    }

    private static func pow10(_ n: Int) -> Double {
        var p = 1.0
        for _ in 0..<abs(n) { p *= 10 }
        return n < 0 ? 1 / p : p
    }

}
