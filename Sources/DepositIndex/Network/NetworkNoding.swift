import Geo

/// Noding: how `RailNetwork` turns the rail layer's polylines into nodes and edges.
///
/// 1. Every vertex is a site; vertices with the same coordinates are one site (a shared vertex).
/// 2. A site is a node when it is a line end, is shared by two vertices (a junction, or a line ending on
///    another's interior vertex), carries a bridge, or is where a station meets the track.
/// 3. From each line end, a grid of the vertices (`VertexGrid`; the R-tree of vertices where the grid
///    cannot answer) gives the vertices inside a degree window that provably holds everything within the
///    tolerance (`MetreWindow`); the geodesic distance decides. For each other
///    part, the nearest such vertex within the tolerance gets a bridge (a part's own other end counts too:
///    a loop nearly closed). Coincident sites need no bridge.
/// 4. Each part is walked vertex by vertex and cut at its nodes; an edge's length is the sum of the
///    geodesic distances between its consecutive vertices.
///
/// The geodesic work (each segment's length, the ends' searches, the stations' places) is spread over
/// every core; the rest is plain arrays and `DenseKeys`, so the bundled network builds in a few tens of
/// milliseconds (`deposits-bench --network`).
struct NetworkNoding {
    let lines: [RailLine]
    let stations: [Station]
    let toleranceM: Double
    /// The engine's chains of exactly `lines` (`ChainLayer(lines: lines.map { $0.geometry.lines })`), when
    /// the caller already has them (the catalog's); built here otherwise.
    let chains: ChainLayer?

    /// The noding of `lines`, with `stations` attached, joining ends within `toleranceM` metres.
    init(lines: [RailLine], stations: [Station], toleranceM: Double) {
        self.init(lines: lines, stations: stations, toleranceM: toleranceM, chains: nil)
    }

    /// As `init(lines:stations:toleranceM:)`, reusing `chains`, which must be built from exactly `lines`
    /// (a layer with another number of features is ignored and built again).
    init(lines: [RailLine], stations: [Station], toleranceM: Double, chains: ChainLayer?) {
        self.lines = lines
        self.stations = stations
        self.toleranceM = toleranceM
        self.chains = chains.flatMap { $0.featureChains.count == lines.count ? $0 : nil }
    }

    /// What the walk produces, before components and adjacency.
    struct Built {
        var nodes: [Coordinate] = []
        var edges: [RailNetwork.Edge] = []
        /// For each edge, the running geodesic length at each vertex of its path (`[0, s₀, s₀ + s₁, …]`,
        /// the last equal to the edge's `lengthM`), summed in the same order as `lengthM`.
        var prefixes: [[Double]] = []
        var stations: [RailNetwork.StationAttachment] = []
    }

    /// One item of the parallel pass: a block of segment lengths, a station's place, or an end's hits.
    private enum GeodesicWork {
        case lengths([Double])
        case place(StationPlacement.Found?)
        case hits([EndSearch.Hit])
    }

    /// A station's rail point inside segment `segment` (its start vertex), `along` metres from that vertex.
    private struct Insertion {
        var along: Double
        var point: Coordinate
        var stations: [Int]
    }

