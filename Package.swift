// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "DepositIndex",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Geo", targets: ["Geo"]),
        .library(name: "DepositIndex", targets: ["DepositIndex"]),
        .library(name: "DepositTesting", targets: ["DepositTesting"]),
        .library(name: "DepositAnswers", targets: ["DepositAnswers"]),
        .library(name: "DepositMaps", targets: ["DepositMaps"]),
        .executable(name: "deposits", targets: ["deposits"]),
        .executable(name: "deposits-serve", targets: ["deposits-serve"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // The HTTP server of `deposits serve` (its own executable, so the `deposits` CLI does not link it).
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CGEOS",
            pkgConfig: "geos",
            providers: [.apt(["libgeos-dev"]), .brew(["geos"])]
        ),
        .systemLibrary(
            name: "CPROJ",
            pkgConfig: "proj",
            providers: [.apt(["libproj-dev", "proj-data"]), .brew(["proj"])]
        ),
        // SQLite's C API for the GeoPackage store (only Sources/DepositIndex/Store imports it).
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
        ),
        // libpq, PostgreSQL's C client, for the PostGIS store (only Sources/DepositPostGIS imports it).
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"]), .brew(["libpq"])]
        ),
        .target(name: "Geo", dependencies: ["CGEOS", "CPROJ"]),
        .target(name: "DepositIndex", dependencies: ["Geo", "CSQLite"]),
        // The catalog in PostgreSQL/PostGIS: candidates from the database, answers from the engine.
        .target(name: "DepositPostGIS", dependencies: ["DepositIndex", "Geo", "CLibPQ"]),
        // The CLI's questions and answers without the command line: one encoder for the CLI and the server.
        .target(name: "DepositAnswers", dependencies: ["DepositIndex", "Geo"]),
        // Answers as self-contained Leaflet map pages (--format html) and the server's web map page.
        .target(name: "DepositMaps", dependencies: ["DepositAnswers", "DepositIndex", "Geo"]),
        // One call that fails a test (XCTest or Swift Testing) with the whole survey report.
        .target(name: "DepositTesting", dependencies: ["DepositIndex"]),
        .executableTarget(
            name: "deposits",
            dependencies: [
                "DepositIndex",
                "DepositPostGIS",
                "DepositAnswers",
                "DepositMaps",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `deposits serve`: OGC API – Features, the query API and the web map over HTTP (Hummingbird 2).
        .target(
            name: "DepositServer",
            dependencies: [
                "DepositIndex",
                "DepositAnswers",
                "DepositMaps",
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .executableTarget(
            name: "deposits-serve",
            dependencies: [
                "DepositServer",
                "DepositIndex",
                "DepositPostGIS",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Maintainer programs: rebuild GeoData/ from the raw sources; benchmarks.
        .executableTarget(
            name: "BuildGeoData",
            dependencies: ["DepositIndex", "Geo"],
            path: "Tools/BuildGeoData",
            exclude: ["sources"]
        ),
        .executableTarget(
            name: "fuzz-survey",
            dependencies: ["DepositIndex"],
            path: "Tools/FuzzSurvey"
        ),
        // libFuzzer on the coordinate reader and the terminal escaping (Tools/fuzz-coordinates.sh).
        .executableTarget(
            name: "fuzz-coordinates",
            dependencies: ["DepositIndex", "Geo"],
            path: "Tools/FuzzCoordinates",
            exclude: ["Seeds"]
        ),
        // DepositIndex's side of Tools/bench-peers.sh (PostGIS and Shapely side by side).
        .executableTarget(
            name: "deposits-bench-store",
            dependencies: ["DepositIndex", "Geo"],
            path: "Tools/BenchStore"
        ),
        .executableTarget(
            name: "deposits-bench",
            dependencies: ["DepositIndex", "Geo"],
            path: "Tools/Bench"
        ),
        // The rail network's edges and shortest paths for Tools/compare-pgrouting.sh; a bit-for-bit dump.
        .executableTarget(
            name: "deposits-network-export",
            dependencies: ["DepositIndex", "Geo"],
            path: "Tools/NetworkExport"
        ),
        .testTarget(name: "GeoTests", dependencies: ["Geo"]),
        .testTarget(name: "GeoDataTests", dependencies: ["DepositIndex", "Geo"]),
        // Corpus/ holds the hostile survey files the tests read by path.
        .testTarget(name: "SurveyTests", dependencies: ["DepositIndex", "DepositTesting", "Geo"], exclude: ["Corpus", "GDALFixtures"]),
        // Fixtures/ holds the small reference dataset the exactness tests read by path.
        .testTarget(name: "DepositIndexTests", dependencies: ["DepositIndex", "Geo"], exclude: ["Fixtures"]),
        .testTarget(name: "StoreTests", dependencies: ["DepositIndex", "Geo"]),
        // The PostGIS store against a throwaway server (initdb + pg_ctl) the tests start themselves.
        .testTarget(name: "PostGISStoreTests", dependencies: ["DepositPostGIS", "deposits", "DepositAnswers", "DepositIndex", "Geo"]),
        // End-to-end: runs the built `deposits` executable as a user would.
        .testTarget(name: "DepositsCLITests", dependencies: ["deposits", "DepositAnswers", "DepositMaps", "DepositIndex", "Geo"]),
        .testTarget(name: "DepositMapsTests", dependencies: ["DepositMaps", "DepositAnswers", "DepositIndex", "Geo"]),
        // The server with real clients: GDAL's OGC API – Features driver, schemathesis, plain HTTP.
        .testTarget(name: "DepositServerTests", dependencies: ["deposits-serve", "deposits", "DepositServer", "DepositAnswers", "DepositIndex", "Geo"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
