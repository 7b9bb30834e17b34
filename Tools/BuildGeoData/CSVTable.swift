import Foundation

/// A CSV file read into rows keyed by the header's column names (RFC 4180: commas, double quotes,
/// doubled quotes inside quoted fields, newlines allowed inside quotes). With `comments`, lines that begin
/// with `#` (as in the raw files that explain their columns above the header) are skipped; line numbers still
/// count them.
struct CSVTable {
    /// Where the table came from, for messages.
    let name: String
    let columns: [String]
    /// Each row with the line it starts on (1-based, the header being line 1).
    let rows: [(line: Int, values: [String: String])]

    init(contentsOf url: URL, comments: Bool = false) throws {
        let text = try String(contentsOf: url, encoding: .utf8)
        try self.init(text: text, name: url.lastPathComponent, comments: comments)
    }

    init(text: String, name: String, comments: Bool = false) throws {
        self.name = name
        // A comment line becomes an empty one, so the lines after it keep their numbers.
        let text = comments ? text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("#") ? "" : String($0) }.joined(separator: "\n") : text
        let records = try CSVTable.records(in: text, name: name).drop(while: { $0.fields == [""] })
        guard let header = records.first else { throw BuildError("\(name): empty CSV file") }
        columns = header.fields
        var rows = [(line: Int, values: [String: String])]()
        for record in records.dropFirst() {
            if record.fields == [""] { continue }
            guard record.fields.count == header.fields.count else {
                throw BuildError("\(name) line \(record.line): \(record.fields.count) fields, the header has \(header.fields.count)")
            }
            rows.append((record.line, Dictionary(uniqueKeysWithValues: zip(header.fields, record.fields))))
        }
        self.rows = rows
    }

    /// The value of `column` in a row, failing with the file and line when the column is unknown.
    func value(_ column: String, in row: (line: Int, values: [String: String])) throws -> String {
        guard let v = row.values[column] else { throw BuildError("\(name) line \(row.line): no column \"\(column)\"") }
        return v
    }

    private static func records(in text: String, name: String) throws -> [(line: Int, fields: [String])] {
        var records = [(line: Int, fields: [String])]()
        var fields = [String]()
        var field = ""
        var quoted = false
        var line = 1
        var recordLine = 1
        var scalars = Array(text.unicodeScalars)[...]
        while let c = scalars.popFirst() {
            if quoted {
                if c == "\"" {
                    if scalars.first == "\"" { field.unicodeScalars.append("\""); scalars.removeFirst() } else { quoted = false }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"" where field.isEmpty: quoted = true
            case ",": fields.append(field); field = ""
            case "\r": continue
            case "\n":
                fields.append(field); field = ""
                records.append((recordLine, fields)); fields = []
                line += 1; recordLine = line
            default: field.unicodeScalars.append(c)
            }
        }
        if quoted { throw BuildError("\(name) line \(recordLine): a quoted field is not closed") }
        if !field.isEmpty || !fields.isEmpty { fields.append(field); records.append((recordLine, fields)) }
        return records
    }
}
