import CLibPQ
import Foundation

/// How a PostgreSQL store is named by the user and in messages: a `postgresql://` or `postgres://`
/// URL, or `postgresql:` / `postgresql://` alone for everything from the PG* environment variables
/// (`PGHOST`, `PGPORT`, `PGDATABASE`, `PGUSER`, `PGPASSWORD`, `~/.pgpass`, `PGSERVICE`), which libpq
/// reads itself. Messages name the host, port, database and user, never the password.
///
///     ConnectionText.isPostgreSQL("postgresql://me:secret@db.example/catalog")  // true
///     ConnectionText.redacted("postgresql://me:secret@db.example/catalog")      // "postgresql://me:***@db.example/catalog"
public enum ConnectionText {
    /// True when `text` names a PostgreSQL database rather than a GeoPackage file.
    public static func isPostgreSQL(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("postgresql:") || lower.hasPrefix("postgres:")
    }

    /// The conninfo libpq is given: the URL as it is, or "" (every setting from the environment)
    /// for `postgresql:` and `postgres:` with nothing after them.
    static func conninfo(_ text: String) -> String {
        let lower = text.lowercased()
        if ["postgresql:", "postgres:"].contains(lower) { return "" }
        return text
    }

    /// The password a URL carries (`user:password@`, or a `password=` parameter), if any.
    static func password(in text: String) -> String? {
        var options: UnsafeMutablePointer<PQconninfoOption>?
        options = PQconninfoParse(conninfo(text), nil)
        guard let options else { return nil }
        defer { PQconninfoFree(options) }
        var p = options
        while let keyword = p.pointee.keyword {
            if String(cString: keyword) == "password", let value = p.pointee.val { return String(cString: value) }
            p += 1
        }
        return nil
    }

    /// `text` with any password in it replaced by `***`: the user:password part of a URL, a
    /// `password=` parameter, and any other occurrence of the password's text.
    public static func redacted(_ text: String, password known: String? = nil) -> String {
        var out = text
        // user:password@ in a URL, whatever libpq makes of the rest.
        if let scheme = out.range(of: "://") {
            let rest = out[scheme.upperBound...]
            let authorityEnd = rest.firstIndex(where: { "/?#".contains($0) }) ?? rest.endIndex
            if let at = rest[..<authorityEnd].lastIndex(of: "@"), let colon = rest[..<at].firstIndex(of: ":") {
                out.replaceSubrange(out.index(after: colon)..<at, with: "***")
            }
        }
        // password=... as a URL parameter or a conninfo keyword.
        if let regex = try? NSRegularExpression(pattern: "(password\\s*=\\s*)('(?:[^'\\\\]|\\\\.)*'|[^&\\s]*)", options: [.caseInsensitive]) {
            out = regex.stringByReplacingMatches(in: out, range: NSRange(out.startIndex..., in: out), withTemplate: "$1***")
        }
        for secret in [known, password(in: text)].compactMap({ $0 }) where secret.count >= 4 {
            out = out.replacingOccurrences(of: secret, with: "***")
            if let encoded = secret.addingPercentEncoding(withAllowedCharacters: .alphanumerics), encoded != secret {
                out = out.replacingOccurrences(of: encoded, with: "***")
            }
        }
        return out
    }
}
