import DepositIndex
import Foundation
import Geo

/// The committed GeoData/ layers, found from this file's place in the package and parsed once.
enum GeoDataFiles {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let directory = packageRoot.appendingPathComponent("GeoData")
    static let layerNames = ["deposits", "rail", "stations", "corridors", "regions", "country"]

    /// Each layer's features, or the reason it could not be read.
    static let layers: [String: Result<[Feature], LoadFailure>] = {
        var layers = [String: Result<[Feature], LoadFailure>]()
        for name in layerNames {
            let url = directory.appendingPathComponent("\(name).geojson")
            guard let data = FileManager.default.contents(atPath: url.path) else {
                layers[name] = .failure(LoadFailure(message: "cannot read \(url.path)"))
                continue
            }
            do { layers[name] = .success(try GeoJSON.features(parsing: Array(data))) } catch {
                layers[name] = .failure(LoadFailure(message: "\(name).geojson: \(error)"))
            }
        }
        return layers
    }()

    struct LoadFailure: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    static func features(_ layer: String) throws -> [Feature] {
        guard let result = layers[layer] else { throw LoadFailure(message: "no layer \(layer)") }
        return try result.get()
    }

    static func feature(_ layer: String, id: String) throws -> Feature {
        guard let f = try features(layer).first(where: { $0.id == id }) else { throw LoadFailure(message: "\(layer) has no feature \(id)") }
        return f
    }
}
