import DepositIndex

/// The newline-delimited forms of answers too large to hold as one document (`--format jsonl` and
/// `--format geojsonseq`): each record is written as soon as it is answered, so neither the answer nor
/// its text is ever whole in memory.
///
/// - JSON Lines (`jsonl`, https://jsonlines.org): one JSON object per line, each line ending in LF; the
///   object is what the document form lists under `results` (the same keys and numbers as `--format json`).
/// - GeoJSON Text Sequences (`geojsonseq`, RFC 8142, media type `application/geo+json-seq`): each record
///   is the record separator RS (0x1E), one GeoJSON Feature (RFC 7946: densified, cut at the
///   antimeridian, coordinates rounded to `precision` places) and LF.
public enum AnswerStream {
    /// The record separator RFC 7464 and RFC 8142 put before each record.
    public static let recordSeparator: UInt8 = 0x1E

    /// The two newline-delimited formats.
    public enum Format: String, Sendable, CaseIterable {
        case jsonLines = "jsonl"
        case geoJSONSequence = "geojsonseq"
    }

    /// One JSON Lines record: `value` as `AnswerText.json` writes it (snake_case, sorted keys), on one
    /// line, then LF.
    ///
    ///     String(decoding: try AnswerStream.jsonLine(["railId": "r1"]), as: UTF8.self)  // {"rail_id":"r1"}\n
    public static func jsonLine<T: Encodable>(_ value: T) throws -> [UInt8] {
        let tree = try JSONValueEncoder(snakeCaseKeys: true, sortedKeys: true).encode(value)
        var out = JSONWriter().string(tree)
        out += "\n"
        return Array(out.utf8)
    }

    /// One GeoJSON text sequence record per feature: RS, the feature as RFC 7946 wants it, LF.
    public static func geoJSONRecords(_ features: [Feature], precision: Int = 7) throws -> [UInt8] {
        var out = [UInt8]()
        for f in try AnswerText.prepared(features) {
            out.append(recordSeparator)
            out += GeoJSON.text(of: f, decimals: precision).utf8
            out.append(0x0A)
        }
        return out
    }

    /// Records made on every core, `record(i, &out)` appending record `i` for each `i` in `0..<count`, in
    /// blocks of consecutive records, each block one buffer (a few per core, so uneven work evens out; no
    /// array per record), in index order. If any record throws, the first one's error (by index) is thrown
    /// and no block is returned.
    /// - Parameter bytesPerRecord: about how long a record is, for the blocks' first capacity (taken as at
    ///   most 64 KiB: a guess from what a user asked for, `-k` lines each, must not size a buffer alone).
    static func records(_ count: Int, bytesPerRecord: Int, _ record: (Int, inout RecordBytes) throws -> Void) throws -> [[UInt8]] {
        let bytesPerRecord = min(max(bytesPerRecord, 0), 1 << 16)
        let blocks = min(count, Parallel.cores * 8)
        let made = Parallel.map(blocks) { b in
            Result { () throws -> [UInt8] in
                let range = (count * b / blocks)..<(count * (b + 1) / blocks)
                var out = RecordBytes(capacity: range.count * bytesPerRecord)
                for i in range { try record(i, &out) }
                return out.bytes
            }
        }
        return try made.map { try $0.get() }
    }
}
