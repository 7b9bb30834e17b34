import DepositIndex
import Foundation
import Geo

/// The whole build: every layer from the inputs, as the exact text to write.
struct Build {
    /// File name to contents, in the order they are written.
    var files: [(name: String, text: String)] = []
    var report = BuildReport()

    init(inputs: Inputs) throws {
        let (regions, regionNotes) = try RegionLayer.regions(from: inputs.regions)
        let (country, countryNotes) = try RegionLayer.country(from: inputs.country)
        report.regionNotes = regionNotes + countryNotes

        let directory = try StationDirectory(inputs.osmStations)
        let naturalEarth = try RailNaturalEarth.lines(from: inputs.railroads)
        let chains = try RailChains.lines(chains: inputs.railChains, stations: inputs.railChainStations, directory: directory)
        let additions = try RailAdditions.lines(from: inputs.railAdditions, directory: directory)
        // Every chain's ends are checked against the lines as drawn before any connector is added.
        let joined = try RailAdditions.joined(chains + additions, existing: naturalEarth + chains + additions, directory: directory)
        let rail = naturalEarth + joined.lines
        report.additions = Array(joined.checks.suffix(additions.count))
        report.chainJoins = Array(joined.checks.prefix(chains.count))
        let names = try StationNames(geonames: inputs.geonames)
        let locator = try LineCountries(kazakhstan: country.geometry!, neighbours: inputs.neighbours)
        let (railFeatures, railCountries) = try RailLayer.features(rail, stations: directory.all, names: names, countries: locator)
        report.railCountries = railCountries
        let gateways = try Gateways(table: inputs.gateways, directory: directory)
        try gateways.check(places: inputs.places)
        let (stations, excluded) = try StationLayer.build(directory: directory, country: country.geometry!, rail: rail, gateways: gateways,
                                                           countries: locator, names: names)
        report.excludedStations = excluded
        report.crossings = try BorderCrossings.find(rail: rail, countries: locator, stations: stations)

        let corridors = try CorridorLayer.features(corridors: inputs.corridors, nodes: inputs.corridorNodes, rail: rail,
                                                   directory: directory, geonames: inputs.geonames)
        let (deposits, depositNotes) = try DepositLayer.features(inputs: inputs, regions: regions)
        report.depositNotes = depositNotes

        let layers: [(String, [Feature], Int?)] = [
            ("deposits", deposits, 7),
            ("rail", railFeatures, 7),
            ("stations", stations, 7),
            ("corridors", corridors, 7),
            // The source's full precision: rounding to 7 decimals made six regions invalid (PROVENANCE §1).
            ("regions", regions, nil),
            ("country", [country], nil),
        ]
        try Build.checkUniqueIDs(layers.flatMap { $0.1 })
        for (name, features, decimals) in layers {
            files.append(("\(name).geojson", GeoJSON.text(of: features, decimals: decimals)))
            report.counts.append((name, features.count))
        }
        report.railByKind = Dictionary(grouping: rail, by: \.geometrySource).mapValues(\.count)
        report.unlocatedDeposits = deposits.filter { $0.geometry == nil }.map { "\($0.id!) \($0.properties["name"]?.stringValue ?? "")" }
        report.network = try NetworkSection(files: files).text
        files.append(("build-report.md", report.text))
    }

    static func checkUniqueIDs(_ features: [Feature]) throws {
        var seen = Set<String>()
        for f in features {
            guard let id = f.id else { throw BuildError("a feature has no id") }
            guard seen.insert(id).inserted else { throw BuildError("id \(id) is used twice") }
        }
    }
}
