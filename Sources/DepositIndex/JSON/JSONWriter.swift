/// Writes JSON text with object members in their stored order and numbers in their shortest exact form,
/// optionally rounded: the same value always gives the same bytes.
package struct JSONWriter: Sendable {
    /// Digits after the decimal point for numbers, or nil to keep every digit.
    package var decimals: Int?

    package init(decimals: Int? = nil) {
        self.decimals = decimals
    }

    package func string(_ value: JSONValue) -> String {
        var out = ""
        write(value, into: &out)
        return out
    }

    package func write(_ value: JSONValue, into out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let d): out += JSONWriter.format(d, decimals: decimals)
        case .string(let s): JSONWriter.writeString(s, into: &out)
        case .array(let a):
            out += "["
            for (i, v) in a.enumerated() {
                if i > 0 { out += "," }
                write(v, into: &out)
            }
            out += "]"
        case .object(let o):
            out += "{"
            for (i, m) in o.members.enumerated() {
                if i > 0 { out += "," }
                JSONWriter.writeString(m.key, into: &out)
                out += ":"
                write(m.value, into: &out)
            }
            out += "}"
        }
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
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return "\(v)"
    }

    private static func pow10(_ n: Int) -> Double {
        var p = 1.0
        for _ in 0..<n { p *= 10 }
        return p
    }

    static func writeString(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
