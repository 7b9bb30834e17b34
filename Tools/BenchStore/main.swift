// deposits-bench-store: DepositIndex's side of Tools/bench-peers.sh. Loads a catalog from GeoJSON or from a
// store, then times the peer benchmark's questions and writes the answers as CSV for the comparison.
//   deposits-bench-store (--geojson DIR | --store FILE) --points FILE --out DIR
import DepositIndex
import Dispatch
import Foundation
import Geo

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("deposits-bench-store: \(message)\n".utf8))
    exit(64)
}

let args = Array(CommandLine.arguments.dropFirst())
func value(_ name: String) -> String? {
    guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
    return args[i + 1]
}
guard let pointsFile = value("--points"), let out = value("--out") else { fail("usage: (--geojson DIR | --store FILE) --points FILE --out DIR") }
let geojson = value("--geojson"), storePath = value("--store")
guard (geojson == nil) != (storePath == nil) else { fail("give --geojson DIR or --store FILE") }
try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)

// Points: one "lon,lat" per line (written by the peer script, shared by every tool).
let points: [Coordinate] = try String(contentsOfFile: pointsFile, encoding: .utf8).split(separator: "\n").compactMap { line in
    let parts = line.split(separator: ",").compactMap { Double($0) }
    return parts.count == 2 ? Coordinate(x: parts[0], y: parts[1]) : nil
}

var catalog: Catalog!
let load = try seconds {
    if let geojson { catalog = try Catalog(directory: URL(fileURLWithPath: geojson)) } else { catalog = try CatalogStore(path: storePath!, access: .read).catalog() }
}

// Nearest rail for every deposit, and the overlap of every corridor: the engine's batch forms, on every core.
var batch = [DepositRail]()
let all = try seconds { batch = try catalog.nearestRail(forDeposits: nil, k: 1) }
var csv = "deposit_id,rail_id,distance_m\n"
for d in batch where !d.rail.isEmpty { csv += "\(d.depositId),\(d.rail[0].railId),\(d.rail[0].distanceM)\n" }
try csv.write(toFile: out + "/nearest.csv", atomically: true, encoding: .utf8)

var overlaps = [CorridorOverlap]()
let corridorTime = try seconds { overlaps = try catalog.corridorOverlaps() }
var corridorCSV = "corridor_id,deposit_id,distance_m,overlap_km2\n"
for o in overlaps {
    for d in o.deposits { corridorCSV += "\(o.corridorId),\(d.id),\(d.distanceM),\(d.overlapKm2)\n" }
}
try corridorCSV.write(toFile: out + "/corridors.csv", atomically: true, encoding: .utf8)

// Single-point questions, one at a time: from the loaded catalog, and (for a store) each answered the way
// `deposits near-rail --store` answers, reading only the candidates from the R-tree.
var pointCSV = "i,rail_id,distance_m\n"
let pointTime = try seconds {
    for (i, p) in points.enumerated() {
        let r = try catalog.nearestRail(to: .point(p), k: 1).first
        pointCSV += "\(i),\(r?.railId ?? ""),\(r.map { String($0.distanceM) } ?? "")\n"
    }
}
try pointCSV.write(toFile: out + "/points.csv", atomically: true, encoding: .utf8)
var storePointTime: Double?
if let storePath {
    let store = try CatalogStore(path: storePath, access: .read)
    storePointTime = try seconds {
        for p in points {
            var request = StoreRequest()
            request.points = [p]
            request.nearestRail = 1
            _ = try store.catalog(for: request).nearestRail(to: .point(p), k: 1)
        }
    }
}
var report = "{\"load_s\": \(load), \"nearest_all_s\": \(all), \"corridors_s\": \(corridorTime), \"points_s\": \(pointTime)"
if let storePointTime { report += ", \"points_from_store_s\": \(storePointTime)" }
report += ", \"deposits\": \(catalog.deposits.count), \"rail\": \(catalog.rail.count), \"corridors\": \(catalog.corridors.count)}"
print(report)
