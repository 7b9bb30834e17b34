// deposits-network-export: the rail network as DepositIndex builds it, written out for other tools.
//
//   deposits-network-export [--data DIR] [--tolerance-m M] [--edges FILE] [--pairs N --seed S --routes FILE] [--dump FILE]
//
// --edges   every edge as CSV: id, source, target (node numbers + 1, as pgRouting wants positive ids), kind,
//           our geodesic length in metres, and the edge's path as WKT (longitude latitude, EPSG:4326).
// --pairs   N node pairs drawn with the seeded generator (seed S) from the network's main component (0), and
//           --routes writes, per pair, our shortest-path length (RailNetwork.shortestPath) and its edges.
//           The time of the N searches is printed on standard error.
// --dump    the whole network (nodes, edges with paths, stations, components) as text, every Double in its
//           shortest round-trip form, so two builds can be compared bit for bit with diff(1).
// Without --data, the bundled GeoData. Used by Tools/compare-pgrouting.sh.
import DepositIndex
import Foundation
import Geo

let args = Array(CommandLine.arguments.dropFirst())
func value(_ name: String) -> String? {
    guard let i = args.firstIndex(of: name) else { return nil }
    guard i + 1 < args.count else { fail("\(name) needs a value") }
    return args[i + 1]
}
func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("deposits-network-export: \(message)\n".utf8))
    exit(64)
}
func write(_ text: String, to path: String) {
    do { try text.write(toFile: path, atomically: true, encoding: .utf8) } catch { fail("cannot write \(path): \(error)") }
}

let directory: URL
if let d = value("--data") { directory = URL(fileURLWithPath: d) } else if let d = Catalog.bundledDirectory { directory = d } else { fail("no --data and no bundled GeoData") }
guard let toleranceM = Double(value("--tolerance-m") ?? "100") else { fail("--tolerance-m must be a number of metres") }
let catalog: Catalog
let network: RailNetwork
do {
    catalog = try Catalog(directory: directory)
    network = try RailNetwork(catalog: catalog, toleranceM: toleranceM)
} catch {
    fail("\(directory.path): \(error)")
}

func wkt(_ path: [Coordinate]) -> String {
    "LINESTRING(" + path.map { "\($0.longitude) \($0.latitude)" }.joined(separator: ",") + ")"
}

if let path = value("--edges") {
    var out = "id,source,target,kind,length_m,wkt\n"
    for (i, e) in network.edges.enumerated() {
        out += "\(i + 1),\(e.from + 1),\(e.to + 1),\(e.kind.rawValue),\(e.lengthM),\"\(wkt(e.path))\"\n"
    }
    write(out, to: path)
}

if let n = value("--pairs").flatMap(Int.init) {
    guard let routes = value("--routes") else { fail("--pairs needs --routes FILE") }
    let seed = UInt64(value("--seed") ?? "12") ?? 12
    let main = network.nodes.indices.filter { network.nodes[$0].component == 0 }
    guard main.count >= 2 else { fail("the main component has fewer than two nodes") }
    var rng = SeededRandom(seed: seed)
    var pairs = [(Int, Int)]()
    while pairs.count < n {
        let a = main[Int.random(in: 0..<main.count, using: &rng)], b = main[Int.random(in: 0..<main.count, using: &rng)]
        if a != b { pairs.append((a, b)) }
    }
    var paths = [NetworkPath?]()
    let start = DispatchTime.now().uptimeNanoseconds
    for (a, b) in pairs { paths.append(network.shortestPath(from: a, to: b)) }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    var out = "pair,source,target,length_m,edges\n"
    for (i, (a, b)) in pairs.enumerated() {
        guard let p = paths[i] else { fail("no path from node \(a) to \(b) in one component") }
        out += "\(i + 1),\(a + 1),\(b + 1),\(p.lengthM),\(p.edges.map { String($0 + 1) }.joined(separator: " "))\n"
    }
    write(out, to: routes)
    FileHandle.standardError.write(Data(String(format: "ours: %d shortest paths in %.3f ms (%.4f ms each)\n", n, seconds * 1000, seconds * 1000 / Double(n)).utf8))
}

if let path = value("--dump") {
    var out = "tolerance \(network.toleranceM) components \(network.componentCount)\n"
    for (i, node) in network.nodes.enumerated() { out += "node \(i) \(node.location.x) \(node.location.y) \(node.component)\n" }
    for (i, e) in network.edges.enumerated() {
        out += "edge \(i) \(e.from) \(e.to) \(e.kind.rawValue) \(e.lengthM) \(e.railId) \(e.otherRailId ?? "-") \(e.path.map { "\($0.x) \($0.y)" }.joined(separator: " "))\n"
    }
    for s in network.stations {
        out += "station \(s.stationId) \(s.node) \(s.railId) \(s.railPoint.x) \(s.railPoint.y) \(s.offsetM)\n"
    }
    write(out, to: path)
}
