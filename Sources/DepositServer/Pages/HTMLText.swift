import DepositMaps

/// Text made safe for HTML: `&`, `<`, `>`, `"` and `'` written as character references, so a name from
/// the data or a parameter from a request can never become markup.
enum HTMLText {
    static func escaped(_ s: String) -> String { PageText.html(s) }

    /// A plain page: a title, a line of links home, and the body given (already escaped markup).
    static func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escaped(title))</title>
        <style>body{font:15px/1.45 system-ui,sans-serif;margin:1.5em auto;max-width:70em;padding:0 1em;color:#222}
        table{border-collapse:collapse}td,th{border-bottom:1px solid #ddd;padding:.25em .6em;text-align:left;vertical-align:top}
        th{background:#f4f4f4}code{background:#f4f4f4;padding:0 .2em}nav a{margin-right:1em}</style></head>
        <body><nav><a href="/">Map</a><a href="/?f=html">OGC API</a><a href="/collections?f=html">Collections</a><a href="/api?f=html">API</a></nav>
        <h1>\(escaped(title))</h1>
        \(body)
        </body></html>

        """
    }
}
