import DepositIndex

/// `near-rail PLACE` (`GET /near-rail?place=…&k=…&max-km=…`): the nearest rail lines to a deposit or a point.
public struct NearRailQuestion: Sendable {
    /// A deposit (id, name or alias) or coordinates, latitude first.
    public var place: String
    /// How many lines, nearest first.
    public var k: Int
    /// Leave out lines farther than this (km); nil for no limit.
    public var maxKm: Double?

    /// The question with its options, defaults as the CLI's.
    public init(place: String, k: Int = 1, maxKm: Double? = nil) {
        self.place = place
        self.k = k
        self.maxKm = maxKm
    }

    /// Refuses (usage) a `k` under 1 and a negative or NaN limit.
    public func check() throws {
        guard k >= 1 else { throw AnswerError(.usage, "-k must be at least 1") }
        if let maxKm, !(maxKm >= 0) { throw AnswerError(.usage, "--max-km must be a distance of 0 or more") }
    }

    var maxDistanceM: Double { (maxKm ?? .infinity) * 1000 }

    /// What a store must read to answer (see `StoreRequest`).
    public func storeRequest() throws -> StoreRequest {
        var request = try StoreRequest.about(place)
        request.nearestRail = k
        request.railMaxDistance = maxDistanceM
        return request
    }

    /// The answer from `catalog`; a refusal throws an error `AnswerError(_:)` classifies (not found, usage, bad data).
    public func answer(catalog: Catalog) throws -> NearRailAnswer {
        try NearRailAnswer(catalog: catalog, target: Lookup(catalog: catalog).place(place), k: k, maxDistance: maxDistanceM)
    }
}

/// `near-rail --all`: the nearest rail lines of every deposit, measured on every core.
public struct NearRailForEveryDepositQuestion: Sendable {
    /// One of the question's options, as the CLI names it.
    public var k: Int
    /// One of the question's options, as the CLI names it.
    public var maxKm: Double?

    /// The question with its options, defaults as the CLI's.
    public init(k: Int = 1, maxKm: Double? = nil) {
        self.k = k
        self.maxKm = maxKm
    }

    /// The same limits as `NearRailQuestion`.
    public func check() throws { try NearRailQuestion(place: "", k: k, maxKm: maxKm).check() }

    /// What a store must read to answer (see `StoreRequest`); from GeoJSON, the layers it names.
    public func storeRequest() -> StoreRequest { .all }

    /// The limit in metres (`--max-km`; infinity for none).
    var maxDistanceM: Double { (maxKm ?? .infinity) * 1000 }

    /// The lines each located deposit gets at most: `k`, or every line of `catalog` when it has fewer.
    func linesEach(_ catalog: Catalog) -> Int { min(k, catalog.rail.count) }

    /// The most lines, over all deposits, one document may hold. It keeps the catalog and every answer
    /// in memory until they are sorted and written, about 1 KB a line on top of the catalog (100,000
    /// deposits at `-k 50`, 5,000,000 lines, peaked at 5.75 GB; at `-k 20`, 2,000,000 lines, 2.9 GB);
    /// a larger answer is for the streamed forms, which hold one chunk.
    public static let documentLineLimit = 2_000_000

    /// The answer from `catalog`; a refusal throws an error `AnswerError(_:)` classifies (not found, usage, bad data).
    ///
    /// An answer of more than `documentLineLimit` lines is refused (usage), naming the streamed formats:
    /// without `--max-km` before anything is measured (each located deposit gets `min(k, lines)`), with
    /// it as soon as the lines found pass the limit (a large `-k` within a few km is a small answer).
    public func answer(catalog: Catalog) throws -> NearRailForEveryDeposit {
        try check()
        let limit = Self.documentLineLimit, each = linesEach(catalog)
        if maxKm == nil {
            let located = catalog.deposits.reduce(0) { $0 + ($1.geometry == nil ? 0 : 1) }
            if located > 0, each > limit / located {
                let smaller = limit / located >= 1 ? "-k \(limit / located) or less, " : ""
                throw AnswerError(.usage, "-k \(k) for \(located) located deposits is \(located) × \(each) lines\(k > each ? " (every line of the data)" : ""), more than one document holds (\(limit)); give \(smaller)--max-km, or --format jsonl or geojsonseq, which stream")
            }
        }
        return try NearRailForEveryDeposit(catalog: catalog, k: k, maxDistance: maxDistanceM, lineLimit: limit) { done in
            AnswerError(.usage, "-k \(k) within --max-km \(maxKm.map { "\($0)" } ?? "") found more than \(limit) lines after \(done) of \(catalog.deposits.count) deposits, more than one document holds; give a smaller -k or --max-km, or --format jsonl or geojsonseq, which stream")
        }
    }
}

