#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A JSON syntax error with the line and column (1-based, columns in bytes) where reading stopped.
package struct JSONSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
    package var message: String
    package var line: Int
    package var column: Int

    package var description: String { "line \(line), column \(column): \(message)" }
}

/// A strict RFC 8259 JSON reader that reports where a document is broken and refuses, rather than
/// crashes on, hostile input: nesting is limited, and numbers must be finite.
package struct JSONParser {
    /// Deeper nesting than this is refused; GeoJSON needs four levels for a MultiPolygon.
    package static let maximumDepth = 256

    /// Parses a whole document. A UTF-8 byte-order mark before it is ignored, as RFC 8259 §8.1 allows
    /// (Windows tools write one); columns on the first line still count its three bytes.
    package static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        var bytes = bytes
        bytes.append(0)  // a terminator that stops strtod at the end of the buffer
        return try bytes.withUnsafeBufferPointer { buffer throws(JSONSyntaxError) in
            var reader = Reader(buffer: buffer, end: buffer.count - 1)
            reader.skipByteOrderMark()
            reader.skipWhitespace()
            let value = try reader.value(depth: 0)
            reader.skipWhitespace()
            if reader.position < reader.end { throw reader.failure("unexpected \(reader.describeCurrent()) after the end of the document") }
            return value
        }
    }

    package static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        try parse(Array(text.utf8))
    }

    /// The reader itself, shared with `GeoJSONFastReader`, which reads coordinates straight into arrays.
    struct Reader {
        let buffer: UnsafeBufferPointer<UInt8>
        let end: Int
        var position = 0

        init(buffer: UnsafeBufferPointer<UInt8>, end: Int) {
            self.buffer = buffer
            self.end = end
        }

        /// Steps over a UTF-8 byte-order mark (EF BB BF) at the very start of the document.
        mutating func skipByteOrderMark() {
            if position == 0, end >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { position = 3 }
        }

        func failure(_ message: String, at offset: Int? = nil) -> JSONSyntaxError {
            let stop = min(offset ?? position, end)
            var line = 1, lineStart = 0
            for i in 0..<stop where buffer[i] == UInt8(ascii: "\n") {
                line += 1
                lineStart = i + 1
            }
            return JSONSyntaxError(message: message, line: line, column: stop - lineStart + 1)
        }

        func describeCurrent() -> String {
            guard position < end else { return "end of input" }
            let b = buffer[position]
            if b >= 0x20 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
            return "byte 0x" + String(b, radix: 16)
        }

        mutating func skipWhitespace() {
            while position < end {
                switch buffer[position] {
                case 0x20, 0x09, 0x0A, 0x0D: position += 1
                default: return
                }
            }
        }

        mutating func value(depth: Int) throws(JSONSyntaxError) -> JSONValue {
            guard position < end else { throw failure("unexpected end of input, expected a value") }
            switch buffer[position] {
            case UInt8(ascii: "{"): return try object(depth: depth + 1)
            case UInt8(ascii: "["): return try array(depth: depth + 1)
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): try literal("true"); return .bool(true)
            case UInt8(ascii: "f"): try literal("false"); return .bool(false)
            case UInt8(ascii: "n"): try literal("null"); return .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
            default: throw failure("unexpected \(describeCurrent()), expected a value")
            }
        }

        mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
            let start = position
            let bytes = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
            for b in bytes {
                guard position < end, buffer[position] == b else {
                    throw failure("invalid literal, expected '\(word)'", at: start)
                }
                position += 1
            }
        }

        mutating func object(depth: Int) throws(JSONSyntaxError) -> JSONValue {
            guard depth <= JSONParser.maximumDepth else { throw failure("nesting deeper than \(JSONParser.maximumDepth) levels") }
            position += 1
            var members = [(key: String, value: JSONValue)]()
            skipWhitespace()
            if position < end, buffer[position] == UInt8(ascii: "}") {
                position += 1
                return .object(JSONObject(members))
            }
            while true {
                skipWhitespace()
                guard position < end, buffer[position] == UInt8(ascii: "\"") else {
                    throw failure("unexpected \(describeCurrent()), expected a member name in double quotes")
                }
                let key = try string()
                skipWhitespace()
                guard position < end, buffer[position] == UInt8(ascii: ":") else {
                    throw failure("unexpected \(describeCurrent()), expected ':' after member name \"\(key)\"")
                }
                position += 1
                skipWhitespace()
                members.append((key: key, value: try value(depth: depth)))
                skipWhitespace()
                guard position < end else { throw failure("unexpected end of input inside an object") }
                if buffer[position] == UInt8(ascii: ",") { position += 1; continue }
                if buffer[position] == UInt8(ascii: "}") { position += 1; return .object(JSONObject(members)) }
                throw failure("unexpected \(describeCurrent()), expected ',' or '}' in an object")
            }
        }

        mutating func array(depth: Int) throws(JSONSyntaxError) -> JSONValue {
            guard depth <= JSONParser.maximumDepth else { throw failure("nesting deeper than \(JSONParser.maximumDepth) levels") }
            position += 1
            var elements = [JSONValue]()
            skipWhitespace()
            if position < end, buffer[position] == UInt8(ascii: "]") {
                position += 1
                return .array(elements)
            }
            while true {
                skipWhitespace()
                elements.append(try value(depth: depth))
                skipWhitespace()
                guard position < end else { throw failure("unexpected end of input inside an array") }
                if buffer[position] == UInt8(ascii: ",") { position += 1; continue }
                if buffer[position] == UInt8(ascii: "]") { position += 1; return .array(elements) }
                throw failure("unexpected \(describeCurrent()), expected ',' or ']' in an array")
            }
        }

        mutating func number() throws(JSONSyntaxError) -> Double {
            let start = position
            func digits() -> Int {
                let from = position
                while position < end, buffer[position] >= UInt8(ascii: "0"), buffer[position] <= UInt8(ascii: "9") { position += 1 }
                return position - from
            }
            if buffer[position] == UInt8(ascii: "-") { position += 1 }
            guard position < end, buffer[position] >= UInt8(ascii: "0"), buffer[position] <= UInt8(ascii: "9") else {
                throw failure("invalid number: a digit must follow '-'", at: start)
            }
            if buffer[position] == UInt8(ascii: "0") { position += 1 } else { _ = digits() }
            if position < end, buffer[position] == UInt8(ascii: ".") {
                position += 1
                guard digits() > 0 else { throw failure("invalid number: a digit must follow '.'", at: start) }
            }
            if position < end, buffer[position] == UInt8(ascii: "e") || buffer[position] == UInt8(ascii: "E") {
                position += 1
                if position < end, buffer[position] == UInt8(ascii: "+") || buffer[position] == UInt8(ascii: "-") { position += 1 }
                guard digits() > 0 else { throw failure("invalid number: the exponent has no digits", at: start) }
            }
            if let exact = Self.exactDecimal(buffer, start, position) { return exact }
            // The grammar is checked above; strtod converts exactly the same characters.
            let value = strtod(UnsafeRawPointer(buffer.baseAddress! + start).assumingMemoryBound(to: CChar.self), nil)
            guard value.isFinite else { throw failure("number out of range (beyond ±1.8e308)", at: start) }
            return value
        }

        /// The number in `buffer[start..<end]` (grammar already checked) when it has at most 15 significant
        /// digits and a power of ten within ±22: then both the digits and the power are exact doubles, and
        /// one multiplication or division rounds correctly, giving strtod's answer bit for bit (Clinger's
        /// fast path). Nil otherwise, for strtod to convert.
        private static func exactDecimal(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
            var i = start
            let negative = buffer[i] == UInt8(ascii: "-")
            if negative { i += 1 }
            var mantissa: UInt64 = 0
            var digits = 0, scale = 0
            var fraction = false
            while i < end {
                let b = buffer[i]
                if b == UInt8(ascii: ".") {
                    fraction = true
                } else if b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") {
                    // Leading zeros do not count towards the 15 digits.
                    if mantissa != 0 || b != UInt8(ascii: "0") { digits += 1 }
                    if digits > 15 { return nil }
                    mantissa = mantissa * 10 + UInt64(b - UInt8(ascii: "0"))
                    if fraction { scale -= 1 }
                } else {
                    return nil  // an exponent: leave it to strtod
                }
                i += 1
            }
            guard scale >= -22 else { return nil }
            var value = Double(mantissa)
            if scale < 0 { value /= powersOfTen[-scale] }
            return negative ? -value : value
        }

        private static let powersOfTen: [Double] = (0...22).map { n in
            var p = 1.0
            for _ in 0..<n { p *= 10 }  // exact: every power of ten up to 10^22 is a double
            return p
        }

        mutating func string() throws(JSONSyntaxError) -> String {
            let start = position
            position += 1
            // Most strings have no escapes: take the bytes as they are.
            var scan = position
            while scan < end {
                let b = buffer[scan]
                if b == UInt8(ascii: "\\") || b < 0x20 { break }
                if b == UInt8(ascii: "\"") {
                    guard let s = String(validating: UnsafeBufferPointer(rebasing: buffer[position..<scan]), as: UTF8.self) else { break }
                    position = scan + 1
                    return s
                }
                scan += 1
            }
            var bytes = [UInt8]()
            while true {
                guard position < end else { throw failure("unterminated string", at: start) }
                let b = buffer[position]
                if b == UInt8(ascii: "\"") { position += 1; break }
                if b < 0x20 { throw failure("control character in a string (escape it)") }
                if b == UInt8(ascii: "\\") {
                    position += 1
                    guard position < end else { throw failure("unterminated escape", at: start) }
                    let e = buffer[position]
                    position += 1
                    switch e {
                    case UInt8(ascii: "\""): bytes.append(0x22)
                    case UInt8(ascii: "\\"): bytes.append(0x5C)
                    case UInt8(ascii: "/"): bytes.append(0x2F)
                    case UInt8(ascii: "b"): bytes.append(0x08)
                    case UInt8(ascii: "f"): bytes.append(0x0C)
                    case UInt8(ascii: "n"): bytes.append(0x0A)
                    case UInt8(ascii: "r"): bytes.append(0x0D)
                    case UInt8(ascii: "t"): bytes.append(0x09)
                    case UInt8(ascii: "u"):
                        var scalar = try hex4()
                        if (0xD800...0xDBFF).contains(scalar) {
                            guard position + 1 < end, buffer[position] == UInt8(ascii: "\\"), buffer[position + 1] == UInt8(ascii: "u") else {
                                throw failure("unpaired surrogate in \\u escape")
                            }
                            position += 2
                            let low = try hex4()
                            guard (0xDC00...0xDFFF).contains(low) else { throw failure("invalid low surrogate in \\u escape") }
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        } else if (0xDC00...0xDFFF).contains(scalar) {
                            throw failure("unpaired surrogate in \\u escape")
                        }
                        guard let u = Unicode.Scalar(scalar) else { throw failure("invalid \\u escape") }
                        bytes.append(contentsOf: Array(String(Character(u)).utf8))
                    default:
                        throw failure("invalid escape '\\\(Character(Unicode.Scalar(e)))'", at: position - 2)
                    }
                } else {
                    bytes.append(b)
                    position += 1
                }
            }
            guard let s = String(validating: bytes, as: UTF8.self) else { throw failure("string is not valid UTF-8", at: start) }
            return s
        }

        mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
            var v: UInt32 = 0
            for _ in 0..<4 {
                guard position < end else { throw failure("unterminated \\u escape") }
                let b = buffer[position]
                let d: UInt32
                switch b {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(b - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(b - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(b - UInt8(ascii: "A") + 10)
                default: throw failure("invalid hex digit in \\u escape")
                }
                v = v * 16 + d
                position += 1
            }
            return v
        }
    }
}
