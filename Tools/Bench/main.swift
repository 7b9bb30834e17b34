// deposits-bench: timings for the query engine, on a seeded synthetic set and on the bundled GeoData.
// Run in release mode:  swift run -c release deposits-bench [--deposits N] [--rail N] [--check N] [--passes N]
//                       [--no-bundled]
//                       deposits-bench --network [--pgrouting DIR]    the bundled rail network, routes, gateways
//                       deposits-bench --network --builds N           load, then N network builds only
//                       deposits-bench --gateways [--deposits N] [--rail N] [--passes N]
//                                                                      synthetic: every deposit to 10 gateways
//                       deposits-bench --gateways --write-geojson DIR   only write that set (GeoData files) to DIR
//                       deposits-bench --world --deposits N --rail N --write-geojson DIR   the whole globe (bench-scale.sh)
//                       deposits-bench --check-stream FILE.jsonl --store STORE [--sample N]  streamed answers against
//                                                                      single questions (bench-scale.sh)
//                       deposits-bench --corridors-store STORE         every corridor's overlaps from a store
import DepositIndex
import Foundation
import Geo


/// Synthetic data over Kazakhstan's extent (46–87°E, 40–55°N), shaped like the reference synth set:
/// deposits are irregular polygons of 6–14 vertices and 1–4 km across; rail lines are random walks of
/// 20–80 vertices 1–3 km apart.
enum Synthetic {
    static func data(deposits n: Int, rail m: Int, seed: UInt64) -> (deposits: [Deposit], rail: [RailLine]) {
        var rng = SeededRandom(seed: seed)
        let g = Geodesic.wgs84
        func spot() -> Coordinate { Coordinate(longitude: Double.random(in: 46...87, using: &rng), latitude: Double.random(in: 40...55, using: &rng)) }
        let deposits = (0..<n).map { i -> Deposit in
            let c = spot()
            let k = Int.random(in: 6...14, using: &rng)
            let r = Double.random(in: 500...2_000, using: &rng)
            var ring = (0..<k).map { j in g.direct(from: c, azimuth: Double(j) * 360 / Double(k), distance: r * Double.random(in: 0.6...1, using: &rng)).point }
            ring.append(ring[0])
            return Deposit(id: String(format: "dep-%06d", i), name: "Deposit \(i)", geometry: .polygon([ring]))
        }
        let rail = (0..<m).map { i -> RailLine in
            var c = spot()
            var heading = Double.random(in: 0..<360, using: &rng)
            var line = [c]
            for _ in 0..<Int.random(in: 20...80, using: &rng) {
                heading += Double.random(in: -25...25, using: &rng)
                c = g.direct(from: c, azimuth: heading, distance: Double.random(in: 1_000...3_000, using: &rng)).point
                line.append(c)
            }
            return RailLine(id: String(format: "rail-%05d", i), name: "Line \(i)", geometry: .lineString(line))
        }
        return (deposits, rail)
    }
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func median(_ xs: [Double]) -> Double { xs.sorted()[xs.count / 2] }

/// CPU seconds this process has used on all its threads. Printed beside wall times because the machine
/// is shared: wall time swings with other people's builds, CPU time much less.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    func s(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
    return s(usage.ru_utime) + s(usage.ru_stime)
}

/// Wall and CPU seconds of `body`, as "1.234 s (CPU 2.345 s)".
func timed(_ body: () throws -> Void) rethrows -> String {
    let cpu = cpuSeconds()
    let wall = try seconds(body)
    return String(format: "%.3f s (CPU %.3f s)", wall, cpuSeconds() - cpu)
}

