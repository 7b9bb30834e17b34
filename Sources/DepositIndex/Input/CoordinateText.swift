import Foundation
import Geo

/// Reads a coordinate pair the way people write one: `48.683,73.283`, `48.683 73.283`,
/// `48°41'N 73°17'E`, `48°41′02″N, 73°15′31″E`, `N48.683 E73.283`, `-33.9 18.4`.
///
/// Without hemisphere letters the order is latitude first (as people say it, and as map sites print it).
/// With letters the order is the letters'. A pair that only makes sense swapped is refused with a hint,
/// never swapped silently: a silent swap would put the answer on the wrong continent without a word.
///
/// A minus sign together with a hemisphere letter is refused whatever the letter: with N or E it
/// contradicts the letter, and with S or W some readers take it as south and others as a double
/// negative (north). A plus sign with N or E agrees and is accepted; with S or W it is refused.
/// Signs belong before the degrees, never on minutes or seconds. Every failure is a `Failure` that
/// quotes the text; nothing the text holds can make the reader trap (`Tools/fuzz-coordinates.sh`).
package enum CoordinateText {
    package struct Failure: Error, Hashable, Sendable, CustomStringConvertible {
        package var text: String
        package var message: String
        package var hint: String?

        /// One line: the text quoted (escaped for the terminal, and cut short past 80 characters) and what is wrong.
        package var description: String {
            "cannot read coordinates '\(CoordinateText.quoted(text))': \(message)" + (hint.map { " (\($0))" } ?? "")
        }
    }

    /// True when the text looks like an attempt at coordinates (digits and little else), so a caller
    /// can tell coordinates from a deposit name.
    package static func looksLikeCoordinates(_ text: String) -> Bool {
        let digits = text.filter(\.isNumber).count
        let letters = text.filter { $0.isLetter && !"NSEWnsew".contains($0) }.count
        return digits >= 2 && letters == 0
    }

    /// The coordinate (longitude, latitude) the text names.
    package static func parse(_ text: String) throws(Failure) -> Coordinate {
        let tokens = try tokenize(text)
        let components = try group(tokens, text)
        guard components.count == 2 else {
            throw Failure(text: text, message: "expected two values (latitude and longitude), found \(components.count)",
                          hint: hasExponent(text) ? "E is east here, not an exponent: write the number in full"
                              : "write e.g. 48.683,73.283 or 48°41'N 73°17'E")
        }
        var latitude: Double, longitude: Double
        let hemispheres = components.map(\.hemisphere)
        if hemispheres.allSatisfy({ $0 == nil }) {
            latitude = try components[0].value(text)
            longitude = try components[1].value(text)
            if abs(latitude) > 90, abs(longitude) <= 90, abs(latitude) <= 180 {
                throw Failure(text: text, message: "latitude \(format(latitude)) is beyond ±90°",
                              hint: "coordinates are latitude first; if you meant latitude \(format(longitude)), longitude \(format(latitude)), write \(format(longitude)),\(format(latitude))")
            }
        } else {
            guard let lat = components.first(where: { $0.hemisphere == "N" || $0.hemisphere == "S" }),
                  let lon = components.first(where: { $0.hemisphere == "E" || $0.hemisphere == "W" }) else {
                throw Failure(text: text, message: "needs one latitude (N or S) and one longitude (E or W)", hint: "e.g. 48°41'N 73°17'E")
            }
            latitude = try lat.value(text)
            longitude = try lon.value(text)
        }
        guard abs(latitude) <= 90 else {
            throw Failure(text: text, message: "latitude \(format(latitude)) is beyond ±90°", hint: nil)
        }
        guard abs(longitude) <= 180 else {
            throw Failure(text: text, message: "longitude \(format(longitude)) is beyond ±180°", hint: nil)
        }
        return Coordinate(longitude: longitude, latitude: latitude)
    }

    /// The coordinate as the tables print it, latitude first with `decimals` places: `48.68300, 73.28300`.
    /// `parse` reads it back to within half a unit of the last place.
    package static func text(_ coordinate: Coordinate, decimals: Int = 5) -> String {
        "\(fixed(coordinate.latitude, decimals)), \(fixed(coordinate.longitude, decimals))"
    }

    // MARK: - Reading

    private enum Sign { case none, plus, minus }

    private enum Token: Equatable {
        /// A number as written: its magnitude, the sign before it, and whether it has a fractional part.
        case number(Double, Sign, fractional: Bool)
        case degrees, minutes, seconds
        case hemisphere(Character)
        case separator
    }

    private struct Component {
        var parts: [Double] = []  // degrees, minutes, seconds (magnitudes)
        var fractional: [Bool] = []
        var sign = Sign.none
        var hemisphere: Character?

        var isEmpty: Bool { parts.isEmpty }

        func value(_ text: String) throws(Failure) -> Double {
            if parts.count > 1, parts[1] >= 60 {
                throw Failure(text: text, message: "minutes must be under 60, found \(format(parts[1]))", hint: nil)
            }
            if parts.count > 2, parts[2] >= 60 {
                throw Failure(text: text, message: "seconds must be under 60, found \(format(parts[2]))", hint: nil)
            }
            // 48.5°30' is 48.5° and 30' more, or a typo for one of them: refused rather than guessed.
            if parts.count > 1, fractional[0] {
                throw Failure(text: text, message: "degrees with a decimal fraction (\(format(parts[0]))) cannot have minutes after them", hint: "write 48°30' or 48.5°")
            }
            if parts.count > 2, fractional[1] {
                throw Failure(text: text, message: "minutes with a decimal fraction (\(format(parts[1]))) cannot have seconds after them", hint: "write 41'30\" or 41.5'")
            }
            let magnitude = parts[0] + (parts.count > 1 ? parts[1] / 60 : 0) + (parts.count > 2 ? parts[2] / 3600 : 0)
            guard let h = hemisphere else { return sign == .minus ? -magnitude : magnitude }
            let negativeLetter = h == "S" || h == "W"
            switch sign {
            case .minus where negativeLetter:
                throw Failure(text: text, message: "both a minus sign and \(h) given", hint: "use one of them: \(format(magnitude))\(h) or, without letters, -\(format(magnitude))")
            case .minus:
                throw Failure(text: text, message: "a minus sign contradicts \(h)", hint: "for \(h == "N" ? "south write S" : "west write W"); with a letter, leave the sign out")
            case .plus where negativeLetter:
                throw Failure(text: text, message: "a plus sign contradicts \(h)", hint: "leave the sign out")
            default:
                return negativeLetter ? -magnitude : magnitude
            }
        }
    }

    private static func tokenize(_ text: String) throws(Failure) -> [Token] {
        var tokens = [Token]()
        let characters = Array(text.uppercased())
        var i = 0
        while i < characters.count {
            let c = characters[i]
            if c.isNumber || c == "-" || c == "+" || c == "." || c == "−" {
                var j = i
                var sign = Sign.none
                if c == "-" || c == "−" { sign = .minus; j += 1 } else if c == "+" { sign = .plus; j += 1 }
                var number = ""
                while j < characters.count, characters[j].isASCII, characters[j].isNumber || characters[j] == "." {
                    number.append(characters[j])
                    j += 1
                }
                let written = String(characters[i..<max(j, i + 1)])
                guard !number.isEmpty, let value = Double(number) else {
                    throw Failure(text: text, message: "'\(quoted(written))' is not a number", hint: nil)
                }
                // Digits enough to overflow a Double (1e309 and beyond) read as infinity: refused here,
                // so no later step ever sees a value that is not finite.
                guard value.isFinite else {
                    throw Failure(text: text, message: "'\(quoted(written))' is too large to be a coordinate", hint: nil)
                }
                tokens.append(.number(value, sign, fractional: number.contains(".")))
                i = j
                continue
            }
            switch c {
            case "°", "º", "˚", "D": tokens.append(.degrees)
            case "'", "′", "’", "‘", "M": tokens.append(.minutes)
            case "\"", "″", "”", "“": tokens.append(.seconds)
            case "N", "S", "E", "W": tokens.append(.hemisphere(c))
            case ",", ";", "/": tokens.append(.separator)
            default:
                guard c.isWhitespace else {
                    throw Failure(text: text, message: "unexpected '\(quoted(String(c)))'", hint: "write e.g. 48.683,73.283 or 48°41'N 73°17'E")
                }
            }
            i += 1
        }
        // Two primes in a row are a seconds mark.
        var merged = [Token]()
        for t in tokens {
            if t == .minutes, merged.last == .minutes { merged[merged.count - 1] = .seconds } else { merged.append(t) }
        }
        return merged
    }

    private static func group(_ tokens: [Token], _ text: String) throws(Failure) -> [Component] {
        let hasMarks = tokens.contains { if case .number = $0 { return false } else { return $0 != .separator } }
        var components = [Component]()
        var current = Component()
        var pendingHemisphere: Character?
        var numbersSinceSeparator = 0
        var previous: Token?

        func close() {
            if !current.isEmpty { components.append(current) }
            current = Component()
        }

        for (i, token) in tokens.enumerated() {
            defer { previous = token }
            switch token {
            case .number(let value, let sign, let fractional):
                let next: Token? = i + 1 < tokens.count ? tokens[i + 1] : nil
                var slot = current.parts.count
                switch next {
                case .degrees?: slot = 0
                case .minutes?: slot = 1
                case .seconds?: slot = 2
                default: break
                }
                // A degrees value after minutes or seconds, or a fourth bare number, starts the next value.
                if slot < current.parts.count || slot > 2 {
                    close()
                    if slot > 2 { slot = 0 }
                }
                if slot > 0, sign != .none {
                    throw Failure(text: text, message: "a sign before minutes or seconds", hint: "a sign belongs before the degrees: -48°41'")
                }
                if current.isEmpty, let h = pendingHemisphere {
                    current.hemisphere = h
                    pendingHemisphere = nil
                }
                if current.isEmpty { current.sign = sign }
                while current.parts.count < slot {
                    current.parts.append(0)
                    current.fractional.append(false)
                }
                current.parts.append(value)
                current.fractional.append(fractional)
                numbersSinceSeparator += 1
                if !hasMarks { close() }
            case .hemisphere(let h):
                if pendingHemisphere != nil {
                    throw Failure(text: text, message: "two hemisphere letters in a row", hint: nil)
                }
                if !current.isEmpty, current.hemisphere == nil {
                    current.hemisphere = h  // a suffix: 48.683N
                    close()
                } else {
                    close()
                    pendingHemisphere = h  // a prefix: N48.683
                }
            case .separator:
                guard numbersSinceSeparator > 0 else {
                    throw Failure(text: text, message: "nothing before a separator", hint: "write e.g. 48.683,73.283")
                }
                numbersSinceSeparator = 0
                close()
            case .degrees, .minutes, .seconds:
                guard case .number? = previous else {
                    throw Failure(text: text, message: "a \(token == .degrees ? "degree" : token == .minutes ? "minute" : "second") mark with no number before it", hint: "write e.g. 48°41'N 73°17'E")
                }
            }
        }
        close()
        if pendingHemisphere != nil {
            throw Failure(text: text, message: "a hemisphere letter with no value after it", hint: nil)
        }
        if previous == .separator {
            throw Failure(text: text, message: "nothing after the last separator", hint: "write e.g. 48.683,73.283")
        }
        return components
    }

    /// True when the text holds a digit, E and a digit (1e5, 2E-3): scientific notation, which reads here as east.
    private static func hasExponent(_ text: String) -> Bool {
        let c = Array(text.uppercased())
        return c.indices.contains { i in
            guard i > 0, c[i] == "E", c[i - 1].isASCII, c[i - 1].isNumber else { return false }
            let next = i + 1 < c.count && (c[i + 1] == "-" || c[i + 1] == "+") ? i + 2 : i + 1
            return next < c.count && c[next].isASCII && c[next].isNumber
        }
    }

    /// A value for a message: whole numbers without a fraction, anything else as Swift prints it
    /// (1e+19, never a conversion to Int that a large value would trap on).
    private static func format(_ d: Double) -> String {
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return String(d)
    }

    /// A fixed-point rendering with `decimals` places (0...15), as `%.Nf` prints it.
    private static func fixed(_ value: Double, _ decimals: Int) -> String {
        String(format: "%.\(min(max(decimals, 0), 15))f", value)
    }

    /// The text for an error message: escaped for the terminal and cut to 80 characters, so a
    /// megabyte of digits gives a one-line message.
    static func quoted(_ text: String) -> String {
        let cut = text.count > 80 ? String(text.prefix(80)) + "…" : text
        return TerminalText.escaped(cut)
    }
}
