#if !FUZZING
import DepositIndex
import Foundation

/// The validation benchmark: a seeded FeatureCollection of survey polygons (about 500 bytes each, so
/// 100,000 make 50 MB) spread over Kazakhstan, validated against the bundled catalog. Prints wall time
/// and peak resident memory; the target is under 10 s and under 10 times the file size.
struct ValidationBenchmark {
    let polygons: Int
    let seed: UInt64

    func run() throws {
        let url = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("survey-bench-\(polygons)-\(seed).geojson")
        // The same seed always gives the same bytes, so a file left by an earlier run is reused.
        if !FileManager.default.fileExists(atPath: url.path) { try generate(to: url) }
        let size = (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        let catalogStart = Date()
        let catalog = try Catalog.bundled()
        let catalogSeconds = Date().timeIntervalSince(catalogStart)
        let validator = SurveyValidator(catalog: catalog)
        let cpuBefore = Self.cpuSeconds()
        let start = Date()
        let report = validator.validate(file: url)
        let seconds = Date().timeIntervalSince(start)
        let cpu = Self.cpuSeconds() - cpuBefore
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let peak = Double(usage.ru_maxrss) * 1024  // Linux reports kilobytes
        let counts = Dictionary(grouping: report.problems, by: \.code).mapValues(\.count).sorted { $0.key.rawValue < $1.key.rawValue }
        print("file: \(url.path), \(String(format: "%.1f", Double(size) / 1e6)) MB, \(report.featureCount) features, seed \(seed)")
        print("catalog load: \(String(format: "%.2f", catalogSeconds)) s (not counted)")
        print("validate: \(String(format: "%.2f", seconds)) s wall with \(validator.options.threads) threads (\(String(format: "%.2f", cpu)) s CPU), \(String(format: "%.0f", Double(report.featureCount) / seconds)) features/s")
        print("peak RSS: \(String(format: "%.0f", peak / 1e6)) MB = \(String(format: "%.2f", peak / Double(size)))x the file")
        print("problems: " + counts.map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", "))
    }

    /// User plus system CPU time of the process so far: the wall time depends on what else the machine runs.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    /// Polygons of 6 to 12 vertices (6 decimals, about 10 cm), 0.5 to 3 km across, at random places in the Kazakhstan steppe box
    /// 61–80° E, 44–52° N, with the deposit properties; about one in 50 is drawn clockwise and one in
    /// 200 has a crossing leg, so the report has something to say.
    func generate(to url: URL) throws {
        var random = SeededRandom(seed: seed)
        var out = "{\"type\":\"FeatureCollection\",\"features\":[\n"
        out.reserveCapacity(polygons * 560)
        for i in 0..<polygons {
            let lon = random.uniform(61...80), lat = random.uniform(44...52)
            let radius = random.uniform(0.005...0.015)
            let n = 6 + Int(random.next() % 7)
            var ring = (0..<n).map { k -> (Double, Double) in
                let angle = Double(k) / Double(n) * 2 * .pi
                let r = radius * random.uniform(0.7...1.0)
                return (lon + r * cos(angle) / cos(lat * .pi / 180), lat + r * sin(angle))
            }
            if i % 50 == 7 { ring.reverse() }
            if i % 200 == 11 { ring.swapAt(1, 3) }
            ring.append(ring[0])
            let coordinates = ring.map { String(format: "[%.6f,%.6f]", $0.0, $0.1) }.joined(separator: ",")
            out += "{\"type\":\"Feature\",\"id\":\"bench-\(i)\",\"properties\":{\"name\":\"Bench block \(i)\",\"aliases\":[],"
                + "\"commodities\":[\"W\"],\"status\":\"exploration\",\"footprint\":\"subsoil_blocks\",\"location_precision_m\":1000,"
                + "\"source\":\"benchmark\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[\(coordinates)]]}}"
            out += i == polygons - 1 ? "\n" : ",\n"
        }
        out += "]}\n"
        try out.write(to: url, atomically: true, encoding: .utf8)
    }
}
#endif

private extension SeededRandom {
    /// A double in the range from the top 53 bits, as the benchmark file was first generated with.
    mutating func uniform(_ range: ClosedRange<Double>) -> Double {
        range.lowerBound + Double(next() >> 11) / Double(1 << 53) * (range.upperBound - range.lowerBound)
    }
}
