/// The script both map pages share (after Leaflet): styles per feature `kind`, popups, distance labels,
/// legend, scale bar and layer toggles, the offline answer page (`DepositMap.answer`) and the web map
/// (`DepositMap.web`). Written here, not fetched: a page carries everything it runs.
enum MapScript {
    static let source = #"""
(function () {
'use strict';
var D = window.DepositMap = {};
// What the page drew, for a reader and for the browser tests: features per layer.
D.drawn = {};

/// A distance as the CLI's tables write it: whole metres under 1 km, else km to one decimal.
D.km = function (m) {
  if (typeof m !== 'number' || !isFinite(m)) return '-';
  return m < 1000 ? Math.round(m) + ' m' : (m / 1000).toFixed(1) + ' km';
};

/// Colour of a deposit by its distance to rail (metres), five classes.
D.railClasses = [
  [10000, '#1a9850', 'under 10 km'], [25000, '#91cf60', '10–25 km'], [50000, '#fee08b', '25–50 km'],
  [100000, '#fc8d59', '50–100 km'], [Infinity, '#d73027', '100 km or more']
];
D.railColour = function (m) {
  if (typeof m !== 'number') return '#8c6d31';
  for (var i = 0; i < D.railClasses.length; i++) if (m < D.railClasses[i][0]) return D.railClasses[i][1];
  return '#d73027';
};

var componentColours = ['#1b9e77', '#d95f02', '#7570b3', '#e7298a', '#66a61e', '#e6ab02', '#a6761d', '#666666'];

/// Style of a line or polygon by its kind.
D.style = function (f) {
  var p = f.properties || {}, k = p.kind;
  // Points keep the circles `D.point` gave them.
  if (f.geometry && (f.geometry.type === 'Point' || f.geometry.type === 'MultiPoint')) return {};
  switch (k) {
    case 'base_country': return { color: '#4d4d4d', weight: 1.6, fillColor: '#fbfaf4', fillOpacity: 1 };
    case 'base_region': return { color: '#9e9e9e', weight: 0.8, fill: false, dashArray: '4 3' };
    case 'base_rail':
      var s = p.status;
      return { color: '#3c3c3c', weight: 1.3, opacity: 0.85,
               dashArray: s === 'under_construction' ? '6 4' : s === 'planned' ? '1 4' : null };
    case 'deposit': return { color: '#5b3a0a', weight: 1.5, fillColor: D.railColour(p.rail_distance_m), fillOpacity: 0.85 };
    case 'rail': return { color: '#c51b7d', weight: 4, opacity: 0.9 };
    case 'distance': case 'access': return { color: '#111111', weight: 2.5, dashArray: '6 5' };
    case 'corridor': return { color: '#2166ac', weight: 3, opacity: 0.6, dashArray: '10 6', fill: false };
    case 'corridor_outline': return { color: '#2166ac', weight: 1, fillColor: '#67a9cf', fillOpacity: 0.25 };
    case 'survey': return { color: '#08519c', weight: 2, fillColor: '#6baed6', fillOpacity: 0.3 };
    case 'region': return { color: '#238b45', weight: 2, fillColor: '#a1d99b', fillOpacity: 0.3 };
    case 'component': return { color: componentColours[(p.component || 0) % componentColours.length], weight: 2.5 };
    case 'bridge': case 'break': case 'border_detour': return { color: '#e31a1c', weight: 3, dashArray: '3 3' };
    default: return { color: '#e31a1c', weight: 2, fillOpacity: 0.3 };
  }
};

/// Points as circles (Leaflet's default marker is an image file, which a page carrying everything avoids).
D.point = function (f, latlng) {
  var p = f.properties || {}, k = p.kind;
  var o = { radius: 5, color: '#222', weight: 1.5, fillColor: '#ffffff', fillOpacity: 1 };
  if (k === 'query' || k === 'point' || k === 'place') { o.radius = 7; o.fillColor = '#e31a1c'; }
  else if (k === 'deposit') { o.radius = 7; o.fillColor = D.railColour(p.rail_distance_m); }
  else if (k === 'gateway' || p.gateway) { o.radius = 7; o.fillColor = '#6a3d9a'; }
  else if (k === 'station' || k === 'port' || k === 'border_crossing') { o.radius = 5; o.fillColor = '#ffffff'; }
  else if (k === 'dead_end') { o.radius = 4; o.fillColor = '#ff7f00'; }
  else if (!k) { o.radius = 6; o.fillColor = p.severity === 'warning' ? '#ff7f00' : '#e31a1c'; }
  return L.circleMarker(latlng, o);
};

/// Text as a DOM node for a tooltip: Leaflet sets a string tooltip as HTML, and names come from the data.
D.text = function (s) {
  var e = document.createElement('span');
  e.textContent = String(s);
  return e;
};

/// The label a feature's distance gets on the map, or null.
D.label = function (f) {
  var p = f.properties || {};
  if (p.kind === 'distance' && typeof p.distance_m === 'number') return D.km(p.distance_m);
  if (p.kind === 'access' && typeof p.access_m === 'number') return D.km(p.access_m);
  // A route to each gateway is labelled at its gateway (`names`), where routes sharing track cannot pile up.
  if (p.kind === 'rail' && typeof p.total_m === 'number' && !p.gateway_id) return D.km(p.total_m) + ' total';
  return null;
};

/// A popup: the feature's name as a heading, then its properties, every value set as text (never HTML).
D.popup = function (f) {
  var p = f.properties || {}, box = document.createElement('div');
  box.className = 'dm-popup';
  var h = document.createElement('b');
  h.textContent = p.name || f.id || p.kind || 'feature';
  box.appendChild(h);
  var t = document.createElement('table');
  var keys = Object.keys(p);
  if (f.id !== undefined && f.id !== null) keys.unshift('id');
  keys.forEach(function (k) {
    if (k === 'name') return;
    var v = k === 'id' && p.id === undefined ? f.id : p[k];
    if (v === null || v === undefined || (typeof v === 'object' && !Array.isArray(v))) return;
    var tr = document.createElement('tr'), a = document.createElement('th'), b = document.createElement('td');
    a.textContent = k;
    b.textContent = Array.isArray(v) ? v.join(', ') : (typeof v === 'number' && /_m$/.test(k)) ? D.km(v) + '  (' + v + ' m)' : String(v);
    tr.appendChild(a); tr.appendChild(b); t.appendChild(tr);
  });
  box.appendChild(t);
  return box;
};

function count(name, n) { D.drawn[name] = (D.drawn[name] || 0) + n; }

/// A GeoJSON layer with the shared styles, popups and distance labels.
D.layer = function (geojson, name, extra, names) {
  var n = 0;
  // Names stay on the map for the stations and gateways of an answer, and for its deposits when few.
  var deposits = (geojson.features || []).filter(function (f) { return f.properties && f.properties.kind === 'deposit'; }).length;
  var layer = L.geoJSON(geojson, Object.assign({
    style: D.style,
    pointToLayer: D.point,
    onEachFeature: function (f, l) {
      n++;
      l.bindPopup(function () { return D.popup(f); });
      var label = D.label(f);
      var p = f.properties || {}, point = f.geometry && f.geometry.type === 'Point';
      var text = p.label || p.name;
      if (text && p.kind === 'gateway' && typeof p.total_m === 'number') text += ': ' + D.km(p.total_m);
      var stays = names && ((point && (p.kind === 'station' || p.kind === 'gateway' || p.gateway)) || (p.kind === 'deposit' && deposits <= 12));
      // Beside the line's middle, not on it: a short connector's label would hide its deposit.
      if (label) l.bindTooltip(D.text(label), { permanent: true, direction: 'right', offset: [10, 0], className: 'dm-distance' });
      else if (text && stays) l.bindTooltip(D.text(text), { permanent: true, direction: 'right', offset: [8, 0], className: 'dm-name' });
      else if (text && (point || p.kind === 'rail' || p.kind === 'deposit')) l.bindTooltip(D.text(text), { sticky: !point, direction: 'top' });
    }
  }, extra || {}));
  // A deposit outline is a couple of km across, less than a pixel at the country's zoom: a dot at its
  // centre keeps it in sight, with the same colour and popup.
  var dots = [];
  layer.eachLayer(function (l) {
    var f = l.feature, p = (f && f.properties) || {};
    if (p.kind !== 'deposit' || !l.getBounds) return;
    var dot = L.circleMarker(l.getBounds().getCenter(), { radius: 5, color: '#5b3a0a', weight: 1.2, fillColor: D.railColour(p.rail_distance_m), fillOpacity: 0.95 });
    dot.feature = f;
    dot.bindPopup(function () { return D.popup(f); });
    if (p.name) dot.bindTooltip(D.text(p.name), { direction: 'top' });
    dots.push(dot);
  });
  dots.forEach(function (d) { layer.addLayer(d); });
  count(name, n);
  return layer;
};

/// The base layers, each its own toggle: country, regions, rail. `quiet`: none of them takes clicks (on
/// the web map a click anywhere asks `at`; Leaflet gives a click inside a polygon to the polygon).
D.base = function (map, geojson, quiet) {
  function only(kind) { return { type: 'FeatureCollection', features: geojson.features.filter(function (f) { return f.properties.kind === kind; }) }; }
  var layers = {
    'Country': D.layer(only('base_country'), 'country', { interactive: false }),
    'Regions': D.layer(only('base_region'), 'regions', quiet ? { interactive: false } : null),
    'Rail lines': D.layer(only('base_rail'), 'rail', quiet ? { interactive: false } : null)
  };
  Object.keys(layers).forEach(function (k) { layers[k].addTo(map); });
  return layers;
};

/// The legend: a swatch per kind shown.
D.legend = function (map, kinds, railColours) {
  var names = {
    base_country: ['Country', 'area', '#fbfaf4', '#4d4d4d'], base_region: ['Region border', 'dash', '#9e9e9e'],
    base_rail: ['Rail line (dashed: under construction; dotted: planned)', 'line', '#3c3c3c'],
    deposit: ['Deposit', 'area', '#8c6d31', '#5b3a0a'], rail: ['Rail line of the answer', 'line', '#c51b7d'],
    distance: ['Distance measured (geodesic)', 'dash', '#111'], access: ['Access leg, off the rail', 'dash', '#111'],
    station: ['Station', 'dot', '#ffffff'], gateway: ['Gateway (port, border crossing)', 'dot', '#6a3d9a'],
    query: ['Place asked about', 'dot', '#e31a1c'], corridor: ['Corridor centre line', 'dash', '#2166ac'],
    corridor_outline: ['Corridor near the deposit', 'area', '#67a9cf', '#2166ac'], region: ['Region of the answer', 'area', '#a1d99b', '#238b45'],
    component: ['Network component', 'line', '#1b9e77'], bridge: ['Gap bridged / break', 'dash', '#e31a1c'],
    dead_end: ['Dead end', 'dot', '#ff7f00'], problem: ['Survey problem (orange: warning)', 'dot', '#e31a1c'],
    survey: ['Survey outline', 'area', '#6baed6', '#08519c']
  };
  var c = L.control({ position: 'bottomright' });
  c.onAdd = function () {
    var div = L.DomUtil.create('div', 'dm-legend');
    var h = document.createElement('b'); h.textContent = 'Legend'; div.appendChild(h);
    function row(label, shape, fill, stroke) {
      var r = document.createElement('div'), s = document.createElement('span');
      s.className = 'dm-swatch dm-' + shape;
      if (shape === 'line' || shape === 'dash') s.style.borderTopColor = fill; else { s.style.background = fill; s.style.borderColor = stroke || '#222'; }
      r.appendChild(s); r.appendChild(document.createTextNode(label)); div.appendChild(r);
    }
    kinds.forEach(function (k) { var n = names[k]; if (n) row(n[0], n[1], n[2], n[3]); });
    if (railColours) {
      var t = document.createElement('div'); t.className = 'dm-legend-title'; t.textContent = 'Deposit, by distance to rail'; div.appendChild(t);
      D.railClasses.forEach(function (c) { row(c[2], 'area', c[1], '#5b3a0a'); });
    }
    L.DomEvent.disableClickPropagation(div);
    return div;
  };
  c.addTo(map);
  return c;
};

function kindsOf(geojson) {
  var seen = [];
  (geojson.features || []).forEach(function (f) {
    var k = (f.properties && f.properties.kind) || 'problem';
    if (f.properties && f.properties.gateway && k !== 'rail') k = 'gateway';
    if (k === 'border_crossing' || k === 'port') k = 'station';
    if (k === 'point' || k === 'place') k = 'query';
    if (k === 'break' || k === 'border_detour') k = 'bridge';
    if (seen.indexOf(k) < 0) seen.push(k);
  });
  return seen;
}

/// Fitting an answer in view clear of the layer toggles (top right) and the legend (bottom right).
D.clear = { paddingTopLeft: [50, 40], paddingBottomRight: [270, 60], maxZoom: 11 };

function newMap(id) {
  var map = L.map(id, { preferCanvas: true, zoomSnap: 0.25, worldCopyJump: false, attributionControl: true });
  map.attributionControl.setPrefix(false);
  L.control.scale({ metric: true, imperial: false, maxWidth: 160 }).addTo(map);
  return map;
}

function readJSON(id) { return JSON.parse(document.getElementById(id).textContent); }

/// The offline page of one answer: base, answer, legend, scale, toggles; fitted to the answer.
D.answer = function () {
  var base = readJSON('dm-base'), answer = readJSON('dm-answer'), meta = readJSON('dm-meta');
  var map = newMap('dm-map');
  if (meta.attribution) map.attributionControl.addAttribution(meta.attribution.replace(/&/g, '&amp;').replace(/</g, '&lt;'));
  var layers = D.base(map, base);
  var answerLayer = D.layer(answer, 'answer', null, true).addTo(map);
  layers[meta.answerName || 'Answer'] = answerLayer;
  L.control.layers(null, layers, { collapsed: false, position: 'topright' }).addTo(map);
  var kinds = kindsOf(answer);
  var railColours = answer.features.some(function (f) { return f.properties && typeof f.properties.rail_distance_m === 'number'; });
  D.legend(map, ['base_country', 'base_region', 'base_rail'].concat(kinds.filter(function (k) { return !/^base_/.test(k); })), railColours);
  var bounds = answerLayer.getBounds();
  if (!bounds.isValid()) bounds = layers['Country'].getBounds();
  if (bounds.isValid()) map.fitBounds(bounds, D.clear); else map.setView([48, 68], 5);
  document.getElementById('dm-map').setAttribute('data-drawn', JSON.stringify(D.drawn));
  D.map = map;
  return map;
};

// ---- The web map at the server's `/` ----

/// Name folding for search: case, diacritics and the Kazakh letters' Russian neighbours, so "верхнее
/// кайракты", "Upper Kayrakty" and "Жоғарғы Қайрақты" all find the deposit they name.
D.fold = function (s) {
  var map = { 'ё': 'е', 'ә': 'а', 'ғ': 'г', 'қ': 'к', 'ң': 'н', 'ө': 'о', 'ұ': 'у', 'ү': 'у', 'һ': 'х', 'і': 'и', 'й': 'и' };
  return String(s).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[ёәғқңөұүһій]/g, function (c) { return map[c]; }).replace(/[\s\-–—_'"().,]+/g, ' ').trim();
};

function element(tag, cls, text) {
  var e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function problemText(r, body) {
  try { var j = JSON.parse(body); return (j.title || 'error') + (j.detail ? ': ' + j.detail : ''); } catch (e) { return 'HTTP ' + r.status; }
}

function getJSON(url) {
  return fetch(url, { headers: { 'Accept': 'application/json' } }).then(function (r) {
    return r.text().then(function (body) {
      if (!r.ok) throw new Error(problemText(r, body));
      return JSON.parse(body);
    });
  });
}

/// The web map: `opts` names the endpoints (same origin).
D.web = function (opts) {
  var base = readJSON('dm-base');
  var map = newMap('dm-map');
  var layers = D.base(map, base, true);
  var country = layers['Country'].getBounds();
  if (country.isValid()) map.fitBounds(country, { padding: [10, 10] }); else map.setView([48, 68], 5);
  performance.mark('dm-base-drawn');
  var control = L.control.layers(null, layers, { collapsed: false, position: 'topright' }).addTo(map);
  D.legend(map, ['base_country', 'base_region', 'base_rail', 'station', 'query', 'rail', 'distance', 'corridor'], true);
  var panel = document.getElementById('dm-panel-body'), status = document.getElementById('dm-status');
  var state = D.state = { deposits: [], depositLayer: null, answer: null };

  function setStatus(t) { status.textContent = t; }
  function showAnswer(geojson) {
    if (state.answer) map.removeLayer(state.answer);
    state.answer = D.layer(geojson, 'panel', null, true).addTo(map);
  }

  // Deposits, coloured by distance to rail (measured when the page was made); every page of items.
  function allItems(url, into) {
    return getJSON(url).then(function (fc) {
      into.push.apply(into, fc.features || []);
      var next = (fc.links || []).filter(function (l) { return l.rel === 'next'; })[0];
      return next && into.length < 200000 ? allItems(next.href, into) : into;
    });
  }
  var distances = readJSON('dm-distances');
  var depositsReady = allItems(opts.deposits, []).then(function (features) {
    features.forEach(function (f) {
      f.properties = f.properties || {};
      f.properties.kind = 'deposit';
      var near = distances[f.id];
      if (near) { f.properties.rail_distance_m = near[0]; f.properties.rail_name = near[1]; }
    });
    var fc = { type: 'FeatureCollection', features: features };
    state.deposits = features;
    state.depositLayer = D.layer(fc, 'deposits').addTo(map);
    control.addOverlay(state.depositLayer, 'Deposits (by distance to rail)');
    performance.mark('dm-deposits-drawn');
    document.getElementById('dm-map').setAttribute('data-drawn', JSON.stringify(D.drawn));
    var located = features.filter(function (f) { return f.geometry; }).length;
    setStatus(features.length + ' deposits, ' + located + ' with a published location; click the map for what is there');
  }).catch(function (e) { setStatus('Deposits could not be loaded: ' + e.message); });

  getJSON(opts.stations).then(function (fc) {
    fc.features.forEach(function (f) { f.properties.kind = 'station'; });
    control.addOverlay(D.layer(fc, 'stations'), 'Stations');
  }).catch(function () {});
  getJSON(opts.corridors).then(function (fc) {
    fc.features.forEach(function (f) { f.properties.kind = 'corridor'; });
    control.addOverlay(D.layer(fc, 'corridors'), 'Corridors');
  }).catch(function () {});

  function row(label, value, cls) {
    var r = element('div', 'dm-row ' + (cls || ''));
    r.appendChild(element('span', 'dm-key', label));
    r.appendChild(element('span', 'dm-value', value));
    panel.appendChild(r);
    return r;
  }
  function title(t) { panel.textContent = ''; panel.appendChild(element('h2', 'dm-title', t)); }

  // A deposit picked from the search: its nearest rail, the connector drawn.
  function showDeposit(f) {
    title(f.properties.name || f.id);
    row('id', f.id);
    if (f.properties.commodities) row('commodities', [].concat(f.properties.commodities).join(', '));
    if (f.properties.status) row('status', f.properties.status);
    var bounds = L.geoJSON(f).getBounds();
    if (bounds.isValid()) map.fitBounds(bounds.pad(8), { maxZoom: 10 });
    return getJSON(opts.nearRail + encodeURIComponent(f.id)).then(function (a) {
      var r = (a.results || [])[0];
      if (!r) { row('nearest rail', 'none within the limit'); return; }
      row('nearest rail', r.rail_name, 'dm-rail-name');
      row('distance to rail', D.km(r.distance_m), 'dm-rail-distance');
      if (r.station) row('nearest station', r.station.name + ', ' + D.km(r.station.distance_m) + ' from the rail point');
      var fc = { type: 'FeatureCollection', features: [
        { type: 'Feature', properties: { kind: 'distance', distance_m: r.distance_m, rail_name: r.rail_name },
          geometry: { type: 'LineString', coordinates: [r.from_point, r.rail_point] } }] };
      if (r.station) fc.features.push({ type: 'Feature', id: r.station.id, properties: { kind: 'station', name: r.station.name }, geometry: { type: 'Point', coordinates: r.station.location } });
      showAnswer(fc);
      map.fitBounds(state.answer.getBounds().extend(bounds), D.clear);
    }).catch(function (e) { row('error', e.message, 'dm-error'); });
  }

  // A click anywhere: the `at` answer.
  function showPlace(latlng) {
    var place = latlng.lat.toFixed(5) + ',' + L.Util.wrapNum(latlng.lng, [-180, 180], true).toFixed(5);
    title('At ' + place);
    setStatus('Asking ' + opts.at + place + ' …');
    return getJSON(opts.at + encodeURIComponent(place)).then(function (a) {
      setStatus('');
      var regions = a.regions === null || a.regions === undefined ? 'not asked'
        : a.regions.length ? a.regions.map(function (r) { return r.name + ' (' + r.id + ')' + (r.on_boundary ? ', on the border' : ''); }).join('; ')
        : 'none (outside the regions)';
      row('region', regions, 'dm-region');
      var fc = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { kind: 'query' }, geometry: { type: 'Point', coordinates: a.point } }] };
      var r = a.nearest_rail;
      if (r) {
        row('nearest rail', r.rail_name + ', ' + D.km(r.distance_m), 'dm-rail-distance');
        fc.features.push({ type: 'Feature', properties: { kind: 'distance', distance_m: r.distance_m, rail_name: r.rail_name },
                           geometry: { type: 'LineString', coordinates: [r.from_point, r.rail_point] } });
      }
      var s = a.nearest_station;
      if (s) {
        row('nearest station', s.name + ', ' + D.km(s.distance_m));
        fc.features.push({ type: 'Feature', id: s.id, properties: { kind: 'station', name: s.name }, geometry: { type: 'Point', coordinates: s.location } });
      }
      row('in corridors', a.corridors === null || a.corridors === undefined ? 'not asked'
        : a.corridors.length ? a.corridors.map(function (c) { return c.corridor_name + ' (' + D.km(c.distance_m) + ' from its centre line)'; }).join('; ') : 'none', 'dm-corridors');
      var g = a.nearest_gateways;
      if (g && (g.west || g.east)) {
        [['gateway west', g.west], ['gateway east', g.east]].forEach(function (w) {
          if (w[1]) row(w[0], w[1].name + ', ' + D.km(w[1].total_m) + ' (rail ' + D.km(w[1].rail_m) + ')');
        });
      }
      var near = a.deposits_within || [];
      row('deposits within ' + D.km(a.radius_m), String(near.length), 'dm-near-count');
      var list = element('ul', 'dm-near');
      near.forEach(function (d) { list.appendChild(element('li', null, d.name + ' — ' + D.km(d.distance_m))); });
      panel.appendChild(list);
      showAnswer(fc);
    }).catch(function (e) { setStatus(''); row('error', e.message, 'dm-error'); });
  }
  map.on('click', function (e) { showPlace(e.latlng); });

  // The search box: deposits by id, name or alias in any script.
  var input = document.getElementById('dm-search'), results = document.getElementById('dm-results');
  function matches(q) {
    var k = D.fold(q);
    if (!k) return [];
    return state.deposits.filter(function (f) {
      var names = [f.id, f.properties.name].concat(f.properties.aliases || []);
      return names.some(function (n) { return n && D.fold(n).indexOf(k) >= 0; });
    }).slice(0, 12);
  }
  function list() {
    results.textContent = '';
    matches(input.value).forEach(function (f) {
      var li = element('li', 'dm-result', f.properties.name + ' (' + f.id + ')');
      li.addEventListener('click', function () { results.textContent = ''; showDeposit(f); });
      results.appendChild(li);
    });
  }
  input.addEventListener('input', function () { depositsReady.then(list); });
  input.addEventListener('keydown', function (e) {
    if (e.key !== 'Enter') return;
    depositsReady.then(function () {
      var m = matches(input.value);
      results.textContent = '';
      if (m.length) showDeposit(m[0]); else { title('No deposit named ' + input.value); }
    });
  });
  D.map = map;
  return map;
};
})();
"""#
}