let args = Array(CommandLine.arguments.dropFirst())
@MainActor func option(_ name: String, _ fallback: Int) -> Int {
    guard let i = args.firstIndex(of: name), i + 1 < args.count, let v = Int(args[i + 1]) else { return fallback }
    return v
}
let depositCount = option("--deposits", 100_000), railCount = option("--rail", 20_000), checkCount = option("--check", 2_000)
if let i = args.firstIndex(of: "--write-geojson"), i + 1 < args.count, args.contains("--world") {
    // `--world`: the whole globe (SyntheticWorld), for Tools/bench-scale.sh.
    let (deposits, rail, corridors) = SyntheticWorld.data(deposits: depositCount, rail: railCount, seed: UInt64(option("--seed", 42)))
    // About one region per 500 deposits (SyntheticRegions), from a seed of their own so the rest of the set is as before.
    let regions = SyntheticRegions.features(deposits: deposits, target: max(1, depositCount / 500), seed: UInt64(option("--seed", 42)) &+ 2)
    try SyntheticGeoJSON.write(to: URL(fileURLWithPath: args[i + 1]), deposits: deposits, rail: rail, seed: 42, corridors: corridors, regions: regions)
    exit(0)
}
if let i = args.firstIndex(of: "--corridors-store"), i + 1 < args.count {
    try StreamCheck.corridors(store: args[i + 1])
    exit(0)
}
if let i = args.firstIndex(of: "--check-stream"), i + 1 < args.count {
    try StreamCheck.run(records: args[i + 1], arguments: args)
    exit(0)
}
if let i = args.firstIndex(of: "--write-geojson"), i + 1 < args.count, !args.contains("--gateways") {
    let (deposits, rail) = Synthetic.data(deposits: depositCount, rail: railCount, seed: 42)
    try SyntheticGeoJSON.write(to: URL(fileURLWithPath: args[i + 1]), deposits: deposits, rail: rail, seed: 42)
    exit(0)
}
print("cores: \(ProcessInfo.processInfo.activeProcessorCount)")

