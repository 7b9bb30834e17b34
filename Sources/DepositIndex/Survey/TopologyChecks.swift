import Foundation
import Geo

/// GEOS's validity verdict, every reason with its location, plus what GEOS accepts but a surveyor
/// would not: spikes and slivers.
enum TopologyChecks {
    /// A vertex where the outline turns back by less than this many degrees is a spike.
    static let spikeAngle = 1.0
    /// Polsby-Popper thinness 4πA/P² below this is a sliver: a rectangle about 1:150 or thinner.
    static let sliverThinness = 0.02

    /// The GEOS geometry when it is valid; nil (with the reasons reported) when it is not.
    static func check(_ shape: Shape, measures: RingMeasures, into sink: inout ProblemSink) -> Geometry? {
        let geometry: Geometry
        do {
            geometry = try Geometry(shape)
        } catch {
            sink.add(.invalidTopology, "GEOS cannot build the geometry: \(error)")
            return nil
        }
        spikes(shape, into: &sink)
        if geometry.isValid {
            // Only a valid polygon has a meaningful area to be thin for: a bow-tie's lobes cancel to nothing.
            slivers(shape, measures, into: &sink)
            return geometry
        }
        holesOutside(shape, into: &sink)
        // Every crossing of a ring with itself (up to the report's limit), then GEOS's first reason for
        // the whole geometry, each part and each ring alone: each of those calls stops at its first find,
        // so a scribbled ring cannot make the check quadratic.
        var reported = Set<Coordinate>()
        let limit = sink.limit + 1
        for rings in shape.polygons {
            for ring in rings where reported.count < limit {
                for p in SelfCrossings.find(in: ring, limit: limit - reported.count) where reported.insert(p.location).inserted {
                    let at = CoordinateFormat.pair(p.location)
                    if p.isTouch {
                        sink.add(.ringSelfIntersection, at: p.location, "the outline touches itself at \(at)")
                    } else {
                        sink.add(.selfIntersection, at: p.location, "two legs of the outline cross at \(at)")
                    }
                }
            }
        }
        var geosProblems = [ValidityProblem]()
        func ask(_ what: String, _ reason: () throws -> ValidityProblem?) {
            do {
                if let p = try reason() { geosProblems.append(p) }
            } catch {
                sink.add(.checkFailed, at: shape.coordinates.first, "GEOS could not give the validity reason of \(what): \(error)")
            }
        }
        ask("the geometry") { try geometry.validityProblem() }
        for (i, part) in geometry.parts.enumerated() where part !== geometry { ask("polygon \(i + 1)") { try part.validityProblem() } }
        for (p, rings) in shape.polygons.enumerated() {
            for (r, ring) in rings.enumerated() where ring.count >= 4 {
                ask("\(RingPosition(part: p, ring: r)) alone") { try Geometry(.polygon([ring])).validityProblem() }
            }
        }
        if reported.isEmpty && geosProblems.isEmpty && !sink.has(.holeOutsideShell) && !sink.has(.checkFailed) {
            // GEOS judged the geometry invalid but gave no reason: say so rather than pass it with nothing.
            sink.add(.invalidTopology, at: shape.coordinates.first, "GEOS judges the geometry invalid without giving a reason")
        }
        for p in geosProblems {
            let c = code(for: p.reason)
            // Crossings and touches are listed above, each once.
            if c == .selfIntersection || c == .ringSelfIntersection, let at = p.location, reported.contains(at) { continue }
            if c == .holeOutsideShell, sink.has(.holeOutsideShell) { continue }
            if let at = p.location { if !reported.insert(at).inserted { continue } }
            let at = p.location.map { " at \(CoordinateFormat.pair($0))" } ?? ""
            sink.add(c, at: p.location, "GEOS: \(p.reason)\(at)")
        }
        return nil
    }

    /// Our code for each of GEOS's reason texts (GEOS `TopologyValidationError`).
    static func code(for reason: String) -> ProblemCode {
        let r = reason.lowercased()
        if r.contains("ring self-intersection") { return .ringSelfIntersection }
        if r.contains("self-intersection") { return .selfIntersection }
        if r.contains("hole lies outside shell") { return .holeOutsideShell }
        if r.contains("holes are nested") { return .nestedHoles }
        if r.contains("interior is disconnected") { return .disconnectedInterior }
        if r.contains("nested shells") { return .nestedShells }
        if r.contains("duplicate rings") { return .duplicateRings }
        if r.contains("too few") { return .tooFewPoints }
        if r.contains("invalid coordinate") { return .nonFiniteCoordinate }
        if r.contains("not closed") { return .ringNotClosed }
        if r.contains("repeated point") { return .repeatedPoints }
        return .invalidTopology
    }

