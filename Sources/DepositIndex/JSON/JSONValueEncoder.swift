/// Turns an `Encodable` value into a `JSONValue`, for `JSONWriter` to print: the one path by which
/// every JSON text of the package is written (answers, survey reports, GeoJSON), so a number or a
/// string is always written the same way.
///
/// Keys can be converted from Swift's camelCase to snake_case (`distanceM` → `distance_m`, the same
/// rule as Foundation's `.convertToSnakeCase`) and sorted, so that runs compare byte for byte.
///
///     let value = try JSONValueEncoder(snakeCaseKeys: true, sortedKeys: true).encode(["railId": "r1"])
///     JSONWriter(indent: 2).string(value)  // {\n  "rail_id" : "r1"\n}
package struct JSONValueEncoder {
    /// What a NaN or an infinity (which JSON cannot hold as a number) becomes.
    package enum NonFinite: Sendable {
        /// An error saying where: an answer must never hold one.
        case refuse
        /// The strings "NaN", "Infinity" and "-Infinity" (a survey report's locations read from a broken file).
        case strings
    }

    package var snakeCaseKeys: Bool
    package var sortedKeys: Bool
    package var nonFinite: NonFinite

    package init(snakeCaseKeys: Bool = false, sortedKeys: Bool = false, nonFinite: NonFinite = .refuse) {
        self.snakeCaseKeys = snakeCaseKeys
        self.sortedKeys = sortedKeys
        self.nonFinite = nonFinite
    }

    /// A number that JSON cannot hold, and where it was.
    package struct NonFiniteNumber: Error, CustomStringConvertible {
        package let path: String
        package let value: Double
        package init(path: String, value: Double) {
            self.path = path
            self.value = value
        }
        package var description: String { "cannot write \(value) at \(path.isEmpty ? "the top" : path) as JSON: JSON has no NaN or infinity" }
    }

    package func encode<T: Encodable>(_ value: T) throws -> JSONValue {
        let root = Slot()
        try value.encode(to: TreeEncoder(slot: root, codingPath: [], options: self))
        return try root.value(options: self, path: [])
    }

    /// `distanceM` → `distance_m`, `overlapKm2` → `overlap_km2`, `railID` → `rail_id`; a key already in
    /// snake_case is left as it is (Foundation's `.convertToSnakeCase` rule).
    package static func snakeCase(_ key: String) -> String {
        if let ascii = asciiSnakeCase(key) { return ascii }
        let characters = Array(key)
        var out = ""
        for (i, c) in characters.enumerated() {
            if c.isUppercase, i > 0 {
                let previous = characters[i - 1]
                let next = i + 1 < characters.count ? characters[i + 1] : nil
                // A word starts at a capital after a small letter or digit (distanceM), or at the last
                // capital of a run that a small letter follows (URLPath: url_path).
                if previous.isLowercase || previous.isNumber || (previous.isUppercase && next?.isLowercase == true) {
                    out += "_"
                }
            }
            out += c.lowercased()
        }
        return out
    }

    /// The same rule on an ASCII key, byte by byte (every key of the package's answers): nil for a key
    /// with any other character, which goes the general way.
    private static func asciiSnakeCase(_ key: String) -> String? {
        let bytes = Array(key.utf8)
        func upper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
        func lower(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }
        func digit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        guard bytes.contains(where: upper) else { return key }
        var out = [UInt8]()
        out.reserveCapacity(bytes.count + 4)
        for (i, b) in bytes.enumerated() {
            if upper(b), i > 0 {
                let previous = bytes[i - 1]
                let nextIsLower = i + 1 < bytes.count && lower(bytes[i + 1])
                if lower(previous) || digit(previous) || (upper(previous) && nextIsLower) { out.append(0x5F) }
            }
            out.append(upper(b) ? b + 0x20 : b)
        }
        return String(decoding: out, as: UTF8.self)
    }
}

private final class Slot {
    enum Node {
        case empty
        case leaf(JSONValue)
        case number(Double)
        case object(Members)
        case array(Items)
    }

    final class Members { var list: [(key: String, slot: Slot)] = [] }
    final class Items { var list: [Slot] = [] }

    var node: Node = .empty