// `--network`: the rail network of the bundled data only (issue 12): load and build (the first build in this
// process, then warm ones), the report, routes, 200 seeded pairs beside pgRouting's time for the same pairs
// (`--pgrouting DIR`, the work directory of Tools/compare-pgrouting.sh, run with the same seed), and every
// deposit's distance to every gateway.
if args.contains("--network"), let dir = Catalog.bundledDirectory {
    var catalog: Catalog!
    let load = try seconds { catalog = try Catalog(directory: dir, layers: [.stations]) }
    var network: RailNetwork!
    // `--builds N`: only load and build N times, then stop; for an instruction count of the build
    // (valgrind --tool=callgrind, repeatable whatever else the machine does), N against 0.
    if args.contains("--builds") {
        for _ in 0..<option("--builds", 1) { network = try RailNetwork(catalog: catalog, toleranceM: 100) }
        exit(0)
    }
    let cpu0 = cpuSeconds()
    let first = try seconds { network = try RailNetwork(catalog: catalog, toleranceM: 100) }
    let firstCPU = cpuSeconds() - cpu0
    print(String(format: "bundled: load deposits, rail, stations %.1f ms; first network build (100 m) %.1f ms (CPU %.1f ms): %d nodes, %d edges, %d components",
                 load * 1000, first * 1000, firstCPU * 1000, network.nodes.count, network.edges.count, network.componentCount))
    var builds = [Double](), buildCPU = [Double](), reports = [Double](), routes = [Double]()
    for _ in 0..<15 {
        let cpu = cpuSeconds()
        builds.append(try seconds { network = try RailNetwork(catalog: catalog, toleranceM: 100) })
        buildCPU.append(cpuSeconds() - cpu)
    }
    for _ in 0..<7 { reports.append(seconds { _ = NetworkReport(network: network) }) }
    let from = network.node(ofStation: "osm-4020137341")!, to = network.node(ofStation: "osm-4025083258")!
    for _ in 0..<101 { routes.append(seconds { _ = network.shortestPath(from: from, to: to) }) }
    print(String(format: "bundled rail network (100 m): build median %.1f ms of 15 (CPU %.1f ms; fastest %.1f ms), report median %.1f ms of 7, Aktogay–Dostyk shortest path median %.3f ms of 101",
                 median(builds) * 1000, median(buildCPU) * 1000, builds.min()! * 1000, median(reports) * 1000, median(routes) * 1000))

    // One route, warm: Upper Kairakty (a deposit: access leg, edge entry, search, stations and corridors passed) to Kuryk port.
    // Where the data leaves Kuryk off Upper Kairakty's component, Aktau port, the other port, is timed instead.
    var target = (name: "Kuryk port", id: "osm-11910129790")
    do {
        _ = try network.route(from: .deposit("kz-w-001"), to: .station(target.id), catalog: catalog)
    } catch {
        print("Kuryk port: \(error); timing Aktau port instead")
        target = (name: "Aktau port", id: "osm-7066248958")
    }
    var route: Route!
    var routeTimes = [Double]()
    for _ in 0..<1_001 { routeTimes.append(try seconds { route = try network.route(from: .deposit("kz-w-001"), to: .station(target.id), catalog: catalog) }) }
    print(String(format: "route Upper Kairakty → %@ (network.route, warm): median %.3f ms of 1,001 (min %.3f ms); access %.1f m, rail %.1f m, total %.1f m",
                 target.name, median(routeTimes) * 1000, routeTimes.min()! * 1000, route.from.accessM, route.railM, route.totalM))
    // The same with the border and gauge rules built once for the network, as a program asking many routes does.
    var rules: BorderRules!
    let rulesTime = try seconds { rules = try BorderRules(network: network, catalog: catalog) }
    var ruledTimes = [Double]()
    for _ in 0..<1_001 { ruledTimes.append(try seconds { route = try network.route(from: .deposit("kz-w-001"), to: .station(target.id), catalog: catalog, rules: rules) }) }
    print(String(format: "  with BorderRules built once (%.1f ms): median %.3f ms of 1,001 (min %.3f ms)",
                 rulesTime * 1000, median(ruledTimes) * 1000, ruledTimes.min()! * 1000))

    // 200 seeded pairs of the main component, drawn as deposits-network-export draws them (seed 12).
    let main = network.nodes.indices.filter { network.nodes[$0].component == 0 }
    var rng = SeededRandom(seed: UInt64(option("--seed", 12)))
    var pairs = [(Int, Int)]()
    while pairs.count < 200 {
        let a = main[Int.random(in: 0..<main.count, using: &rng)], b = main[Int.random(in: 0..<main.count, using: &rng)]
        if a != b { pairs.append((a, b)) }
    }
    var passes = [Double]()
    for _ in 0..<5 { passes.append(seconds { for (a, b) in pairs { _ = network.shortestPath(from: a, to: b) } }) }
    var line = String(format: "200 seeded pairs (shortestPath, warm): median pass %.2f ms, %.3f ms a pair", median(passes) * 1000, median(passes) * 1000 / 200)
    if let i = args.firstIndex(of: "--pgrouting"), i + 1 < args.count {
        let work = args[i + 1]
        let timing = (try? String(contentsOfFile: work + "/pgr.timing", encoding: .utf8)) ?? ""
        let all = timing.components(separatedBy: "Time: ").dropFirst().last.flatMap { Double($0.prefix { $0 == "." || $0.isNumber }) }
        let single = ((try? String(contentsOfFile: work + "/single.csv", encoding: .utf8)) ?? "").split(separator: "\n").dropFirst().compactMap { Double($0) }
        if let all { line += String(format: "; pgRouting the same 200 in one pgr_dijkstra call %.1f ms (%.3f ms a pair)", all, all / 200) }
        if !single.isEmpty { line += String(format: ", one pair a call median %.2f ms", median(single)) }
    }
    print(line)

    // `gateways --all` on the bundled data: every deposit to every port and border crossing, what
    // `gateways --all` runs (one RuledSearch from each gateway, each deposit's entry read off them).
    var rows = [DepositGatewayDistances](), alls = [Double]()
    for _ in 0..<7 { alls.append(try seconds { rows = try network.gatewayDistances(catalog: catalog, rules: rules) }) }
    print(String(format: "every deposit (%d) to every gateway (%d) by rail (RailNetwork.gatewayDistances, rules built once), warm: median %.1f ms of 7",
                 rows.count, rows.first?.gateways.count ?? 0, median(alls) * 1000))
    let cold = load + first + rulesTime + median(alls)
    print(String(format: "  in-process cold total (load + first build + rules + all distances): %.1f ms; process start and output not included", cold * 1000))
    // gatewayDistances against network.route for Upper Kairakty to Kuryk.
    if let row = rows.first(where: { $0.depositId == "kz-w-001" }), let k = row.gateways.first(where: { $0.id == target.id })?.totalM {
        print(String(format: "  check: Upper Kairakty → %@ %.3f m by gatewayDistances, %.3f m by network.route", target.name, k, route.totalM))
    }
    exit(0)
}

