import DepositIndex

/// One deposit's region answer as JSON text written straight from the values, byte for byte what
/// `AnswerText`'s encoder makes of that `RegionAnswer` on one line (keys in sorted order, numbers in their
/// shortest round-trip form): the JSON Lines record of `region --all`, made without the encoder's tree of
/// values, which took 40 % of that stream's instructions (callgrind, 100,000 world deposits: 9.1 G of 22.6 G).
enum RegionRecord {
    /// The record and its LF. An answer not about a deposit goes through the encoder. Throws
    /// `JSONValueEncoder.NonFiniteNumber`, as the encoder does, for a share that is NaN or infinite.
    static func jsonLine(_ answer: RegionAnswer) throws -> [UInt8] {
        guard case .deposit(let id)? = answer.query?.kind, let regions = answer.regions, let outside = answer.outside_share,
              answer.region == nil, answer.deposits == nil else { return try AnswerStream.jsonLine(answer) }
        var out = "{\"outside_share\":"
        try number(outside, at: "outside_share", into: &out)
        out += ",\"query\":{\"deposit_id\":"
        JSONWriter.writeString(id, into: &out)
        out += "},\"regions\":["
        for (i, r) in regions.enumerated() {
            if i > 0 { out += "," }
            out += "{\"id\":"
            JSONWriter.writeString(r.id, into: &out)
            out += ",\"name\":"
            JSONWriter.writeString(r.name, into: &out)
            out += r.onBoundary ? ",\"on_boundary\":true,\"share\":" : ",\"on_boundary\":false,\"share\":"
            try number(r.share, at: "regions.\(i).share", into: &out)
            out += "}"
        }
        out += "]}\n"
        return Array(out.utf8)
    }

    private static func number(_ d: Double, at path: @autoclosure () -> String, into out: inout String) throws {
        guard d.isFinite else { throw JSONValueEncoder.NonFiniteNumber(path: path(), value: d) }
        out += JSONWriter.format(d)
    }
}
