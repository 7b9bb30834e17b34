import Geo

/// Noding: how `RailNetwork` turns the rail layer's polylines into nodes and edges.
///
/// 1. Every vertex is a site; vertices with the same coordinates are one site (a shared vertex).
/// 2. A site is a node when it is a line end, is shared by two vertices (a junction, or a line ending on
///    another's interior vertex), carries a bridge, or is where a station meets the track.
/// 3. From each line end, the R-tree of vertices gives the vertices inside a degree window that provably
///    holds everything within the tolerance (`MetreWindow`); the geodesic distance decides. For each other
///    part, the nearest such vertex within the tolerance gets a bridge (a part's own other end counts too:
///    a loop nearly closed). Coincident sites need no bridge.
/// 4. Each part is walked vertex by vertex and cut at its nodes; an edge's length is the sum of the
///    geodesic distances between its consecutive vertices.
struct NetworkNoding {
    let lines: [RailLine]
    let stations: [Station]
    let toleranceM: Double

    /// What the walk produces, before components and adjacency.
    struct Built {
        var nodes: [Coordinate] = []
        var edges: [RailNetwork.Edge] = []
        var stations: [RailNetwork.StationAttachment] = []
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
                var part = [Coordinate]()
                for c in original where part.last != c { part.append(c) }
                guard part.count >= 2 else { continue }
                partStart.append(vertices.count)
                partLine.append(line)
                partOfVertex.append(contentsOf: repeatElement(partLine.count - 1, count: part.count))
                vertices.append(contentsOf: part)
            }
        }
        partStart.append(vertices.count)
        let partCount = partLine.count
        func isEnd(_ v: Int) -> Bool { v == partStart[partOfVertex[v]] || v == partStart[partOfVertex[v] + 1] - 1 }

        // 1. Sites.
        var siteOfCoordinate = [Coordinate: Int](minimumCapacity: vertices.count), site = [Int](), siteVertices = [Int]()
        site.reserveCapacity(vertices.count)
        for c in vertices {
            if let s = siteOfCoordinate[c] {
                site.append(s); siteVertices[s] += 1
            } else {
                siteOfCoordinate[c] = siteVertices.count
                site.append(siteVertices.count); siteVertices.append(1)
            }
        }
        var isNode = siteVertices.map { $0 > 1 }
        for p in 0..<partCount {
            isNode[site[partStart[p]]] = true
            isNode[site[partStart[p + 1] - 1]] = true
        }

        // 3. Bridges from each end to the nearest vertex of each other part within the tolerance.
        var bridges = [(a: Int, b: Int, lengthM: Double)]()  // vertex numbers
        if toleranceM > 0 {
            let vertexIndex = SpatialIndex(boxes: vertices.map { Envelope(minX: $0.x, minY: $0.y, maxX: $0.x, maxY: $0.y) })
            var seen = Set<[Int]>()
            for p in 0..<partCount {
                for end in [partStart[p], partStart[p + 1] - 1] {
                    var nearest = [Int: (vertex: Int, d: Double)]()
                    for v in vertexIndex.search(MetreWindow.around(vertices[end], metres: toleranceM)) {
                        let q = partOfVertex[v]
                        // Within its own part, only the other end (a loop nearly closed).
                        if q == p && !(isEnd(v) && v != end) { continue }
                        let d = Geodesic.wgs84.distance(vertices[end], vertices[v])
                        guard d <= toleranceM else { continue }
                        if let best = nearest[q], best.d < d || (best.d == d && best.vertex < v) { continue }
                        nearest[q] = (v, d)
                    }
                    for (_, hit) in nearest.sorted(by: { $0.key < $1.key }) where site[hit.vertex] != site[end] {
                        let key = [min(site[end], site[hit.vertex]), max(site[end], site[hit.vertex])]
                        guard seen.insert(key).inserted else { continue }
                        bridges.append((end, hit.vertex, hit.d))
                        isNode[site[hit.vertex]] = true
                    }
                }
            }
        }

        // Stations: each at the nearest point of the nearest line (`StationPlacement`), a node there that
        // splits its segment, or the vertex within a millimetre.
        var insertions = [Int: [Insertion]]()  // by segment start vertex
        var stationAt = [(segment: Int?, vertex: Int?, railPoint: Coordinate, line: Int, offset: Double)?]()
        var partsOfLine = [[Int]](repeating: [], count: lines.count)
        for p in 0..<partCount { partsOfLine[partLine[p]].append(p) }
        let found = StationPlacement(chains: ChainLayer(lines: lines.map { $0.geometry.lines }), vertices: vertices, partStart: partStart, partsOfLine: partsOfLine)
            .place(stations)
        for i in stations.indices {
            guard let hit = found[i] else { stationAt.append(nil); continue }
            let q = hit.pair.to, segment = hit.segment
            // A rail point within a millimetre of a vertex is that vertex.
            if Geodesic.wgs84.distance(q, vertices[segment]) <= DistanceTolerance.contact {
                isNode[site[segment]] = true
                stationAt.append((nil, segment, vertices[segment], hit.feature, hit.pair.distance))
            } else if Geodesic.wgs84.distance(q, vertices[segment + 1]) <= DistanceTolerance.contact {
                isNode[site[segment + 1]] = true
                stationAt.append((nil, segment + 1, vertices[segment + 1], hit.feature, hit.pair.distance))
            } else {
                let along = Geodesic.wgs84.distance(vertices[segment], q)
                if let k = insertions[segment]?.firstIndex(where: { $0.point == q }) {
                    insertions[segment]![k].stations.append(i)
                } else {
                    insertions[segment, default: []].append(Insertion(along: along, point: q, stations: [i]))
                }
                stationAt.append((segment, nil, q, hit.feature, hit.pair.distance))
            }
        }

        // Each segment's geodesic length, on every core (a segment joining two parts is never used).
        let partOf = partOfVertex, points = vertices
        let segmentLength = Parallel.map(max(points.count - 1, 0)) { v in
            partOf[v] == partOf[v + 1] ? Geodesic.wgs84.distance(points[v], points[v + 1]) : 0
        }

        // 4. Nodes in the order their sites first appear, then the walk.
        var built = Built()
        var nodeOfSite = [Int: Int]()
        func node(_ v: Int) -> Int {
            if let n = nodeOfSite[site[v]] { return n }
            nodeOfSite[site[v]] = built.nodes.count
            built.nodes.append(vertices[v])
            return built.nodes.count - 1
        }
        var nodeOfInsertion = [Int: [Int]]()  // segment → node of each insertion, in `insertions` order
        for p in 0..<partCount {
            let first = partStart[p], last = partStart[p + 1] - 1
            let railId = lines[partLine[p]].id
            var from = node(first), path = [vertices[first]], length = 0.0
            func close(at n: Int) {
                built.edges.append(RailNetwork.Edge(from: from, to: n, lengthM: length, kind: .track, railId: railId, otherRailId: nil, path: path))
                from = n; path = [path.last!]; length = 0
            }
            for v in first..<last {
                if let cuts = insertions[v] {
                    var nodes = [Int](repeating: 0, count: cuts.count)
                    for k in cuts.indices.sorted(by: { cuts[$0].along < cuts[$1].along }) {
                        length += Geodesic.wgs84.distance(path.last!, cuts[k].point)
                        path.append(cuts[k].point)
                        nodes[k] = built.nodes.count
                        built.nodes.append(cuts[k].point)
                        close(at: nodes[k])
                    }
                    nodeOfInsertion[v] = nodes
                }
                length += insertions[v] == nil ? segmentLength[v] : Geodesic.wgs84.distance(path.last!, vertices[v + 1])
                path.append(vertices[v + 1])
                if v + 1 == last || isNode[site[v + 1]] { close(at: node(v + 1)) }
            }
        }
        for b in bridges {
            built.edges.append(RailNetwork.Edge(
                from: node(b.a), to: node(b.b), lengthM: b.lengthM, kind: .bridge,
                railId: lines[partLine[partOfVertex[b.a]]].id,
                otherRailId: lines[partLine[partOfVertex[b.b]]].id, path: [vertices[b.a], vertices[b.b]]))
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