// `--gateways`: every synthetic deposit's distance to 10 gateways over a connected synthetic network of
// --rail lines (issue 12, "Speed": 100,000 deposits and 20,000 lines under 2 s, access legs included).
if args.contains("--gateways") {
    var deposits = [Deposit](), rail = [RailLine](), gatewayFeatures = [Feature]()
    let generate = seconds {
        deposits = Synthetic.data(deposits: depositCount, rail: 0, seed: 42).deposits
        (rail, gatewayFeatures) = SyntheticNetwork.data(lines: railCount, seed: 43)
    }
    print(String(format: "generate %d deposits (seed 42) + a connected network of %d lines and 10 gateways (seed 43): %.2f s", depositCount, railCount, generate))
    // Written as GeoData files (9 decimals, so shared vertices stay shared) and loaded as a user's data is.
    // `--write-geojson DIR`: only write the set there (for timing `deposits gateways --all` on it), then stop.
    let kept = args.firstIndex(of: "--write-geojson").flatMap { $0 + 1 < args.count ? URL(fileURLWithPath: args[$0 + 1]) : nil }
    let work = kept ?? URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("deposits-bench-gateways-\(ProcessInfo.processInfo.processIdentifier)")
    try SyntheticGeoJSON.write(to: work, deposits: deposits, rail: rail, seed: 42)
    try AtomicFile.write(GeoJSON.text(of: gatewayFeatures, decimals: 9), to: work.appendingPathComponent("stations.geojson"))
    if kept != nil { exit(0) }
    var catalog: Catalog!
    print("load deposits, rail, stations and index them: \(try timed { catalog = try Catalog(directory: work, layers: [.stations]) })")
    let gateways = catalog.stations
    var network: RailNetwork!
    print("network build (no tolerance: lines branch at shared vertices): \(try timed { network = try RailNetwork(catalog: catalog, toleranceM: 0) })")
    let gatewayNodes = gateways.compactMap { network.node(ofStation: $0.id) }
    print("  \(network.nodes.count) nodes, \(network.edges.count) edges, \(network.componentCount) component(s); gateways attached: \(gatewayNodes.count)")
    var rules: BorderRules!
    print("border rules (no country layer here: borders not checked): \(try timed { rules = try BorderRules(network: network, catalog: catalog) })")
    var rows = [DepositGatewayDistances]()
    for _ in 0..<max(1, option("--passes", 1)) {
        let cpu = cpuSeconds()
        let wall = try seconds { rows = try network.gatewayDistances(catalog: catalog, rules: rules) }
        print(String(format: "every deposit to 10 gateways, access legs included (RailNetwork.gatewayDistances, what gateways --all runs): %.3f s (CPU %.3f s); %d of %d deposits reach all 10",
                     wall, cpuSeconds() - cpu, rows.filter { $0.gateways.allSatisfy { $0.totalM != nil } }.count, rows.count))
    }
    // Spot check: deposits' batch distances against network.route, deposit by deposit.
    var rng = SeededRandom(seed: 5)
    var worst = 0.0
    for _ in 0..<20 {
        let i = Int.random(in: 0..<deposits.count, using: &rng), g = Int.random(in: 0..<gateways.count, using: &rng)
        let r = try network.route(from: .deposit(deposits[i].id), to: .station(gateways[g].id), catalog: catalog, rules: rules)
        let batch = rows[i].gateways.first { $0.id == gateways[g].id }?.totalM ?? .infinity
        worst = max(worst, abs(r.totalM - batch))
    }
    print(String(format: "check against network.route for 20 seeded deposit–gateway pairs: largest difference %.3e m", worst))
    try? FileManager.default.removeItem(at: work)
    exit(0)
}

// The search alone, on a data directory (the world set of --world --write-geojson, say): every deposit's
// nearest rail in process, --passes N times, with a digest of the answers so that a change to the search
// can be checked to give the same numbers (deposits-bench --search DIR [--passes N]).
if let i = args.firstIndex(of: "--search"), i + 1 < args.count {
    var loaded: Catalog!
    let load = timed { loaded = try! Catalog(directory: URL(fileURLWithPath: args[i + 1]), layers: [.deposits, .rail]) }
    print("load \(args[i + 1]) (deposits, rail): \(load)")
    var found = [DepositRail]()
    for _ in 0..<max(1, option("--passes", 1)) {
        let pass = timed { found = try! loaded.nearestRail(k: 1) }
        print("nearest rail for all \(found.count) deposits (batch, all cores): \(pass)")
    }
    var digest: UInt64 = 14_695_981_039_346_656_037
    for d in found { for r in d.rail { for x in [r.distanceM, r.railPoint.longitude, r.railPoint.latitude, r.fromPoint.longitude, r.fromPoint.latitude] {
        digest = (digest ^ x.bitPattern) &* 1_099_511_628_211 } } }
    print(String(format: "answers digest %016llx", digest))
    exit(0)
}

