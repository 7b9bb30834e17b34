import DepositIndex
import Geo

/// A JSON Lines record written straight from its values into bytes: what `NearRailRecord`,
/// `GatewayRecord` and `RegionRecord` share. Each writes, byte for byte, what `AnswerText`'s encoder makes
/// of its answer on one line (snake_case keys in sorted order, numbers in their shortest round-trip form,
/// [longitude, latitude] points) without building the encoder's tree of values; a NaN or infinite number
/// is refused as the encoder refuses it.
///
/// Records follow one another in one buffer (`AnswerStream.records` gives each worker a block of them),
/// so a record costs no allocation of its own: keys are copied from static text, numbers written from
/// the stack (`JSONWriter.writeNumber`).
struct RecordBytes {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    /// Text written as it is: the record's punctuation and keys.
    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Bytes made elsewhere (a GeoJSON text sequence record), written as they are.
    mutating func append(_ more: [UInt8]) { bytes.append(contentsOf: more) }

    /// A JSON string.
    mutating func string(_ s: String) { JSONWriter.writeString(s, into: &bytes) }

    /// A number in the encoder's form; throws `JSONValueEncoder.NonFiniteNumber` naming `path` (made only
    /// then) for NaN or an infinity.
    mutating func number(_ d: Double, at path: @autoclosure () -> String) throws {
        guard d.isFinite else { throw JSONValueEncoder.NonFiniteNumber(path: path(), value: d) }
        JSONWriter.writeNumber(d, into: &bytes)
    }

    /// A point as `[longitude,latitude]`.
    mutating func point(_ c: Coordinate, at path: @autoclosure () -> String) throws {
        raw("[")
        try number(c.x, at: path() + ".0")
        raw(",")
        try number(c.y, at: path() + ".1")
        raw("]")
    }

    /// Ends the record with its LF.
    mutating func endLine() { bytes.append(0x0A) }
}
