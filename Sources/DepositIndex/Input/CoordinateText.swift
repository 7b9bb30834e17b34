import Geo

/// Reads a coordinate pair the way people write one: `48.683,73.283`, `48.683 73.283`,
/// `48°41'N 73°17'E`, `48°41′02″N, 73°15′31″E`, `N48.683 E73.283`, `-33.9 18.4`.
///
/// Without hemisphere letters the order is latitude first (as people say it, and as map sites print it).
/// With letters the order is the letters'. A pair that only makes sense swapped is refused with a hint,
/// never swapped silently: a silent swap would put the answer on the wrong continent without a word.
public enum CoordinateText {
    public struct Failure: Error, Hashable, Sendable, CustomStringConvertible {
        public var text: String
        public var message: String
        public var hint: String?

        public var description: String {
            "cannot read coordinates '\(text)': \(message)" + (hint.map { " (\($0))" } ?? "")
        }
    }

    /// True when the text looks like an attempt at coordinates (digits and little else), so a caller
    /// can tell coordinates from a deposit name.
    public static func looksLikeCoordinates(_ text: String) -> Bool {
        let digits = text.filter(\.isNumber).count
        let letters = text.filter { $0.isLetter && !"NSEWnsew".contains($0) }.count
        return digits >= 2 && letters == 0
    }

    /// The coordinate (longitude, latitude) the text names.
    public static func parse(_ text: String) throws(Failure) -> Coordinate {
        let tokens = try tokenize(text)
        let components = try group(tokens, text)
        guard components.count == 2 else {
            throw Failure(text: text, message: "expected two values (latitude and longitude), found \(components.count)",
                          hint: "write e.g. 48.683,73.283 or 48°41'N 73°17'E")
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

    // MARK: - Reading

    private enum Token: Equatable {
        case number(Double)
        case degrees, minutes, seconds
        case hemisphere(Character)
        case separator
    }

    private struct Component {
        var parts: [Double] = []  // degrees, minutes, seconds
        var hemisphere: Character?
        var negative = false

        var isEmpty: Bool { parts.isEmpty }

        func value(_ text: String) throws(Failure) -> Double {
            if parts.count > 1, parts[1] >= 60 || parts[1] < 0 {
                throw Failure(text: text, message: "minutes must be under 60, found \(format(parts[1]))", hint: nil)
            }
            if parts.count > 2, parts[2] >= 60 || parts[2] < 0 {
                throw Failure(text: text, message: "seconds must be under 60, found \(format(parts[2]))", hint: nil)
            }
            let magnitude = abs(parts[0]) + (parts.count > 1 ? parts[1] / 60 : 0) + (parts.count > 2 ? parts[2] / 3600 : 0)
            let south = hemisphere == "S" || hemisphere == "W"
            if south && (negative || parts[0] < 0) {
                throw Failure(text: text, message: "both a minus sign and \(hemisphere!) given", hint: "use one of them")
            }
            return (negative || parts[0] < 0 || south) ? -magnitude : magnitude
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
                var number = ""
                if c == "-" || c == "−" { number = "-"; j += 1 } else if c == "+" { j += 1 }
                while j < characters.count, characters[j].isASCII, characters[j].isNumber || characters[j] == "." {
                    number.append(characters[j])
                    j += 1
                }
                guard let value = Double(number), number != "-" else {
                    throw Failure(text: text, message: "'\(String(characters[i..<max(j, i + 1)]))' is not a number", hint: nil)
                }
                tokens.append(.number(value))
                i = j
                continue
            }
            switch c {
            case "°", "º", "˚", "D": tokens.append(.degrees)
            case "'", "′", "’", "‘", "M": tokens.append(.minutes)
            case "\"", "″", "”", "“": tokens.append(.seconds)
            case "N", "S", "E", "W": tokens.append(.hemisphere(c))
            case ",", ";", "/": tokens.append(.separator)
            case " ", "\t", "\n": break
            default:
                throw Failure(text: text, message: "unexpected '\(c)'", hint: "write e.g. 48.683,73.283 or 48°41'N 73°17'E")
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

        func close() {
            if !current.isEmpty { components.append(current) }
            current = Component()
        }

        var i = 0
        while i < tokens.count {
            switch tokens[i] {
            case .number(let value):
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
                if current.isEmpty, let h = pendingHemisphere {
                    current.hemisphere = h
                    pendingHemisphere = nil
                }
                while current.parts.count < slot { current.parts.append(0) }
                current.parts.append(value)
                if !hasMarks { close() }
            case .hemisphere(let h):
                if !current.isEmpty, current.hemisphere == nil {
                    current.hemisphere = h  // a suffix: 48.683N
                    close()
                } else {
                    close()
                    pendingHemisphere = h  // a prefix: N48.683
                }
            case .separator:
                close()
            case .degrees, .minutes, .seconds:
                break
            }
            i += 1
        }
        close()
        if pendingHemisphere != nil {
            throw Failure(text: text, message: "a hemisphere letter with no value after it", hint: nil)
        }
        return components
    }

    private static func format(_ d: Double) -> String {
        d == d.rounded() ? String(Int(d)) : String(d)
    }
}