// Synthetic set.
var data: (deposits: [Deposit], rail: [RailLine]) = ([], [])
let generate = seconds { data = Synthetic.data(deposits: depositCount, rail: railCount, seed: 42) }
print("generate \(depositCount) deposits + \(railCount) rail lines (seed 42): \(String(format: "%.3f", generate)) s")
var catalog: Catalog!
let build = timed { catalog = Catalog(deposits: data.deposits, rail: data.rail) }
print("index build (catalog from memory: rail chains + deposit index; names are built on first look-up): \(build)")
let names = timed { _ = catalog.deposits(matching: "Deposit 99999") }
print("  deposit name table, built by the first look-up: \(names)")
var batch = [DepositRail]()
// Several passes (--passes N) show how much the shared machine's load moves the wall time.
for _ in 0..<max(1, option("--passes", 1)) {
    let pass = timed { batch = try! catalog.nearestRail(k: 1) }
    print("nearest rail for all \(batch.count) deposits (batch, all cores): \(pass)")
}
if args.contains("--no-bundled") && checkCount == 0 { exit(0) }

// Exactness on the synthetic set: nearest rail for sample deposits against brute force over every line.
if checkCount > 0 {
    var rng = SeededRandom(seed: 7)
    var mismatches = 0, worst = 0.0
    let railShapes = data.rail.map { $0.geometry.lines }
    let check = seconds {
        for _ in 0..<checkCount {
            let i = Int.random(in: 0..<data.deposits.count, using: &rng)
            // Every line, no tree: one pass over all lines with the running best (edges farther than it
            // by their own boxes are skipped inside), then the line that gives that distance.
            let all = railShapes.flatMap { $0 }
            let d = GeodesicDistance.nearest(from: data.deposits[i].geometry!, to: all)!.distance
            let ours = batch[i].rail[0]
            // The line we named must itself be at the brute-force least distance.
            let railIndex = Int(ours.railId.dropFirst(5))!
            let named = GeodesicDistance.nearest(from: data.deposits[i].geometry!, to: railShapes[railIndex])!.distance
            worst = max(worst, abs(ours.distanceM - d), abs(named - d))
            if abs(ours.distanceM - d) > 1e-6 || abs(named - d) > 1e-6 { mismatches += 1 }
        }
    }
    print("brute-force check of \(checkCount) deposits over all \(railCount) lines: \(mismatches) mismatches, largest difference \(worst) m (\(String(format: "%.1f", check)) s)")
}

// Bundled data.
if args.contains("--no-bundled") {
    exit(0)
} else if let dir = Catalog.bundledDirectory {
    var loads = [Double]()
    var bundled: Catalog!
    for _ in 0..<5 { loads.append(seconds { bundled = try! Catalog(directory: dir) }) }
    print("bundled load (\(dir.path)): median \(String(format: "%.1f", median(loads) * 1000)) ms of 5")
    var partial = [Double]()
    for _ in 0..<5 { partial.append(seconds { _ = try! Catalog(directory: dir, layers: [.stations]) }) }
    print("bundled load of deposits, rail and stations (what near-rail reads): median \(String(format: "%.1f", median(partial) * 1000)) ms of 5")
    let ids = bundled.deposits.filter { $0.geometry != nil }.map(\.id)
    func perQuery(_ name: String, _ body: (String) throws -> Void) {
        var times = [Double]()
        for id in ids { times.append(seconds { try? body(id) }) }
        // The first call of a kind may build a lazy part (a region's split rings) and warm caches.
        print("  \(name): median \(String(format: "%.3f", median(times) * 1000)) ms, max \(String(format: "%.3f", times.max()! * 1000)) ms (first call \(String(format: "%.3f", times[0] * 1000)) ms) over \(ids.count) deposits")
    }
    perQuery("nearestRail k=1") { _ = try bundled.nearestRail(to: .deposit($0)) }
    perQuery("nearestStations k=3") { _ = try bundled.nearestStations(to: .deposit($0), k: 3) }
    perQuery("corridors(touching:)") { _ = try bundled.corridors(touching: $0) }
    perQuery("regionShares(of:)") { _ = try bundled.regionShares(of: $0) }
    var t = [Double]()
    for c in bundled.corridors { t.append(seconds { _ = try! bundled.corridorOverlap(corridor: c.id) }) }
    print("  corridorOverlap: median \(String(format: "%.3f", median(t) * 1000)) ms, max \(String(format: "%.3f", t.max()! * 1000)) ms over \(t.count) corridors")
    var rng = SeededRandom(seed: 1)
    var pt = [Double]()
    for _ in 0..<200 {
        let p = Coordinate(longitude: Double.random(in: 50...85, using: &rng), latitude: Double.random(in: 42...54, using: &rng))
        pt.append(seconds { _ = try! bundled.regions(containing: p) })
    }
    print("  regions(containing:): median \(String(format: "%.3f", median(pt) * 1000)) ms, max \(String(format: "%.3f", pt.max()! * 1000)) ms over 200 points")
} else {
    print("no bundled GeoData found")
}
