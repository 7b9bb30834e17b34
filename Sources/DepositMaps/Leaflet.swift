import DepositAnswers
import Foundation

/// Leaflet's script and style sheet, read at run time from Debian's `libjs-leaflet` (never fetched
/// from the network, never copied into this repository), for inlining into a map page.
public struct Leaflet: Sendable {
    /// Where `libjs-leaflet` installs Leaflet.
    public static let directory = "/usr/share/javascript/leaflet"

    /// leaflet.js (minified where the package has it), without its source-map comment.
    public let script: String
    /// leaflet.css.
    public let styleSheet: String

    /// Reads `leaflet.min.js` (else `leaflet.js`) and `leaflet.css` from `directory`. A missing
    /// package is one line naming it (`AnswerError`, bad data: 65).
    public static func load(from directory: String = Leaflet.directory) throws -> Leaflet {
        func read(_ names: [String]) throws -> String {
            for name in names {
                let path = directory + "/" + name
                guard FileManager.default.fileExists(atPath: path) else { continue }
                guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                    throw AnswerError(.badData, "cannot read \(path) (Leaflet, from the libjs-leaflet package) for --format html")
                }
                return text
            }
            throw AnswerError(.badData, "--format html needs Leaflet from Debian's libjs-leaflet package (no \(names[0]) in \(directory)); install it with: apt-get install libjs-leaflet")
        }
        let script = try read(["leaflet.min.js", "leaflet.js"])
        let css = try read(["leaflet.css"])
        // The source-map comment would only send a browser's developer tools looking for a file.
        let lines = script.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("//# sourceMappingURL=") }
        return Leaflet(script: lines.joined(separator: "\n"), styleSheet: css)
    }

    init(script: String, styleSheet: String) {
        self.script = script
        self.styleSheet = styleSheet
    }
}
