import DepositIndex
import Foundation
import Geo

/// The scaling benchmark's checks and its corridor pass (`Tools/bench-scale.sh`):
/// - `--check-stream FILE --store STORE [--sample N] [--store-sample M]`: N records (2,000 by default,
///   seeded) of a `near-rail --all --format jsonl` answer against the single question for the same
///   deposit (`nearestRail(to:)` on the store's whole catalog, as `near-rail ID --data` asks it), and the
///   first M of them (100 by default) also as `deposits near-rail ID --store STORE` asks it
///   (`catalog(for:)` with the deposit's nearest rail: its candidate windows grow slowly over empty
///   oceans, a quarter of a second a question on the 100,000 world set): the same lines, distances to
///   the last bit, the same stations.
/// - `--corridors-store STORE`: every corridor's overlaps (`corridorOverlaps()`), the store read whole.
enum StreamCheck {
    static func run(records path: String, arguments: [String]) throws {
        func value(_ name: String) -> String? {
            guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
            return arguments[i + 1]
        }
        guard let storePath = value("--store") else { throw CheckFailure("--check-stream needs --store STORE") }
        let sample = value("--sample").flatMap(Int.init) ?? 2_000
        let storeSample = value("--store-sample").flatMap(Int.init) ?? 100
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        var lines = [Range<Int>]()
        var start = 0
        for (i, byte) in data.enumerated() where byte == 0x0A {
            lines.append(start..<i)
            start = i + 1
        }
        var rng = SeededRandom(seed: 2_000)
        let picked = (0..<min(sample, lines.count)).map { _ in lines[Int.random(in: 0..<lines.count, using: &rng)] }
        let store = try CatalogStore(path: storePath, access: .read)
        let whole = try store.catalog()
        var differ = [String]()
        let time = try seconds {
            for (n, range) in picked.enumerated() {
                let record = try JSONParser.parse(Array(data[range]))
                guard let id = record["deposit_id"]?.stringValue, let rail = record["rail"]?.arrayValue else { throw CheckFailure("a record without deposit_id or rail") }
                let k = max(1, rail.count)
                var answers = [("whole catalog", try whole.nearestRail(to: .deposit(id), k: k))]
                if n < storeSample {
                    var request = StoreRequest()
                    request.deposits = [id]
                    request.nearestRail = k
                    answers.append(("store", try store.catalog(for: request).nearestRail(to: .deposit(id), k: k)))
                }
                let streamed = rail.map { ($0["rail_id"]?.stringValue, $0["distance_m"]?.doubleValue, $0["station"]?["id"]?.stringValue) }
                for (how, single) in answers {
                    let asked = single.map { ($0.railId, $0.distanceM, $0.station?.id) }
                    if streamed.count != asked.count || zip(streamed, asked).contains(where: { $0.0 != $1.0 || $0.1 != $1.1 || $0.2 != $1.2 }) {
                        differ.append("\(id): streamed \(streamed), single from the \(how) \(asked)")
                    }
                }
            }
        }
        print(String(format: "check: %d sampled records of %d against single questions (all from the whole catalog, the first %d also from the store; %.1f s): %d differ",
                     picked.count, lines.count, min(storeSample, picked.count), time, differ.count))
        for d in differ.prefix(10) { print("  " + d) }
        if !differ.isEmpty { throw CheckFailure("\(differ.count) streamed records differ from the single answers") }
    }

    static func corridors(store path: String) throws {
        var catalog: Catalog!
        let load = try seconds { catalog = try CatalogStore(path: path, access: .read).catalog() }
        var overlaps = [CorridorOverlap]()
        let cpu = cpuSeconds()
        let wall = try seconds { overlaps = try catalog.corridorOverlaps() }
        print(String(format: "corridors: read the store %.2f s; every corridor's overlaps (%d corridors, %d memberships) %.2f s (CPU %.2f s)",
                     load, overlaps.count, overlaps.reduce(0) { $0 + $1.deposits.count }, wall, cpuSeconds() - cpu))
    }

    struct CheckFailure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
