/// The byte ranges of the members of a FeatureCollection's top-level `"features"` array, found in one
/// pass without building JSON values.
///
/// Why: a 50 MB collection parsed whole becomes a tree of several hundred megabytes. Cut into one
/// slice per feature, each slice is parsed (by the strict `JSONParser`), checked and dropped, in
/// parallel, and each feature keeps the line it starts on. The scan checks only what it must to cut
/// correctly (strings, bracket nesting, the separators between features); everything else is left
/// to the parser, and any doubt sends the caller back to parsing the document whole.
struct FeatureSpans {
    /// One range per element of the array, in order.
    var elements: [Range<Int>]
    /// Offsets of the array's `[` and `]`.
    var open: Int
    var close: Int

    /// Nil when the document is not an object with a well-formed top-level `"features"` array.
    static func scan(_ bytes: [UInt8]) -> FeatureSpans? {
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = Scanner(bytes: buffer)
            return scanner.collection()
        }
    }

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        var current: UInt8? { position < bytes.count ? bytes[position] : nil }

        mutating func skipWhitespace() {
            while let b = current, b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 { position += 1 }
        }

        /// Skips a string starting at its quote; returns its raw bytes' range (escapes left as written).
        mutating func string() -> Range<Int>? {
            guard current == UInt8(ascii: "\"") else { return nil }
            position += 1
            let start = position
            while let b = current {
                if b == UInt8(ascii: "\\") { position += 2; continue }
                if b == UInt8(ascii: "\"") { position += 1; return start..<(position - 1) }
                position += 1
            }
            return nil
        }

        /// Skips one value of any kind, tracking only strings and bracket nesting.
        mutating func value() -> Bool {
            skipWhitespace()
            guard let first = current else { return false }
            switch first {
            case UInt8(ascii: "\""):
                return string() != nil
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                var stack = [UInt8]()
                while let b = current {
                    switch b {
                    case UInt8(ascii: "\""):
                        guard string() != nil else { return false }
                        continue
                    case UInt8(ascii: "{"): stack.append(UInt8(ascii: "}"))
                    case UInt8(ascii: "["): stack.append(UInt8(ascii: "]"))
                    case UInt8(ascii: "}"), UInt8(ascii: "]"):
                        guard stack.last == b else { return false }
                        stack.removeLast()
                        if stack.isEmpty { position += 1; return true }
                    default: break
                    }
                    position += 1
                }
                return false
            default:
                // A number or literal: runs to the next separator; the parser checks its spelling.
                let start = position
                while let b = current, b != UInt8(ascii: ","), b != UInt8(ascii: "]"), b != UInt8(ascii: "}"),
                      b != 0x20, b != 0x0A, b != 0x0D, b != 0x09 { position += 1 }
                return position > start
            }
        }

        mutating func collection() -> FeatureSpans? {
            skipWhitespace()
            guard current == UInt8(ascii: "{") else { return nil }
            position += 1
            var found: FeatureSpans?
            while true {
                skipWhitespace()
                guard let key = string() else { return nil }
                skipWhitespace()
                guard current == UInt8(ascii: ":") else { return nil }
                position += 1
                skipWhitespace()
                if isFeaturesKey(key) {
                    guard found == nil, current == UInt8(ascii: "["), let spans = array() else { return nil }
                    found = spans
                } else {
                    guard value() else { return nil }
                }
                skipWhitespace()
                if current == UInt8(ascii: ",") { position += 1; continue }
                guard current == UInt8(ascii: "}") else { return nil }
                position += 1
                break
            }
            skipWhitespace()
            return position == bytes.count ? found : nil
        }

        func isFeaturesKey(_ key: Range<Int>) -> Bool {
            let word: StaticString = "features"
            guard key.count == word.utf8CodeUnitCount else { return false }
            return zip(key, UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)).allSatisfy { bytes[$0] == $1 }
        }

        mutating func array() -> FeatureSpans? {
            let open = position
            position += 1
            var elements = [Range<Int>]()
            skipWhitespace()
            if current == UInt8(ascii: "]") {
                position += 1
                return FeatureSpans(elements: [], open: open, close: position - 1)
            }
            while true {
                skipWhitespace()
                let start = position
                guard value() else { return nil }
                elements.append(start..<position)
                skipWhitespace()
                if current == UInt8(ascii: ",") { position += 1; continue }
                guard current == UInt8(ascii: "]") else { return nil }
                position += 1
                return FeatureSpans(elements: elements, open: open, close: position - 1)
            }
        }
    }
}
