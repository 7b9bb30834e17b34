import DepositAnswers
import DepositIndex
import Foundation

/// A progress line on stderr (features done, rate, time left), redrawn in place, only when stderr is a
/// terminal: a script or a log file gets no progress noise.
final class ProgressLine {
    private let label: String
    private let enabled = StandardStreams.errorIsTerminal
    private let started = Date()
    private var lastDraw = Date.distantPast
    private var drawn = false

    init(label: String) {
        self.label = label
    }

    func update(_ p: StoreProgress) {
        guard enabled else { return }
        let now = Date()
        // Redraw at most ten times a second; the terminal is slower than the import.
        guard now.timeIntervalSince(lastDraw) >= 0.1 || p.doneAll == p.totalAll else { return }
        lastDraw = now
        let elapsed = now.timeIntervalSince(started)
        let rate = elapsed > 0 ? Double(p.doneAll) / elapsed : 0
        let left = rate > 0 ? Double(p.totalAll - p.doneAll) / rate : 0
        let text = "\(label) \(p.layer.table): \(p.doneAll)/\(p.totalAll) features, \(Int(rate))/s, \(String(format: "%.0f", left)) s left"
        StandardStreams.error("\r\u{1B}[K\(text)")
        drawn = true
    }

    func finish() {
        if drawn { StandardStreams.error("\r\u{1B}[K") }
    }
}
