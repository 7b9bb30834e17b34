import Foundation
import XCTest

/// Many `deposits add` and `remove` processes and many `deposits list` processes against one store at once,
/// for a fixed time, as a team's machines would use a shared catalog. Store-agnostic: the store is the
/// `--store` argument (a GeoPackage path or a `postgresql://` URL), and everything is done through the
/// built executable.
///
/// The writers race on purpose. Writer w works through cells 0, 1, 2, … in order; at cell n it adds one
/// survey of two deposits, `c<n>-w<w>-a` and `-b`, and every writer's survey for cell n has the same two
/// outlines. So at most one writer's pair may be in the store per cell at any moment: the duplicate check of
/// every other writer must see it, which it can only if the check and the insert are one transaction no
/// other writer interleaves. Every third pair a writer stored, it removes again (both ids in one `remove`),
/// freeing the cell for a writer that comes later.
///
/// Readers list the deposits over and over; each listing must be a whole state: the catalog's own deposits
/// all there, every pair whole (both or neither: an add is one transaction), at most one pair per cell.
/// At the end the store must hold exactly the pairs the writers' ledgers say are stored: an exit status of
/// 0 means committed, 65 (refused: duplicate) means nothing written, and so does 73 (busy) where `allowBusy`,
/// for an add and for a remove alike (a busy remove leaves its pair stored); anything else fails the run.
struct ManyWriters: Sendable {
    let store: String
    let directory: URL
    let writers: Int
    let readers: Int
    let seconds: Double
    /// The lower-left corner of cell n's first block; cells must lie inside the store's country layer and
    /// away from its deposits.
    let cellCorner: @Sendable (Int) -> (lon: Double, lat: Double)
    /// Whether an add or a remove may give up on a busy store (73, nothing written) rather than wait for its turn.
    var allowBusy = false

    struct Outcome: Sendable {
        var adds = 0, refusals = 0, removes = 0, listings = 0
        /// Adds that gave up waiting for the store's lock (73, nothing written): the GeoPackage store's documented answer to a long wait.
        var busy = 0
        /// Removes that gave up alike (73): nothing was removed, so the pair stays in the ledger as stored.
        var busyRemoves = 0
        var problems: [String] = []
        var finalTestIDs = Set<String>()
        var ledgerIDs = Set<String>()
        var baseline = 0
    }

    func listIDs() throws -> Set<String>? { try Self.listIDs(store) }

