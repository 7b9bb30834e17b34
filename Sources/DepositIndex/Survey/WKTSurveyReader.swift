import Geo

/// Reads one or more Well-Known Text geometries, each a feature, with syntax errors located by line
/// and column. GEOS's reader would refuse an unclosed ring outright; this one reads what is written so
/// the checks can say what is wrong with it. Z and M values are read and dropped; a position with a
/// different count of numbers from its geometry's others is `mixed-dimensions`, at its line and column.
/// An EWKT `SRID=n;` prefix states the CRS (`EPSG:n`).
enum WKTSurveyReader {
    static let maximumDepth = 32

    static func read(_ bytes: [UInt8], file: String, limit: Int) -> SurveyDocument {
        var document = SurveyDocument(file: file, format: .wkt)
        document.maximumProblemsPerCode = limit
        var parser = Parser(bytes: bytes)
        var features = [SurveyFeature]()
        do {
            while true {
                parser.skipSeparators()
                if parser.atEnd { break }
                let (line, _) = parser.lineColumn(parser.position)
                let srid = try parser.srid()
                if let srid {
                    let stated = "EPSG:\(srid)"
                    if srid != 4326, document.statedCRS != nil, document.statedCRS != stated {
                        throw parser.failure("SRID=\(srid) differs from the SRID of an earlier geometry (\(document.statedCRS!)); one file, one CRS")
                    }
                    if srid != 4326 { document.statedCRS = stated }
                }
                parser.dimension = nil
                parser.mixed = []
                let shape = try parser.geometry(depth: 0)
                let label = "geometry \(features.count + 1)"
                var problems = [SurveyProblem]()
                for m in parser.mixed.prefix(limit) {
                    problems.append(SurveyProblem(.mixedDimensions, file: file, feature: label, line: m.line, column: m.column, message: m.message))
                }
                if case .geometryCollection = shape {
                    problems.append(SurveyProblem(.notAPolygon, file: file, feature: label, line: line,
                        message: "a GEOMETRYCOLLECTION where a deposit outline (POLYGON or MULTIPOLYGON) is expected"))
                }
                let empty = shape.coordinates.isEmpty
                if empty {
                    problems.append(SurveyProblem(.emptyGeometry, file: file, feature: label, line: line, message: "an EMPTY geometry"))
                }
                features.append(SurveyFeature(index: features.count, id: nil, label: label, properties: nil,
                                              geometry: problems.isEmpty ? shape : nil, line: line, problems: problems))
            }
        } catch let error as WKTSyntaxError {
            document.problems.append(SurveyProblem(.syntax, file: file, feature: "geometry \(features.count + 1)",
                                                   line: error.line, column: error.column, message: error.message))
        } catch {
            document.problems.append(SurveyProblem(.syntax, file: file, message: "\(error)"))
        }
        if features.isEmpty && document.problems.isEmpty {
            document.problems.append(SurveyProblem(.emptyGeometry, file: file, message: "the file holds no WKT geometry"))
        }
        document.setFeatures(features)
        return document
    }

    struct WKTSyntaxError: Error {
        var message: String
        var line: Int
        var column: Int
    }

    private struct Parser {
        let bytes: [UInt8]
        let lines: TextLines
        var position = 0
        /// Numbers per position in the geometry being read: from its Z, M or ZM marker, else from its
        /// first position. nil until known.
        var dimension: Int?
        /// Positions whose count of numbers differs from `dimension`, where, and what was found.
        var mixed: [(line: Int, column: Int, message: String)] = []

        init(bytes: [UInt8]) {
            self.bytes = bytes
            self.lines = TextLines(bytes)
        }

        var atEnd: Bool { position >= bytes.count }

        func lineColumn(_ offset: Int) -> (Int, Int) {
            let at = lines.position(of: offset)
            return (at.line, at.column)
        }

        func failure(_ message: String, at offset: Int? = nil) -> WKTSyntaxError {
            let (line, column) = lineColumn(offset ?? position)
            return WKTSyntaxError(message: message, line: line, column: column)
        }

        mutating func skipWhitespace() {
            while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
        }

