/// The style sheet both map pages share (after Leaflet's own).
enum MapStyle {
    static let source = """
    html, body { margin: 0; height: 100%; font: 13px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
    #dm-map { position: absolute; top: 0; bottom: 0; left: 0; right: 0; background: #dfe8ee; }
    body.dm-web #dm-map { right: 360px; }
    #dm-panel { position: absolute; top: 0; bottom: 0; right: 0; width: 360px; overflow: auto; box-sizing: border-box;
      padding: 10px 12px; border-left: 1px solid #bbb; background: #fff; }
    #dm-panel h1 { font-size: 16px; margin: 0 0 8px; }
    #dm-search { width: 100%; box-sizing: border-box; font-size: 14px; padding: 6px 8px; }
    #dm-results { list-style: none; margin: 4px 0; padding: 0; }
    .dm-result { padding: 4px 6px; cursor: pointer; border-bottom: 1px solid #eee; }
    .dm-result:hover { background: #eef4fb; }
    #dm-status { color: #555; margin: 6px 0; min-height: 1.3em; }
    .dm-title { font-size: 15px; margin: 10px 0 6px; }
    .dm-row { display: flex; gap: 8px; padding: 2px 0; }
    .dm-key { flex: 0 0 40%; color: #555; }
    .dm-value { flex: 1; }
    .dm-rail-distance .dm-value { font-weight: bold; }
    .dm-error .dm-value { color: #b00; }
    .dm-near { margin: 4px 0 0 18px; padding: 0; }
    .dm-legend { background: rgba(255,255,255,0.92); padding: 6px 8px; border-radius: 4px; box-shadow: 0 1px 4px rgba(0,0,0,0.3); max-width: 240px; }
    .dm-legend-title { margin-top: 4px; font-weight: bold; }
    .dm-swatch { display: inline-block; width: 18px; height: 10px; margin: 0 6px -1px 0; border: 1px solid #222; box-sizing: border-box; }
    .dm-swatch.dm-line, .dm-swatch.dm-dash { height: 0; border: 0; border-top: 3px solid #000; margin-bottom: 3px; }
    .dm-swatch.dm-dash { border-top-style: dashed; }
    .dm-swatch.dm-dot { width: 10px; border-radius: 50%; margin-right: 14px; }
    .dm-distance { background: rgba(255,255,255,0.9); border: 1px solid #111; font-weight: bold; padding: 1px 4px; box-shadow: none; }
    .dm-distance::before { display: none; }
    .dm-name { background: rgba(255,255,255,0.8); border: 0; box-shadow: none; padding: 0 3px; font-size: 12px; }
    .dm-name::before { display: none; }
    .dm-popup table { border-collapse: collapse; margin-top: 4px; }
    .dm-popup th { text-align: left; color: #555; font-weight: normal; padding: 1px 8px 1px 0; vertical-align: top; }
    .dm-popup td { padding: 1px 0; max-width: 280px; word-wrap: break-word; }
    """
}
