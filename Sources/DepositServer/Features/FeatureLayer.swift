import DepositIndex
import Geo

/// One OGC API collection: a layer's features in the data's order, an R-tree over the boxes of their
/// served parts (`SpatialIndex`, the package's packed Hilbert R-tree), and for every filterable
/// property an index from value to features, so an items request reads only the features it returns
/// and their candidates, never the whole layer.
struct FeatureLayer: Sendable {
    /// The collection id (the layer's name: `deposits`, `rail`, ...).
    let id: String
    let title: String
    let description: String
    let features: [ServedFeature]
    /// Feature position by id.
    let positions: [String: Int]
    /// Item `i` of `index` is a part of feature `featureOfItem[i]`.
    private let index: SpatialIndex
    private let featureOfItem: [Int]
    /// The properties a request may filter on, with each value's features (ascending positions).
    let queryables: [String: Queryable]
    /// The box of every located feature, or nil when none is located.
    let extent: Envelope?
    /// The geometry type(s) the layer holds, for the OpenAPI document and the collection's description.
    let geometryTypes: [String]

    /// A filterable property: its JSON type and, per value as a request writes it, the features.
    struct Queryable: Sendable {
        enum Kind: String, Sendable { case string, number, boolean, stringArray }
        let kind: Kind
        let features: [String: [Int]]
    }

    /// Parameters the items operation reserves (OGC API – Features Part 1 and paging).
    static let reservedParameters: Set<String> = ["bbox", "limit", "offset", "f", "datetime", "bbox-crs", "crs"]

    init(id: String, title: String, description: String, features: [ServedFeature]) {
        self.id = id
        self.title = title
        self.description = description
        self.features = features
        var positions = [String: Int](minimumCapacity: features.count)
        for (i, f) in features.enumerated() where positions[f.id] == nil { positions[f.id] = i }
        self.positions = positions
        var boxes = [Envelope](), owners = [Int]()
        var extent: Envelope?
        var types = Set<String>()
        for (i, f) in features.enumerated() {
            for b in f.partBoxes {
                boxes.append(b)
                owners.append(i)
                if extent == nil { extent = b } else { extent!.expand(toInclude: b) }
            }
            if let g = f.geometry { types.insert(g.typeName) }
        }
        index = SpatialIndex(boxes: boxes)
        featureOfItem = owners
        self.extent = extent
        geometryTypes = types.sorted()
        queryables = Self.queryables(of: features)
    }

    /// The positions (ascending) of the features meeting `bbox` (all when nil) and every filter.
    func matching(bbox: BoundingBox?, filters: [(name: String, value: String)]) -> [Int] {
        var result: [Int]?
        for filter in filters {
            let hits = queryables[filter.name]?.features[filter.value] ?? []
            result = result.map { Self.intersect($0, hits) } ?? hits
            if result!.isEmpty { return [] }
        }
        guard let bbox else { return result ?? Array(features.indices) }
        var within = Set<Int>()
        for r in bbox.rectangles {
            for item in index.search(r) {
                let f = featureOfItem[item]
                if within.contains(f) { continue }
                if let allowed = result, Self.binarySearch(allowed, f) == false { continue }
                if let g = features[f].geometry, RectangleMeets.test(g, r) { within.insert(f) }
            }
        }
        return within.sorted()
    }

    private static func intersect(_ a: [Int], _ b: [Int]) -> [Int] {
        var out = [Int](), i = 0, j = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] { out.append(a[i]); i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return out
    }

    private static func binarySearch(_ a: [Int], _ x: Int) -> Bool {
        var lo = 0, hi = a.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if a[mid] < x { lo = mid + 1 } else { hi = mid }
        }
        return lo < a.count && a[lo] == x
    }

    /// The value of a property as a filter matches it: strings as they are, numbers in the shortest form
    /// that reads back exactly (`2`, `2.5`), booleans as `true` / `false`.
    static func filterText(_ v: JSONValue) -> String? {
        switch v {
        case .string(let s): return s
        case .number(let d): return JSONWriter.format(d)
        case .bool(let b): return b ? "true" : "false"
        default: return nil
        }
    }

    /// Every property whose values are all strings, all numbers, all booleans or all arrays of strings
    /// (nulls and absences aside) can be filtered on; a name the items operation reserves cannot.
    private static func queryables(of features: [ServedFeature]) -> [String: Queryable] {
        var kinds = [String: Queryable.Kind]()
        var mixed = Set<String>()
        var values = [String: [String: [Int]]]()
        for (i, f) in features.enumerated() {
            for (name, value) in f.properties.members where !reservedParameters.contains(name) {
                let kind: Queryable.Kind
                var texts = [String]()
                switch value {
                case .null: continue
                case .string(let s): kind = .string; texts = [s]
                case .number, .bool:
                    kind = value.doubleValue != nil ? .number : .boolean
                    texts = filterText(value).map { [$0] } ?? []
                case .array(let a) where a.allSatisfy({ $0.stringValue != nil }):
                    kind = .stringArray; texts = a.compactMap(\.stringValue)
                default:
                    mixed.insert(name)
                    continue
                }
                if let known = kinds[name], known != kind { mixed.insert(name) } else { kinds[name] = kind }
                for t in Set(texts) { values[name, default: [:]][t, default: []].append(i) }
            }
        }
        var out = [String: Queryable]()
        for (name, kind) in kinds where !mixed.contains(name) {
            out[name] = Queryable(kind: kind, features: values[name] ?? [:])
        }
        return out
    }
}
