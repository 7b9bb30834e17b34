import DepositIndex

/// `region SUBJECT` (`GET /region?place=…`): the regions holding a deposit or a point, or a region's deposits.
public struct RegionQuestion: Sendable {
    /// A deposit, coordinates, or a region (ISO code or name).
    public var subject: String

    /// The question with its options, defaults as the CLI's.
    public init(subject: String) { self.subject = subject }

    /// What a store must read to answer (see `StoreRequest`); from GeoJSON, the layers it names.
    public func storeRequest() throws -> StoreRequest {
        var request = try StoreRequest.about(subject)
        request.regions = CoordinateText.looksLikeCoordinates(subject) ? [] : [subject]
        request.regionsAround = true
        return request
    }

    /// The answer from `catalog`; a refusal throws an error `AnswerError(_:)` classifies (not found, usage, bad data).
    public func answer(catalog: Catalog) throws -> RegionAnswer { try RegionAnswer(catalog: catalog, subject: subject) }
}

/// `region --all`: every located deposit's region shares, measured on every core (`RegionForEveryDeposit`).
public struct RegionForEveryDepositQuestion: Sendable {
    /// The question; it has no options.
    public init() {}

    /// What a store must read to answer (see `StoreRequest`); from GeoJSON, the layers it names.
    public func storeRequest() -> StoreRequest { .all }

    /// The answer from `catalog`; without a regions layer it is refused (`QueryError.missingLayer`).
    public func answer(catalog: Catalog) throws -> RegionForEveryDeposit { try RegionForEveryDeposit(catalog: catalog) }

    /// The answer as records written as they are made (`AnswerStream`), a chunk of deposits at a time, each
    /// chunk measured on every core; what is held at once is the regions layer (read whole, once) and one chunk.
    ///
    /// Records come in the source's order (`DepositChunkSource`: a store's fid order, a catalog's file
    /// order). JSON Lines gives each located deposit's `region DEPOSIT --format json` answer on one line
    /// (`query`, `regions`, `outside_share`: the same keys and numbers); a GeoJSON text sequence gives one
    /// feature per located deposit (`RegionForEveryDeposit.feature(of:shares:)`). A deposit without a
    /// location has no record, as it has no answer to `region DEPOSIT`.
    ///
    ///     var text = [UInt8]()
    ///     try RegionForEveryDepositQuestion().stream(from: Catalog.bundled(), format: .jsonLines) { text += $0 }
    ///     // 19 lines, the first {"outside_share":0,"query":{"deposit_id":"kz-w-001"},"regions":[{"id":"KZ-KAR",...
    /// - Parameter write: takes each chunk's records, in order, one call at a time, on a thread of the
    ///   stream's own while the caller's reads the next chunk; what it throws ends the stream, and it is
    ///   not called again once `stream` has returned or thrown.
    public func stream(from source: some DepositChunkSource, format: AnswerStream.Format, precision: Int = 7,
                       chunkSize: Int = 8192, write: ([UInt8]) throws -> Void) throws {
        try withoutActuallyEscaping(write) { write in
            // Each chunk is answered and written on the pipeline's thread (on every core) while the
            // next is read: at most one chunk waits, one is answered.
            var pipeline: Pipeline<[Deposit]>?
            defer { pipeline?.cancel() }
            // A JSON Lines record shows a deposit's id alone; a feature shows its properties.
            let properties = format == .geoJSONSequence
            try source.forEachDepositChunk(size: chunkSize, reading: [.regions], properties: properties, start: { catalog in
                try catalog.requireLayers([.deposits, .regions])
                pipeline = Pipeline(depth: 1) { chunk in
                    let shares = try catalog.regionShares(for: chunk)
                    let located = shares.indices.filter { shares[$0] != nil }
                    let blocks = switch format {
                    case .jsonLines:
                        try AnswerStream.records(located.count, bytesPerRecord: 256) { i, out in
                            let d = located[i]
                            try RegionRecord.write(RegionAnswer(deposit: chunk[d], shares: shares[d]!), into: &out)
                        }
                    case .geoJSONSequence:
                        try AnswerStream.records(located.count, bytesPerRecord: 512) { i, out in
                            let d = located[i]
                            out.append(try AnswerStream.geoJSONRecords([RegionForEveryDeposit.feature(of: chunk[d], shares: shares[d]!)], precision: precision))
                        }
                    }
                    for block in blocks { try write(block) }
                }
            }) { chunk in try pipeline?.submit(chunk) }
            try pipeline?.finish()
        }
    }
}
