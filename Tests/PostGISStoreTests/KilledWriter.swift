import Foundation

/// `kill -9` of a `deposits add` at moments spread over its run, against any store (the `--store` argument):
/// after each kill the store must hold what it held before, or, when the kill came after the commit, all
/// of the survey; never part of it. A survey of many blocks makes the add's transaction long enough to be
/// killed inside it. Afterwards a normal add must go through: a killed writer leaves no lock behind.
struct KilledWriter: Sendable {
    let store: String
    let directory: URL
    /// Blocks in the big survey.
    let blocks: Int
    /// The lower-left corner of block n; blocks must lie inside the store's country layer, apart.
    let blockCorner: @Sendable (Int) -> (lon: Double, lat: Double)

    struct Round: Sendable {
        var afterSeconds: Double
        /// What the store held after the kill: "before", "after" (the whole survey) or a mixture.
        var state: String
    }

    /// Times one uninterrupted add (undone again by `remove`), then kills adds at `fractions` of that time.
    func run(fractions: [Double]) throws -> (fullSeconds: Double, rounds: [Round], addAfterwards: Int32) {
        let survey = directory.appendingPathComponent("big-survey.geojson")
        let ids = (0..<blocks).map { "kill-\($0)" }
        try text(ids: ids).write(to: survey, atomically: true, encoding: .utf8)
        guard let before = try listIDs() else { throw ManyWriters.Failure("cannot list \(store)") }

        let started = Date()
        let full = try DepositsRun.run(["add", survey.path, "--store", store])
        let fullSeconds = Date().timeIntervalSince(started)
        guard full.status == 0 else { throw ManyWriters.Failure("the uninterrupted add failed (\(full.status)): \(full.stderr)") }
        let removed = try DepositsRun.run(["remove"] + ids + ["--store", store])
        guard removed.status == 0 else { throw ManyWriters.Failure("remove after the uninterrupted add failed: \(removed.stderr)") }

        var rounds = [Round]()
        for fraction in fractions {
            let p = Process()
            p.executableURL = DepositsRun.executable
            p.arguments = ["add", survey.path, "--store", store]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            let wait = fullSeconds * fraction
            Thread.sleep(forTimeInterval: wait)
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            guard let now = try listIDs() else { throw ManyWriters.Failure("cannot list \(store) after a kill") }
            let added = now.subtracting(before)
            let state: String
            if now == before { state = "before" }
            else if added == Set(ids), before.isSubset(of: now) { state = "after" }
            else { state = "mixture: \(added.count) of \(blocks) added, \(before.subtracting(now).count) lost" }
            rounds.append(Round(afterSeconds: wait, state: state))
            if state == "after" {
                let r = try DepositsRun.run(["remove"] + ids + ["--store", store])
                guard r.status == 0 else { throw ManyWriters.Failure("remove after a committed add failed: \(r.stderr)") }
            }
        }
        let again = try DepositsRun.run(["add", survey.path, "--store", store])
        return (fullSeconds, rounds, again.status)
    }

    private func listIDs() throws -> Set<String>? { try ManyWriters.listIDs(store) }

    private func text(ids: [String]) -> String {
        ManyWriters.collection(ids.enumerated().map { n, id in
            let (lon, lat) = blockCorner(n)
            return ManyWriters.block(id, lon: lon, lat: lat)
        })
    }
}
