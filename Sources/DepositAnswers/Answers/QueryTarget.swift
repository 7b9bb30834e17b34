import DepositIndex
import Foundation
import Geo

/// What a query was about, in the JSON output.
public struct QueryTarget: Encodable, Sendable {
    enum Kind { case deposit(String), point(Coordinate) }
    var kind: Kind
    /// The place for a table's heading, escaped for the terminal.
    var label: String

    init(_ place: Lookup.Target) {
        switch place {
        case .deposit(let d):
            kind = .deposit(d.id)
            label = TerminalText.escaped("\(d.name) (\(d.id))")  // for tables only; JSON carries the id
        case .point(let c):
            kind = .point(c)
            label = Units.point([c.longitude, c.latitude])
        }
    }

    enum CodingKeys: String, CodingKey { case depositId = "deposit_id", point }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch kind {
        case .deposit(let id): try c.encode(id, forKey: .depositId)
        case .point(let p): try c.encode(p, forKey: .point)
        }
    }
}