    /// Holes that leave their exterior ring. GEOS reports only the first problem of a polygon, so a
    /// polygon whose shell also crosses itself would hide this one.
    private static func holesOutside(_ shape: Shape, into sink: inout ProblemSink) {
        for (p, rings) in shape.polygons.enumerated() where rings.count > 1 {
            do {
                let shell = try Geometry(.polygon([rings[0]]))
                // An invalid shell has no inside to be in; its own problem is reported.
                guard shell.isValid else { continue }
                for (r, hole) in rings.enumerated().dropFirst() {
                    guard try !shell.covers(try Geometry(.lineString(hole))) else { continue }
                    var outsidePoint: Coordinate?
                    for c in hole where try !shell.covers(try Geometry(point: c)) {
                        outsidePoint = c
                        break
                    }
                    sink.add(.holeOutsideShell, at: outsidePoint ?? hole.first, ring: RingPosition(part: p, ring: r),
                             "\(RingPosition(part: p, ring: r)) is not inside the exterior ring")
                }
            } catch {
                sink.add(.checkFailed, at: rings[0].first, ring: RingPosition(part: p, ring: 0),
                         "whether polygon \(p + 1)'s holes lie inside its exterior ring could not be tested: \(error)")
            }
        }
    }

    /// Vertices where the outline goes out and comes straight back.
    private static func spikes(_ shape: Shape, into sink: inout ProblemSink) {
        for (p, rings) in shape.polygons.enumerated() {
            for (r, ring) in rings.enumerated() {
                var distinct = [Coordinate]()
                for c in ring where c != distinct.last { distinct.append(c) }
                if distinct.count > 1, distinct.first == distinct.last { distinct.removeLast() }
                let n = distinct.count
                guard n >= 3 else { continue }
                for i in 0..<n {
                    let a = distinct[(i + n - 1) % n], b = distinct[i], c = distinct[(i + 1) % n]
                    if isSpike(a, b, c) {
                        sink.add(.spike, at: b, ring: RingPosition(part: p, ring: r),
                                 "the outline turns back on itself at this vertex (the edges meet at under \(JSONWriter.format(spikeAngle))°)")
                    }
                }
            }
        }
    }

    /// Decided by the geodesic azimuths of the two edges at `b`. A cheap screen first keeps the
    /// geodesic solutions to the few vertices that could be spikes: the angle in a plane scaled by
    /// cos(latitude) at `b` is within a fraction of a degree of the true one over survey-sized edges,
    /// and the screen lets through anything under 5°.
    static func isSpike(_ a: Coordinate, _ b: Coordinate, _ c: Coordinate) -> Bool {
        let k = cos(b.latitude * .pi / 180)
        let ux = (a.x - b.x) * k, uy = a.y - b.y, vx = (c.x - b.x) * k, vy = c.y - b.y
        let screen = atan2(abs(ux * vy - uy * vx), ux * vx + uy * vy) * 180 / .pi
        guard screen < 5 else { return false }
        let toA = Geodesic.wgs84.inverse(b, a).azimuth1, toC = Geodesic.wgs84.inverse(b, c).azimuth1
        var d = abs(toA - toC).truncatingRemainder(dividingBy: 360)
        if d > 180 { d = 360 - d }
        return d < spikeAngle
    }

    /// Polygons so thin for their area that they are probably a mistyped vertex or a digitising slip.
    private static func slivers(_ shape: Shape, _ measures: RingMeasures, into sink: inout ProblemSink) {
        for (p, rings) in shape.polygons.enumerated() {
            guard let shell = rings.first, let measured = measures.ring(p, 0) else { continue }
            let holes = rings.indices.dropFirst().reduce(0.0) { $0 + abs(measures.ring(p, $1)?.area ?? 0) }
            let area = abs(measured.area) - holes
            guard measured.perimeter > 0 else { continue }
            let thinness = 4 * Double.pi * max(area, 0) / (measured.perimeter * measured.perimeter)
            if thinness < sliverThinness {
                sink.add(.sliver, at: shell[0], ring: RingPosition(part: p, ring: 0),
                         "polygon \(p + 1) is a sliver: \(CoordinateFormat.number(area / 1e6, decimals: 4)) km² inside a \(CoordinateFormat.number(measured.perimeter / 1000, decimals: 3)) km perimeter (thinness 4πA/P² = \(CoordinateFormat.number(thinness, decimals: 4)), under \(sliverThinness))")
            }
        }
    }
}