    func build() -> Built {
        // Parts, their vertices in one array (consecutive repeats dropped), and each vertex's part.
        var vertices = [Coordinate](), partOfVertex = [Int](), partStart = [Int](), partLine = [Int]()
        for (line, rail) in lines.enumerated() {
            for original in rail.geometry.lines {
                let first = vertices.count
                for c in original where vertices.count == first || vertices.last! != c { vertices.append(c) }
                guard vertices.count - first >= 2 else { vertices.removeSubrange(first...); continue }
                partStart.append(first)
                partLine.append(line)
                partOfVertex.append(contentsOf: repeatElement(partLine.count - 1, count: vertices.count - first))
            }
        }
        partStart.append(vertices.count)
        let partCount = partLine.count

        // 1. Sites: equal coordinates (−0 and +0 alike; a NaN never equal to anything) are one site.
        var siteKeys = DenseKeys(expected: vertices.count), site = [Int](), siteVertices = [Int]()
        site.reserveCapacity(vertices.count)
        for c in vertices {
            if c.x.isNaN || c.y.isNaN {
                site.append(siteVertices.count + vertices.count)  // never shared; renumbered below
                continue
            }
            let (s, isNew) = siteKeys.number((c.x + 0).bitPattern, (c.y + 0).bitPattern)
            site.append(s)
            if isNew { siteVertices.append(1) } else { siteVertices[s] += 1 }
        }
        if site.contains(where: { $0 >= siteKeys.count }) {
            for v in site.indices where site[v] >= siteKeys.count { site[v] = siteVertices.count; siteVertices.append(1) }
        }
        var isNode = siteVertices.map { $0 > 1 }
        for p in 0..<partCount {
            isNode[site[partStart[p]]] = true
            isNode[site[partStart[p + 1] - 1]] = true
        }

        // The geodesic work in one pass over every core: each segment's length (blocks of 512; a segment
        // joining two parts is never used), each station's place (`StationPlacement`), each end's search
        // for bridges (`EndSearch`).
        var partsOfLine = [[Int]](repeating: [], count: lines.count)
        for p in 0..<partCount { partsOfLine[partLine[p]].append(p) }
        let placement = stations.isEmpty ? nil : StationPlacement(
            chains: chains ?? ChainLayer(lines: lines.map { $0.geometry.lines }),
            vertices: vertices, partStart: partStart, partsOfLine: partsOfLine)
        let search = toleranceM > 0 ? EndSearch(vertices: vertices, partOfVertex: partOfVertex, partStart: partStart, toleranceM: toleranceM) : nil
        let segmentCount = max(vertices.count - 1, 0), blockSize = 512
        let blocks = (segmentCount + blockSize - 1) / blockSize, endCount = search?.ends.count ?? 0
        let partOf = partOfVertex, points = vertices
        let work = Parallel.map(blocks + stations.count + endCount, chunk: 1, state: { () }) { _, i -> GeodesicWork in
            if i < blocks {
                return .lengths((i * blockSize..<min(segmentCount, (i + 1) * blockSize)).map { v in
                    partOf[v] == partOf[v + 1] ? Geodesic.wgs84.distance(points[v], points[v + 1]) : 0
                })
            } else if i < blocks + stations.count {
                return .place(placement!.place(stations[i - blocks].location))
            } else {
                return .hits(search!.hits(ofEnd: i - blocks - stations.count))
            }
        }
        var segmentLength = [Double]()
        segmentLength.reserveCapacity(segmentCount)
        for case .lengths(let block) in work[..<blocks] { segmentLength.append(contentsOf: block) }

        // 3. Bridges from each end to the nearest vertex of each other part within the tolerance.
        var bridges = [(a: Int, b: Int, lengthM: Double)]()  // vertex numbers
        var seen = Set<Int>()
        for (e, item) in work[(blocks + stations.count)...].enumerated() {
            guard case .hits(let found) = item, let end = search?.ends[e] else { continue }
            for hit in found where site[hit.vertex] != site[end] {
                let key = min(site[end], site[hit.vertex]) * siteVertices.count + max(site[end], site[hit.vertex])
                guard seen.insert(key).inserted else { continue }
                bridges.append((end, hit.vertex, hit.d))
                isNode[site[hit.vertex]] = true
            }
        }

        // Stations: each at the nearest point of the nearest line, a node there that splits its segment,
        // or the vertex within a millimetre.
        var insertions = [Int: [Insertion]]()  // by segment start vertex
        var hasInsertion = [Bool](repeating: false, count: vertices.count)
        var stationAt = [(segment: Int?, vertex: Int?, railPoint: Coordinate, line: Int, offset: Double)?]()
        stationAt.reserveCapacity(stations.count)
        for i in stations.indices {
            guard case .place(let placed) = work[blocks + i], let hit = placed else { stationAt.append(nil); continue }
            let q = hit.pair.to, segment = hit.segment
            switch hit.at {
            case .vertex(let v):
                isNode[site[v]] = true
                stationAt.append((nil, v, vertices[v], hit.feature, hit.pair.distance))
            case .inside(let along):
                if let k = insertions[segment]?.firstIndex(where: { $0.point == q }) {
                    insertions[segment]![k].stations.append(i)
                } else {
                    insertions[segment, default: []].append(Insertion(along: along, point: q, stations: [i]))
                    hasInsertion[segment] = true
                }
                stationAt.append((segment, nil, q, hit.feature, hit.pair.distance))
            }
        }

        // 4. Nodes in the order their sites first appear, then the walk.
        var built = Built()
        var nodeOfSite = [Int](repeating: -1, count: siteVertices.count)
        func node(_ v: Int) -> Int {
            if nodeOfSite[site[v]] >= 0 { return nodeOfSite[site[v]] }
            nodeOfSite[site[v]] = built.nodes.count
            built.nodes.append(vertices[v])
            return built.nodes.count - 1
        }
        var nodeOfInsertion = [Int: [Int]]()  // segment → node of each insertion, in `insertions` order
        for p in 0..<partCount {
            let first = partStart[p], last = partStart[p + 1] - 1
            let railId = lines[partLine[p]].id
            var from = node(first), path = [vertices[first]], length = 0.0, prefix = [0.0]
            func close(at n: Int) {
                built.edges.append(RailNetwork.Edge(from: from, to: n, lengthM: length, kind: .track, railId: railId, otherRailId: nil, path: path))
                built.prefixes.append(prefix)
                from = n; path = [path.last!]; length = 0; prefix = [0]
            }
            for v in first..<last {
                if hasInsertion[v], let cuts = insertions[v] {
                    var nodes = [Int](repeating: 0, count: cuts.count)
                    for k in cuts.indices.sorted(by: { cuts[$0].along < cuts[$1].along }) {
                        length += Geodesic.wgs84.distance(path.last!, cuts[k].point)
                        path.append(cuts[k].point); prefix.append(length)
                        nodes[k] = built.nodes.count
                        built.nodes.append(cuts[k].point)
                        close(at: nodes[k])
                    }
                    nodeOfInsertion[v] = nodes
                    length += Geodesic.wgs84.distance(path.last!, vertices[v + 1])
                } else {
                    length += segmentLength[v]
                }
                path.append(vertices[v + 1]); prefix.append(length)
                if v + 1 == last || isNode[site[v + 1]] { close(at: node(v + 1)) }
            }
        }
        for b in bridges {
            built.edges.append(RailNetwork.Edge(
                from: node(b.a), to: node(b.b), lengthM: b.lengthM, kind: .bridge,
                railId: lines[partLine[partOfVertex[b.a]]].id,
                otherRailId: lines[partLine[partOfVertex[b.b]]].id, path: [vertices[b.a], vertices[b.b]]))
            built.prefixes.append([0, 0 + b.lengthM])
        }
        for (i, station) in stations.enumerated() {
            guard let at = stationAt[i] else { continue }
            let n: Int
            if let v = at.vertex {
                n = node(v)
            } else {
                let segment = at.segment!
                n = nodeOfInsertion[segment]![insertions[segment]!.firstIndex { $0.stations.contains(i) }!]
            }
            built.stations.append(RailNetwork.StationAttachment(
                stationId: station.id, stationName: station.name, node: n, railId: lines[at.line].id,
                railPoint: at.railPoint, offsetM: at.offset))
        }
        return built
    }
}