extension NearRailForEveryDepositQuestion {
    /// The answer as records written as they are made (`AnswerStream`), a chunk of deposits at a time, each
    /// chunk measured on every core; what is held at once is the rail and stations and one chunk.
    ///
    /// Records come in the source's order (`DepositChunkSource`: a store's fid order, which is the order
    /// of import, or a catalog's order, which is its file's), not nearest first: the order is known before
    /// any distance is. JSON Lines gives one record per deposit, an empty `rail` list for one without a
    /// location or a line within the limit; a GeoJSON text sequence gives the features `--format geojson`
    /// gives for each measured deposit (the deposit, then one `distance` line per result).
    ///
    ///     var text = [UInt8]()
    ///     try NearRailForEveryDepositQuestion().stream(from: Catalog.bundled(), format: .jsonLines) { text += $0 }
    /// - Parameter linesHeld: a chunk is answered in parts of at most this many lines (its deposits ×
    ///   `min(k, lines)`, one deposit at least), so that a large `k` does not hold a chunk's every line.
    /// - Parameter write: takes each chunk's records, in order, one call at a time, on a thread of the
    ///   stream's own while the caller's reads the next chunk; what it throws ends the stream, and it is
    ///   not called again once `stream` has returned or thrown.
    public func stream(from source: some DepositChunkSource, format: AnswerStream.Format, precision: Int = 7,
                       chunkSize: Int = 8192, linesHeld: Int = 1 << 20, write: ([UInt8]) throws -> Void) throws {
        try check()
        let k = self.k, limit = maxDistanceM
        try withoutActuallyEscaping(write) { write in
            // Each chunk is answered and written on the pipeline's thread (on every core) while the
            // next is read: at most one chunk waits, one is answered.
            var pipeline: Pipeline<[Deposit]>?
            defer { pipeline?.cancel() }
            // A JSON Lines record shows a deposit's id and name only; a feature shows its properties.
            let properties = format == .geoJSONSequence
            try source.forEachDepositChunk(size: chunkSize, reading: [.rail, .stations], properties: properties, start: { catalog in
                try catalog.requireLayers([.deposits, .rail])
                pipeline = Pipeline(depth: 1) { chunk in
                    // A large -k answers a chunk a part at a time, so that about `linesHeld` lines at most
                    // are held, whatever the -k and the line count.
                    try NearRailForEveryDeposit.inParts(chunk[...], catalog: catalog, k: k, maxDistance: limit, linesHeld: linesHeld) { deposits, answers in
                        let blocks = switch format {
                        case .jsonLines:
                            try AnswerStream.records(answers.count, bytesPerRecord: 240 * min(k, 64)) { i, out in
                                try NearRailRecord.write(answers[i], into: &out)
                            }
                        case .geoJSONSequence:
                            try AnswerStream.records(answers.count, bytesPerRecord: 400 * (min(k, 64) + 1)) { i, out in
                                out.append(try AnswerStream.geoJSONRecords(NearRailForEveryDeposit.features(of: answers[i], deposit: deposits[deposits.startIndex + i]), precision: precision))
                            }
                        }
                        for block in blocks { try write(block) }
                    }
                }
            }) { chunk in try pipeline?.submit(chunk) }
            try pipeline?.finish()
        }
    }
}
