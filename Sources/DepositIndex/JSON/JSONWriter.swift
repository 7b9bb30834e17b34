/// Writes JSON text with object members in their stored order and numbers in their shortest exact form,
/// optionally rounded: the same value always gives the same bytes.
package struct JSONWriter: Sendable {
    /// Digits after the decimal point for numbers, or nil to keep every digit.
    package var decimals: Int?
    /// Spaces per level for text people read (each member and element on its own line, `"key" : value`,
    /// an empty container as an opening line, a blank line and its close); nil for one line.
    package var indent: Int?

    package init(decimals: Int? = nil, indent: Int? = nil) {
        self.decimals = decimals
        self.indent = indent
    }

    package func string(_ value: JSONValue) -> String {
        var out = ""
        write(value, into: &out)
        return out
    }

    package func write(_ value: JSONValue, into out: inout String) {
        write(value, level: 0, into: &out)
    }

    /// `value` as it is written nested `level` containers deep (its inner lines indented to match), for a
    /// document written a piece at a time.
    package func write(_ value: JSONValue, level: Int, into out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let d): out += JSONWriter.format(d, decimals: decimals)
        case .string(let s): JSONWriter.writeString(s, into: &out)
        case .array(let a):
            container("[", "]", count: a.count, level: level, into: &out) { i, out in
                write(a[i], level: level + 1, into: &out)
            }
        case .object(let o):
            let members = o.members
            container("{", "}", count: members.count, level: level, into: &out) { i, out in
                JSONWriter.writeString(members[i].key, into: &out)
                out += indent == nil ? ":" : " : "
                write(members[i].value, level: level + 1, into: &out)
            }
        }
    }

    private func container(_ open: String, _ close: String, count: Int, level: Int, into out: inout String,
                           _ element: (Int, inout String) -> Void) {
        out += open
        guard let indent else {
            for i in 0..<count {
                if i > 0 { out += "," }
                element(i, &out)
            }
            out += close
            return
        }
        let inner = String(repeating: " ", count: indent * (level + 1))
        if count == 0 { out += "\n\n" }
        for i in 0..<count {
            out += i == 0 ? "\n" : ",\n"
            out += inner
            element(i, &out)
        }
        if count > 0 { out += "\n" }
        out += String(repeating: " ", count: indent * level) + close
    }

    /// A number as JSON text: integers without a fraction, others in Swift's shortest round-trip form,
    /// after rounding to `decimals` places when given. Non-finite values, which JSON cannot hold, become null.
    package static func format(_ d: Double, decimals: Int? = nil) -> String {
        guard d.isFinite else { return "null" }
        var v = d
        if let decimals {
            let scale = pow10(decimals)
            v = (d * scale).rounded() / scale
        }
        if v == 0 { return "0" }
        // Whole numbers below 10^16 (every integer a double holds exactly is below 2^53 ≈ 9.0e15) are
        // written as integers; beyond, Swift's shortest form (1e+16).
        if v == v.rounded(), abs(v) < 1e16 { return String(Int64(v)) }
        // `description`, not interpolation: the same text without building an interpolation buffer.
        return v.description
    }

    /// `format(d)`'s bytes appended to `out` without making a `String` for them (a record's numbers, five
    /// million of them at a million deposits): the same shortest round-trip digits, which Swift's
    /// `Double.write(to:)` hands to `ByteSink` as ASCII.
    package static func writeNumber(_ d: Double, into out: inout [UInt8]) {
        guard d.isFinite, d != 0, !(d == d.rounded() && abs(d) < 1e16) else {
            return out.append(contentsOf: format(d).utf8)  // null, 0 and whole numbers: short texts
        }
        var sink = ByteSink()
        swap(&sink.bytes, &out)  // `out`'s storage lent to the sink, not copied
        d.write(to: &sink)
        swap(&sink.bytes, &out)
    }

    /// A `TextOutputStream` into bytes. `_writeASCII` is the standard library's hook by which a number
    /// prints its digits from a buffer on the stack; without it the same text comes through `write(_:)`.
    private struct ByteSink: TextOutputStream {
        var bytes: [UInt8] = []
        mutating func write(_ string: String) { bytes.append(contentsOf: string.utf8) }
        mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: buffer) }
    }

    private static func pow10(_ n: Int) -> Double {
        var p = 1.0
        for _ in 0..<n { p *= 10 }
        return p
    }

    /// True when `s` goes into a JSON string as it is: no control character, quote or backslash.
    private static func needsNoEscape(_ s: String) -> Bool {
        !s.utf8.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
    }

    /// As `writeString(_:into:)` for text, appending the UTF-8 bytes (a record written straight into its buffer).
    package static func writeString(_ s: String, into out: inout [UInt8]) {
        var s = s
        // Checked and copied from the string's own UTF-8 storage, not byte by byte through its view.
        let plain = s.withUTF8 { bytes in
            for b in bytes where b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") { return false }
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: bytes)
            out.append(UInt8(ascii: "\""))
            return true
        }
        if plain { return }
        var escaped = ""
        writeString(s, into: &escaped)
        out.append(contentsOf: escaped.utf8)
    }

    package static func writeString(_ s: String, into out: inout String) {
        out += "\""
        // Most strings need no escape: then they go in whole, without a scalar-by-scalar walk.
        if needsNoEscape(s) {
            out += s
            out += "\""
            return
        }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
