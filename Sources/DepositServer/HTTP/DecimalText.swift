/// A number as a request may write one: optional sign, decimal digits with an optional point, an optional
/// decimal exponent; ASCII only. Swift's `Double(String)` also takes hexadecimal (`0x46`), `nan`, `inf`
/// and stops reading at a NUL byte (`5%00abc` read as 5), none of which a client means as a number here.
enum DecimalText {
    /// The finite number `text` writes, or nil when it is anything else.
    static func double(_ text: some StringProtocol) -> Double? {
        let bytes = Array(text.utf8)
        var i = 0
        func digits() -> Int {
            let start = i
            while i < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) { i += 1 }
            return i - start
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
        var mantissa = digits()
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") { i += 1; mantissa += digits() }
        guard mantissa > 0 else { return nil }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard digits() > 0 else { return nil }
        }
        guard i == bytes.count, let d = Double(String(decoding: bytes, as: UTF8.self)), d.isFinite else { return nil }
        return d
    }
}