        /// Whitespace and the `;` some tools put between geometries.
        mutating func skipSeparators() {
            while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ";")].contains(bytes[position]) { position += 1 }
        }

        func isLetter(_ b: UInt8) -> Bool {
            (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
        }

        mutating func word() -> String {
            skipWhitespace()
            let start = position
            while position < bytes.count, isLetter(bytes[position]) || bytes[position] == UInt8(ascii: "_") { position += 1 }
            return String(decoding: bytes[start..<position], as: UTF8.self).uppercased()
        }

        func describeCurrent() -> String {
            guard position < bytes.count else { return "end of input" }
            let b = bytes[position]
            if b >= 0x20 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
            return "byte 0x" + String(b, radix: 16)
        }

        mutating func expect(_ c: Character) throws {
            skipWhitespace()
            guard position < bytes.count, bytes[position] == c.asciiValue! else {
                throw failure("expected '\(c)', found \(describeCurrent())")
            }
            position += 1
        }

        mutating func peek(_ c: Character) -> Bool {
            skipWhitespace()
            return position < bytes.count && bytes[position] == c.asciiValue!
        }

        mutating func srid() throws -> Int? {
            skipWhitespace()
            let start = position
            guard word() == "SRID" else { position = start; return nil }
            try expect("=")
            skipWhitespace()
            let digits = position
            while position < bytes.count, bytes[position] >= UInt8(ascii: "0"), bytes[position] <= UInt8(ascii: "9") { position += 1 }
            guard position > digits, position - digits <= 9,
                  let n = Int(String(decoding: bytes[digits..<position], as: UTF8.self)) else {
                throw failure("SRID= must be followed by a whole number", at: digits)
            }
            try expect(";")
            return n
        }

        mutating func geometry(depth: Int) throws -> Shape {
            guard depth <= WKTSurveyReader.maximumDepth else { throw failure("GEOMETRYCOLLECTION nested deeper than \(WKTSurveyReader.maximumDepth) levels") }
            skipWhitespace()
            let start = position
            let type = word()
            guard !type.isEmpty else { throw failure("expected a geometry type such as POLYGON, found \(describeCurrent())") }
            // Dimension markers: read and then ignore the extra ordinates.
            let save = position
            var dimensions = 2
            switch word() {
            case "Z", "M": dimensions = 3
            case "ZM": dimensions = 4
            case "EMPTY": return empty(type, at: start) ?? .geometryCollection([])
            default: position = save
            }
            if dimensions > 2 {
                if dimension == nil { dimension = dimensions }
                let afterDims = position
                if word() == "EMPTY" { return empty(type, at: start) ?? .geometryCollection([]) }
                position = afterDims
            }
            switch type {
            case "POINT":
                try expect("(")
                let c = try coordinate()
                try expect(")")
                return .point(c)
            case "LINESTRING": return .lineString(try sequence())
            case "POLYGON": return .polygon(try rings())
            case "MULTIPOINT":
                try expect("(")
                var points = [Coordinate]()
                repeat {
                    // Both MULTIPOINT((1 2), (3 4)) and MULTIPOINT(1 2, 3 4) are in use.
                    if peek("(") {
                        try expect("(")
                        points.append(try coordinate())
                        try expect(")")
                    } else {
                        points.append(try coordinate())
                    }
                } while try comma()
                return .multiPoint(points)
            case "MULTILINESTRING":
                return .multiLineString(try list { try $0.sequence() })
            case "MULTIPOLYGON":
                return .multiPolygon(try list { try $0.rings() })
            case "GEOMETRYCOLLECTION":
                return .geometryCollection(try list { try $0.geometry(depth: depth + 1) })
            default:
                throw failure("unknown geometry type '\(type.prefix(30))'", at: start)
            }
        }

        func empty(_ type: String, at start: Int) -> Shape? {
            switch type {
            case "POINT", "MULTIPOINT": return .multiPoint([])
            case "LINESTRING": return .lineString([])
            case "POLYGON": return .polygon([])
            case "MULTILINESTRING": return .multiLineString([])
            case "MULTIPOLYGON": return .multiPolygon([])
            default: return nil
            }
        }

        mutating func comma() throws -> Bool {
            skipWhitespace()
            guard position < bytes.count else { throw failure("unexpected end of input, expected ',' or ')'") }
            if bytes[position] == UInt8(ascii: ",") { position += 1; return true }
            if bytes[position] == UInt8(ascii: ")") { position += 1; return false }
            throw failure("expected ',' or ')', found \(describeCurrent())")
        }

        mutating func list<T>(_ element: (inout Parser) throws -> T) throws -> [T] {
            try expect("(")
            var out = [T]()
            repeat { out.append(try element(&self)) } while try comma()
            return out
        }

        mutating func sequence() throws -> [Coordinate] {
            try list { try $0.coordinate() }
        }

        mutating func rings() throws -> [[Coordinate]] {
            try list { try $0.sequence() }
        }

        mutating func coordinate() throws -> Coordinate {
            skipWhitespace()
            let start = position
            let x = try number()
            let y = try number()
            // Z and M ordinates, when present, are read and dropped.
            var count = 2
            while true {
                skipWhitespace()
                guard position < bytes.count else { break }
                let b = bytes[position]
                if b == UInt8(ascii: ",") || b == UInt8(ascii: ")") { break }
                _ = try number()
                count += 1
            }
            // Every position of a geometry has as many numbers as its marker says, or as its first one
            // has: a position with more is most often two positions run together by a missing comma,
            // which read as one point with Z and M would silently lose a vertex.
            if let expected = dimension {
                if count != expected {
                    let (line, column) = lineColumn(start)
                    let shown = String(decoding: bytes[start..<position], as: UTF8.self).prefix(80)
                    mixed.append((line, column, "the position '\(shown)' has \(count) numbers where this geometry's positions have \(expected)"))
                }
            } else {
                dimension = count
            }
            return Coordinate(x: x, y: y)
        }

        /// A number, including the NaN and infinities some exporters write (the checks report them).
        mutating func number() throws -> Double {
            skipWhitespace()
            let start = position
            while position < bytes.count {
                let b = bytes[position]
                let isNumberByte = (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "-") || b == UInt8(ascii: "+")
                    || b == UInt8(ascii: ".") || isLetter(b)
                guard isNumberByte, position - start < 64 else { break }
                position += 1
            }
            let text = String(decoding: bytes[start..<position], as: UTF8.self)
            guard !text.isEmpty else { throw failure("expected a number, found \(describeCurrent())") }
            if let v = Double(text) { return v }
            switch text.lowercased() {
            case "nan", "-nan": return .nan
            case "inf", "infinity", "+inf", "+infinity": return .infinity
            case "-inf", "-infinity": return -.infinity
            default: throw failure("'\(text)' is not a number", at: start)
            }
        }
    }
}