    /// The deposits of a store, by id, read through `deposits list --format json`; nil when it fails.
    static func listIDs(_ store: String) throws -> Set<String>? {
        let r = try DepositsRun.run(["list", "--store", store, "--format", "json"])
        guard r.status == 0 else { return nil }
        guard let array = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]] else { return nil }
        return Set(array.compactMap { $0["id"] as? String })
    }

    func run() throws -> Outcome {
        guard let initial = try listIDs() else { throw Failure("cannot list \(store) before the run") }
        let baseline = initial.filter { !$0.hasPrefix("c") || !$0.contains("-w") }
        let tally = Tally()
        tally.update { $0.baseline = baseline.count }
        let problem: @Sendable (String) -> Void = { text in tally.update { $0.problems.append(text) } }
        let deadline = Date().addingTimeInterval(seconds)
        let group = DispatchGroup()

        for w in 0..<writers {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                var stored = Set<String>(), storedCount = 0
                var adds = 0, refusals = 0, removes = 0, busy = 0, busyRemoves = 0
                var cell = 0
                while Date() < deadline {
                    let ids = ["c\(cell)-w\(w)-a", "c\(cell)-w\(w)-b"]
                    do {
                        let file = directory.appendingPathComponent("w\(w)-c\(cell).geojson")
                        try survey(ids: ids, cell: cell).write(to: file, atomically: true, encoding: .utf8)
                        let r = try DepositsRun.run(["add", file.path, "--store", store])
                        switch r.status {
                        case 0:
                            adds += 1; storedCount += 1
                            stored.formUnion(ids)
                            if storedCount % 3 == 0 {
                                let rm = try DepositsRun.run(["remove"] + ids + ["--store", store])
                                switch rm.status {
                                case 0:
                                    removes += 1; stored.subtract(ids)
                                case 73 where rm.stderr.contains("is busy") && allowBusy:
                                    // Busy before its transaction began (BEGIN IMMEDIATE waited 10 s) or rolled
                                    // back: the pair is still stored.
                                    busyRemoves += 1
                                default:
                                    problem("writer \(w): remove \(ids) exited \(rm.status): \(rm.stderr.prefix(300))")
                                }
                            }
                        case 65 where r.stderr.contains("duplicate-geometry"):
                            refusals += 1
                        case 73 where r.stderr.contains("is busy") && allowBusy:
                            busy += 1
                        default:
                            problem("writer \(w): add at cell \(cell) exited \(r.status): \(r.stderr.prefix(400))")
                        }
                    } catch {
                        problem("writer \(w): \(error)")
                    }
                    cell += 1
                }
                tally.update {
                    $0.adds += adds; $0.refusals += refusals; $0.removes += removes; $0.busy += busy; $0.busyRemoves += busyRemoves
                    $0.ledgerIDs.formUnion(stored)
                }
            }
        }
        for reader in 0..<readers {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                var listings = 0
                while Date() < deadline {
                    do {
                        guard let ids = try listIDs() else { problem("reader \(reader): list failed"); continue }
                        listings += 1
                        if let missing = baseline.subtracting(ids).first { problem("reader \(reader): catalog deposit \(missing) missing") }
                        var pairsPerCell = [String: Set<String>]()
                        for id in ids where id.hasPrefix("c") && id.contains("-w") {
                            let stem = String(id.dropLast(2)), cell = String(id.split(separator: "-")[0])
                            pairsPerCell[cell, default: []].insert(stem)
                            let other = stem + (id.hasSuffix("-a") ? "-b" : "-a")
                            if !ids.contains(other) { problem("reader \(reader): \(id) without \(other) (half an add seen)") }
                        }
                        for (cell, stems) in pairsPerCell where stems.count > 1 {
                            problem("reader \(reader): cell \(cell) holds \(stems.sorted()) (two writers' duplicates stored)")
                        }
                    } catch {
                        problem("reader \(reader): \(error)")
                    }
                }
                tally.update { $0.listings += listings }
            }
        }
        group.wait()
        var outcome = tally.update { $0 }
        guard let final = try listIDs() else { throw Failure("cannot list \(store) at the end") }
        outcome.finalTestIDs = final.subtracting(baseline)
        if final.intersection(baseline).count != baseline.count { outcome.problems.append("catalog deposits lost at the end") }
        return outcome
    }

    /// Two adjacent 1' blocks for cell n: what every writer adds there.
    private func survey(ids: [String], cell: Int) -> String {
        let (lon, lat) = cellCorner(cell)
        return Self.collection(ids.enumerated().map { i, id in Self.block(id, lon: lon + Double(i) / 60, lat: lat) })
    }

    /// A 1' x 1' deposit block (GeoData's subsoil-block unit) with its lower-left corner at (lon, lat), as
    /// GeoJSON text with every property a catalog deposit has.
    static func block(_ id: String, lon: Double, lat: Double) -> String {
        let d = 1.0 / 60
        let ring = [(lon, lat), (lon + d, lat), (lon + d, lat + d), (lon, lat + d), (lon, lat)].map { "[\($0.0),\($0.1)]" }.joined(separator: ",")
        return """
            {"type":"Feature","id":"\(id)","properties":{"name":"Test \(id)","commodities":["W"],"status":"exploration",\
            "footprint":"subsoil_blocks","source":"concurrency test","aliases":[],"location_precision_m":100},\
            "geometry":{"type":"Polygon","coordinates":[[\(ring)]]}}
            """
    }

    static func collection(_ features: [String]) -> String {
        "{\"type\":\"FeatureCollection\",\"features\":[\(features.joined(separator: ","))]}"
    }

    /// The outcome, shared by the writer and reader threads under a lock.
    private final class Tally: @unchecked Sendable {
        private let lock = NSLock()
        private var outcome = Outcome()
        @discardableResult
        func update<T>(_ body: (inout Outcome) -> T) -> T {
            lock.lock(); defer { lock.unlock() }
            return body(&outcome)
        }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
