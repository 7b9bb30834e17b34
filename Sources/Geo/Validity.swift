import CGEOS

/// One reason a geometry is invalid, and where.
public struct ValidityProblem: Hashable, Sendable, Codable, CustomStringConvertible {
    /// GEOS's reason text, e.g. "Self-intersection" or "Ring Self-intersection".
    public var reason: String
    /// Where GEOS found it; nil when GEOS gives no location.
    public var location: Coordinate?

    public init(reason: String, location: Coordinate?) {
        self.reason = reason
        self.location = location
    }

    public var description: String {
        location.map { "\(reason) at \($0)" } ?? reason
    }
}

/// How `makeValid` rebuilds an invalid geometry. See GEOS's `GEOSMakeValidMethods`.
public enum MakeValidMethod: Sendable {
    /// Keeps all linework: every edge of the input survives as boundary of the output.
    case linework
    /// Rebuilds the area from shells and holes (holes subtract, overlapping shells unite);
    /// `keepCollapsed` keeps parts that collapse to lines or points.
    case structure(keepCollapsed: Bool)
}

extension Geometry {
    /// True when GEOS finds the geometry valid under OGC rules. See `GEOSisValid_r`.
    public var isValid: Bool {
        GEOSisValid_r(GEOSContext.current.handle, pointer) == 1
    }

    /// The first reason GEOS gives, with its location; nil when valid. See `GEOSisValidDetail_r`.
    public func validityProblem() throws -> ValidityProblem? {
        try Geometry.validityDetail(pointer)
    }

    /// Every problem GEOS can find, each with its location; empty when valid.
    ///
    /// GEOS stops at the first problem of a geometry, so one call cannot list them all. This asks GEOS
    /// about each part and each ring on its own, then adds every crossing of a ring with itself (GEOS
    /// reports only one crossing per ring), so a survey with three bad legs shows three problems.
    public func validityProblems() throws -> [ValidityProblem] {
        var problems = [ValidityProblem]()
        var seen = Set<ValidityProblem>()  // a scribbled ring has thousands of crossings: no quadratic dedup
        func add(_ p: ValidityProblem?) {
            if let p, seen.insert(p).inserted { problems.append(p) }
        }
        add(try validityProblem())
        if problems.isEmpty { return [] }
        for part in parts where part !== self {
            add(try part.validityProblem())
        }
        for polygon in shape.polygons {
            for ring in polygon {
                // A ring alone, as the shell of a polygon, shows its own defects without its neighbours'.
                guard ring.count >= 4, ring.first == ring.last else { continue }
                let single = try Geometry(.polygon([ring]))
                if let p = try single.validityProblem() { add(p) }
                for crossing in try Geometry.selfCrossings(of: ring) {
                    add(ValidityProblem(reason: "Ring Self-intersection", location: crossing))
                }
            }
        }
        return problems
    }

    /// Repairs an invalid geometry. See `GEOSMakeValidWithParams_r`.
    public func makeValid(method: MakeValidMethod = .structure(keepCollapsed: false)) throws -> Geometry {
        try Geometry.make("make valid") { handle in
            guard let params = GEOSMakeValidParams_create_r(handle) else { return nil }
            defer { GEOSMakeValidParams_destroy_r(handle, params) }
            switch method {
            case .linework:
                GEOSMakeValidParams_setMethod_r(handle, params, GEOS_MAKE_VALID_LINEWORK)
            case .structure(let keepCollapsed):
                GEOSMakeValidParams_setMethod_r(handle, params, GEOS_MAKE_VALID_STRUCTURE)
                GEOSMakeValidParams_setKeepCollapsed_r(handle, params, keepCollapsed ? 1 : 0)
            }
            return GEOSMakeValidWithParams_r(handle, pointer, params)
        }
    }

    private static func validityDetail(_ g: OpaquePointer) throws -> ValidityProblem? {
        let context = GEOSContext.current
        context.clearError()
        var reason: UnsafeMutablePointer<CChar>?
        var location: OpaquePointer?
        let result = GEOSisValidDetail_r(context.handle, g, 0, &reason, &location)
        defer {
            if let reason { GEOSFree_r(context.handle, reason) }
            if let location { GEOSGeom_destroy_r(context.handle, location) }
        }
        switch result {
        case 1: return nil
        case 0:
            var at: Coordinate?
            if let location, GEOSisEmpty_r(context.handle, location) == 0 {
                var x = 0.0, y = 0.0
                if GEOSGeomGetX_r(context.handle, location, &x) == 1, GEOSGeomGetY_r(context.handle, location, &y) == 1 {
                    at = Coordinate(x: x, y: y)
                }
            }
            return ValidityProblem(reason: reason.map { String(cString: $0) } ?? "invalid", location: at)
        default:
            throw context.error("validity check failed")
        }
    }

    /// The points where a ring crosses or touches itself: noding the ring splits it at every such point,
    /// and there the pieces meet four (or more) ends, where an ordinary vertex joins two.
    static func selfCrossings(of ring: [Coordinate]) throws -> [Coordinate] {
        let line = try Geometry(.lineString(ring))
        let noded = try line.unaryUnion()
        var ends = [Coordinate: Int]()
        for piece in noded.shape.lines {
            guard let first = piece.first, let last = piece.last else { continue }
            ends[first, default: 0] += 1
            ends[last, default: 0] += 1
        }
        return ends.filter { $0.value > 2 }.map(\.key).sorted { ($0.x, $0.y) < ($1.x, $1.y) }
    }
}
