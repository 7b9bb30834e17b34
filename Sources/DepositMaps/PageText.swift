/// Text made safe for where a page puts it (the map pages here, the server's own HTML pages too).
public enum PageText {
    /// Text for an HTML element's content or a quoted attribute: `&`, `<`, `>`, `"` and `'` as character references.
    ///
    ///     PageText.html("<b>Kuryk & Aktau</b>")   // "&lt;b&gt;Kuryk &amp; Aktau&lt;/b&gt;"
    public static func html(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    /// JSON text inside `<script type="application/json">`: `<` can only stand inside a JSON string, where
    /// `\u003c` reads the same, so no `</script` or `<!--` in the data can end the element early.
    static func json(_ s: String) -> String {
        s.contains("<") ? s.replacingOccurrences(of: "<", with: "\\u003c") : s
    }

    /// Script or style code inside `<script>`/`<style>`: a `</script` or `</style` (which can stand only in a
    /// string or comment of sane code) becomes `<\/…`, which a string reads the same.
    static func code(_ s: String) -> String {
        guard s.contains("</") else { return s }
        var out = s
        for tag in ["</script", "</SCRIPT", "</Script", "</style", "</STYLE", "</Style"] {
            out = out.replacingOccurrences(of: tag, with: "<\\/" + tag.dropFirst(2))
        }
        return out
    }
}
