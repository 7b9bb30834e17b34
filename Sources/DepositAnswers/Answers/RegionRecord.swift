import DepositIndex

/// One deposit's region answer as JSON text written straight from the values, byte for byte what
/// `AnswerText`'s encoder makes of that `RegionAnswer` on one line (keys in sorted order, numbers in their
/// shortest round-trip form): the JSON Lines record of `region --all`, made without the encoder's tree of
/// values, which took 40 % of that stream's instructions (callgrind, 100,000 world deposits: 9.1 G of 22.6 G).
enum RegionRecord {
    /// The record and its LF. An answer not about a deposit goes through the encoder. Throws
    /// `JSONValueEncoder.NonFiniteNumber`, as the encoder does, for a share that is NaN or infinite.
    static func jsonLine(_ answer: RegionAnswer) throws -> [UInt8] {
        var out = RecordBytes(capacity: 128 + 96 * (answer.regions?.count ?? 1))
        try write(answer, into: &out)
        return out.bytes
    }

    /// The record and its LF appended to `out`, after the records before it.
    static func write(_ answer: RegionAnswer, into out: inout RecordBytes) throws {
        guard case .deposit(let id)? = answer.query?.kind, let regions = answer.regions, let outside = answer.outside_share,
              answer.region == nil, answer.deposits == nil else { return out.append(try AnswerStream.jsonLine(answer)) }
        out.raw(#"{"outside_share":"#)
        try out.number(outside, at: "outside_share")
        out.raw(#","query":{"deposit_id":"#)
        out.string(id)
        out.raw(#"},"regions":["#)
        for (i, r) in regions.enumerated() {
            out.raw(i > 0 ? #",{"id":"# : #"{"id":"#)
            out.string(r.id)
            out.raw(#","name":"#)
            out.string(r.name)
            out.raw(r.onBoundary ? #","on_boundary":true,"share":"# : #","on_boundary":false,"share":"#)
            try out.number(r.share, at: "regions.\(i).share")
            out.raw("}")
        }
        out.raw("]}")
        out.endLine()
    }
}
