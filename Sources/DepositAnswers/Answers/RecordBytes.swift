import DepositIndex
import Geo

/// A JSON Lines record written straight from its values into bytes: what `NearRailRecord`,
/// `GatewayRecord` and `RegionRecord` share. Each writes, byte for byte, what `AnswerText`'s encoder makes
/// of its answer on one line (snake_case keys in sorted order, numbers in their shortest round-trip form,
/// [longitude, latitude] points) without building the encoder's tree of values; a NaN or infinite number
/// is refused as the encoder refuses it.
struct RecordBytes {
    private var bytes: [UInt8] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    /// Text written as it is: the record's punctuation and keys.
    mutating func raw(_ text: String) { bytes += text.utf8 }

    /// A JSON string.
    mutating func string(_ s: String) { JSONWriter.writeString(s, into: &bytes) }

    /// A number in the encoder's form; throws `JSONValueEncoder.NonFiniteNumber` naming `path` (made only
    /// then) for NaN or an infinity.
    mutating func number(_ d: Double, at path: @autoclosure () -> String) throws {
        guard d.isFinite else { throw JSONValueEncoder.NonFiniteNumber(path: path(), value: d) }
        bytes += JSONWriter.format(d).utf8
    }

    /// A point as `[longitude,latitude]`.
    mutating func point(_ c: Coordinate, at path: @autoclosure () -> String) throws {
        raw("[")
        try number(c.x, at: path() + ".0")
        raw(",")
        try number(c.y, at: path() + ".1")
        raw("]")
    }

    /// The record ended by its LF.
    func line() -> [UInt8] { bytes + [0x0A] }
}