    func value(options: JSONValueEncoder, path: [String]) throws -> JSONValue {
        switch node {
        case .empty: return .object(JSONObject())
        case .leaf(let v): return v
        case .number(let d):
            if d.isFinite { return .number(d) }
            switch options.nonFinite {
            case .refuse: throw JSONValueEncoder.NonFiniteNumber(path: path.joined(separator: "."), value: d)
            case .strings: return .string(d.isNaN ? "NaN" : (d > 0 ? "Infinity" : "-Infinity"))
            }
        case .object(let members):
            var list = try members.list.map { (key: $0.key, value: try $0.slot.value(options: options, path: path + [$0.key])) }
            if options.sortedKeys { list.sort { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) } }
            return .object(JSONObject(list))
        case .array(let items):
            return .array(try items.list.enumerated().map { try $1.value(options: options, path: path + ["\($0)"]) })
        }
    }

    var members: Members {
        if case .object(let m) = node { return m }
        let m = Members()
        node = .object(m)
        return m
    }

    var items: Items {
        if case .array(let i) = node { return i }
        let i = Items()
        node = .array(i)
        return i
    }
}

private struct TreeEncoder: Encoder {
    let slot: Slot
    let codingPath: [any CodingKey]
    let options: JSONValueEncoder
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(KeyedContainer<Key>(members: slot.members, codingPath: codingPath, options: options))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        UnkeyedContainer(items: slot.items, codingPath: codingPath, options: options)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleContainer(slot: slot, codingPath: codingPath, options: options)
    }
}

/// Puts one value into a slot: the primitive types directly, anything else through its own `encode(to:)`.
private func put<T: Encodable>(_ value: T, into slot: Slot, codingPath: [any CodingKey], options: JSONValueEncoder) throws {
    switch value {
    case let v as String: slot.node = .leaf(.string(v))
    case let v as Bool: slot.node = .leaf(.bool(v))
    case let v as Double: slot.node = .number(v)
    case let v as Float: slot.node = .number(Double(v))
    case let v as Int: slot.node = .leaf(.number(Double(v)))
    case let v as Int64: slot.node = .leaf(.number(Double(v)))
    case let v as Int32: slot.node = .leaf(.number(Double(v)))
    case let v as UInt: slot.node = .leaf(.number(Double(v)))
    case let v as JSONValue: slot.node = .leaf(v)
    default: try value.encode(to: TreeEncoder(slot: slot, codingPath: codingPath, options: options))
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let members: Slot.Members
    let codingPath: [any CodingKey]
    let options: JSONValueEncoder

    private func slot(for key: Key) -> Slot {
        let slot = Slot()
        members.list.append((key: options.snakeCaseKeys ? JSONValueEncoder.snakeCase(key.stringValue) : key.stringValue, slot: slot))
        return slot
    }

    mutating func encodeNil(forKey key: Key) throws { slot(for: key).node = .leaf(.null) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try put(value, into: slot(for: key), codingPath: codingPath + [key], options: options)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(KeyedContainer<NestedKey>(members: slot(for: key).members, codingPath: codingPath + [key], options: options))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        UnkeyedContainer(items: slot(for: key).items, codingPath: codingPath + [key], options: options)
    }

    mutating func superEncoder() -> any Encoder { TreeEncoder(slot: Slot(), codingPath: codingPath, options: options) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { TreeEncoder(slot: slot(for: key), codingPath: codingPath + [key], options: options) }
}

private struct IndexKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(_ i: Int) { stringValue = "\(i)"; intValue = i }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { self.init(intValue) }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let items: Slot.Items
    let codingPath: [any CodingKey]
    let options: JSONValueEncoder
    var count: Int { items.list.count }

    private func next() -> Slot {
        let slot = Slot()
        items.list.append(slot)
        return slot
    }

    mutating func encodeNil() throws { next().node = .leaf(.null) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let key = IndexKey(count)
        try put(value, into: next(), codingPath: codingPath + [key], options: options)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(KeyedContainer<NestedKey>(members: next().members, codingPath: codingPath, options: options))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        UnkeyedContainer(items: next().items, codingPath: codingPath, options: options)
    }

    mutating func superEncoder() -> any Encoder { TreeEncoder(slot: next(), codingPath: codingPath, options: options) }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let slot: Slot
    let codingPath: [any CodingKey]
    let options: JSONValueEncoder

    mutating func encodeNil() throws { slot.node = .leaf(.null) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try put(value, into: slot, codingPath: codingPath, options: options)
    }
}
