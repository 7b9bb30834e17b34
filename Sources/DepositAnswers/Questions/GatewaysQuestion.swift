import DepositIndex

/// `gateways PLACE` (`GET /gateways?place=…`) and `gateways --all`: every port and border crossing ranked
/// by rail distance from a place, or every deposit's distances to every gateway.
public struct GatewaysQuestion: Sendable {
    /// A deposit, a station or coordinates; nil for every deposit (`--all`).
    public var place: String?
    /// One of the question's options, as the CLI names it.
    public var network: NetworkSettings
    /// One of the question's options, as the CLI names it.
    public var transit: [String]

    /// The question with its options, defaults as the CLI's.
    public init(place: String?, network: NetworkSettings = NetworkSettings(), transit: [String] = []) {
        self.place = place
        self.network = network
        self.transit = transit
    }

    /// Refuses (usage, 64) options out of range, in the CLI's words.
    public func check() throws {
        try network.check()
        try NetworkSettings.checkTransit(transit)
    }

    /// A `GatewaysAnswer`, or `GatewaysForEveryDeposit` when `place` is nil; `built` as in `RouteQuestion`.
    public func answer(catalog: Catalog, built: RailNetwork? = nil) throws -> any CommandAnswer {
        try catalog.requireLayers([.rail, .stations])
        let net = try built ?? network.network(of: catalog)
        let rules = try BorderRules(network: net, catalog: catalog, transit: NetworkSettings.transitCodes(transit))
        guard let place else {
            let results = try net.gatewayDistances(catalog: catalog, rules: rules)
            return GatewaysForEveryDeposit(results: results, gateways: try RailNetwork.gateways(of: catalog),
                                           include: net.include.names, transit: rules.transit, bordersChecked: rules.bordersChecked)
        }
        let from = try Lookup(catalog: catalog).routeEnd(place)
        let ranked = try net.gateways(from: from.end, catalog: catalog, rules: rules)
        return GatewaysAnswer(from: from, gateways: ranked, include: net.include.names, transit: rules.transit,
                              bordersChecked: rules.bordersChecked, corridorsChecked: catalog.presentLayers.contains(.corridors),
                              toleranceM: network.toleranceM)
    }
}

extension GatewaysQuestion {
    /// The layers `stream` reads whole, once, besides the deposits a chunk at a time: the rail and stations
    /// the network is built from and the country outline its border rules read.
    public static let streamedLayers: Catalog.Layers = [.rail, .stations, .country]

    /// `gateways --all` as records written as they are made (`AnswerStream`), a chunk of deposits at a time,
    /// each chunk measured on every core: the network and its border rules are built once and one search
    /// is made from each gateway (`GatewayDistances`), then each deposit's distances are read off those
    /// searches as its chunk comes; what is held at once is the network, the searches and one chunk.
    ///
    /// Records come in the source's order (`DepositChunkSource`: a store's fid order, a catalog's order).
    /// JSON Lines gives one record per deposit, the object `--format json` lists under `results` for it;
    /// a GeoJSON text sequence gives the feature `--format geojson` gives for each located deposit, then,
    /// once every deposit is written, the gateways as points, as the document ends.
    ///
    ///     var text = [UInt8]()
    ///     try GatewaysQuestion(place: nil).stream(from: Catalog.bundled(), format: .jsonLines) { text += $0 }
    ///     // first line: {"deposit_id":"kz-w-001","deposit_name":"Verkhnee Kairaktinskoye (Upper Kairakty)",
    ///     //   "gateways":[{"access_m":35212.269647703,"id":"osm-3729466654","name":"Шалдуар",…
    /// - Parameter write: takes each chunk's records, in order, one call at a time, on a thread of the
    ///   stream's own while the caller's reads the next chunk (the gateways' points last, on the caller's);
    ///   what it throws ends the stream, and it is not called again once `stream` has returned or thrown.
    /// - Throws: `AnswerError` (usage) for a question with a place, which is one document; the network's
    ///   and the source's refusals as `answer(catalog:)` gives them.
    public func stream(from source: some DepositChunkSource, format: AnswerStream.Format, precision: Int = 7,
                       chunkSize: Int = 8192, write: ([UInt8]) throws -> Void) throws {
        guard place == nil else {
            throw AnswerError(.usage, "--format \(format.rawValue) is for every deposit's gateways (--all); give json or geojson for one place")
        }
        try check()
        let settings = network, transit = NetworkSettings.transitCodes(self.transit)
        try withoutActuallyEscaping(write) { write in
            // As `NearRailForEveryDepositQuestion.stream`: each chunk answered and written on the pipeline's
            // thread (on every core) while the next is read.
            var pipeline: Pipeline<[Deposit]>?
            var gateways = [Station]()
            defer { pipeline?.cancel() }
            // A JSON Lines record shows a deposit's id and name only; a feature shows its properties.
            let properties = format == .geoJSONSequence
            try source.forEachDepositChunk(size: chunkSize, reading: Self.streamedLayers, properties: properties, start: { catalog in
                try catalog.requireLayers([.rail, .stations])
                try catalog.requireLayers(.deposits)
                let net = try settings.network(of: catalog)
                let rules = try BorderRules(network: net, catalog: catalog, transit: transit)
                let all = try GatewayDistances(network: net, catalog: catalog, rules: rules)
                gateways = all.gateways
                pipeline = Pipeline(depth: 1) { chunk in
                    let blocks = switch format {
                    case .jsonLines:
                        try AnswerStream.records(chunk.count, bytesPerRecord: 128 + 160 * all.gateways.count) { i, out in
                            try GatewayRecord.write(all.distances(of: chunk[i]), into: &out)
                        }
                    case .geoJSONSequence:
                        try AnswerStream.records(chunk.count, bytesPerRecord: 512) { i, out in
                            let feature = GatewaysForEveryDeposit.feature(of: all.distances(of: chunk[i]), deposit: chunk[i])
                            out.append(try AnswerStream.geoJSONRecords(feature.map { [$0] } ?? [], precision: precision))
                        }
                    }
                    for block in blocks { try write(block) }
                }
            }) { chunk in try pipeline?.submit(chunk) }
            try pipeline?.finish()
            if format == .geoJSONSequence && !gateways.isEmpty {
                try write(AnswerStream.geoJSONRecords(gateways.map(FeatureBuilder.station), precision: precision))
            }
        }
    }
}
