#!/usr/bin/env python3
"""The map pages in headless Chromium (Debian's chromium and chromedriver, driven by selenium).

1. An HTML answer file (`deposits near-rail "Upper Kairakty" --format html`) opened from disk with the
   network switched off: the deposit, the rail line, the connector and the station are drawn, the
   connector's label reads 35.2 km (README's near-rail example), the station is labelled Zharyk, and
   the page asked for nothing over the network.
2. The server's web map at `/` (`deposits-serve` on a free loopback port, bundled data): every located
   deposit drawn, "Верхнее Кайракты" typed in the search box reads 35.2 km in the panel, and a click on
   the map shows the region and nearest rail that `deposits at` gives for the same point. The first
   paint and the base map's drawing are measured and printed (not asserted: speed is not a test).

Screenshots go to --artifacts. Run by Tools/browser-test, which installs what this needs.
"""
import argparse, json, os, re, subprocess, sys, time
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

failures = []


def check(condition, what):
    print(("ok    " if condition else "FAIL  ") + what)
    if not condition:
        failures.append(what)


def browser(offline):
    o = webdriver.ChromeOptions()
    o.binary_location = '/usr/bin/chromium'
    for a in ['--headless=new', '--no-sandbox', '--disable-gpu', '--window-size=1400,900', '--lang=en']:
        o.add_argument(a)
    if offline:
        # Every request that is not to this machine goes to a proxy that is not there.
        o.add_argument('--proxy-server=127.0.0.1:9')
        o.add_argument('--proxy-bypass-list=<-loopback>')
    o.set_capability('goog:loggingPrefs', {'browser': 'ALL'})
    d = webdriver.Chrome(service=Service('/usr/bin/chromedriver'), options=o)
    if offline:
        d.execute_cdp_cmd('Network.enable', {})
        d.execute_cdp_cmd('Network.emulateNetworkConditions', {'offline': True, 'latency': 0, 'downloadThroughput': 0, 'uploadThroughput': 0})
    return d


def console_errors(d):
    return [e['message'] for e in d.get_log('browser') if e['level'] == 'SEVERE']


def cli(deposits, *args):
    return subprocess.run([deposits, *args], check=True, capture_output=True, text=True).stdout


def answer_file(args):
    path = os.path.abspath(os.path.join(args.artifacts, 'near-rail-upper-kairakty.html'))
    cli(args.deposits, 'near-rail', 'Upper Kairakty', '--format', 'html', '-o', path)
    print(f'answer page: {path} ({os.path.getsize(path)} bytes)')
    d = browser(offline=True)
    try:
        d.get('file://' + path)
        WebDriverWait(d, 20).until(lambda d: d.execute_script('return document.getElementById("dm-map").getAttribute("data-drawn")'))
        drawn = d.execute_script('return DepositMap.drawn')
        # The near-rail GeoJSON answer: the deposit, its nearest rail line, the distance line, the station.
        check(drawn.get('answer') == 4, f'answer page: the 4 features of the answer drawn ({drawn})')
        check(drawn.get('country') == 1 and drawn.get('regions') == 20, 'answer page: the country and its 20 regions drawn under it')
        labels = d.execute_script('return Array.from(document.querySelectorAll(".dm-distance")).map(e => e.textContent)')
        check(labels == ['35.2 km'], f'answer page: the connector labelled 35.2 km ({labels})')
        names = d.execute_script('return Array.from(document.querySelectorAll(".dm-name")).map(e => e.textContent)')
        check(any('Zharyk' in n for n in names), f'answer page: Zharyk station labelled ({names})')
        check(any('Upper Kairakty' in n for n in names), 'answer page: the deposit labelled')
        legend = d.execute_script('return document.querySelector(".dm-legend").innerText')
        check('Distance measured' in legend and 'Station' in legend, 'answer page: a legend')
        check(d.execute_script('return !!document.querySelector(".leaflet-control-scale-line")'), 'answer page: a scale bar')
        fetched = d.execute_script('return performance.getEntriesByType("resource").map(e => e.name)')
        check(not [u for u in fetched if not u.startswith(('data:', 'file:'))], f'answer page: nothing asked of the network ({fetched})')
        errors = console_errors(d)
        check(not errors, f'answer page: no errors in the console ({errors})')
        d.execute_script('DepositMap.map.eachLayer(function (l) { if (l.feature && l.feature.properties.kind === "distance") l.openPopup(); })')
        time.sleep(0.3)
        popup = d.execute_script('var p = document.querySelector(".dm-popup"); return p && p.innerText')
        check(popup is not None and 'distance_m' in popup, 'answer page: a popup with the feature\'s properties')
        d.execute_script('DepositMap.map.closePopup()')
        time.sleep(0.5)  # the popup fades out
        d.save_screenshot(os.path.join(args.artifacts, 'answer-near-rail-offline.png'))
    finally:
        d.quit()


def markup_in_names(args):
    """Names come from the data (surveys through `deposits add`, a team's --data or --store): markup in one is text
    on the page, never HTML. A copy of GeoData with Upper Kairakty renamed to an image whose load error would set
    the page's title."""
    import shutil, tempfile
    work = tempfile.mkdtemp(prefix='deposits-markup-')
    try:
        data = os.path.join(work, 'GeoData')
        shutil.copytree(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'GeoData'), data)
        hostile = '<img src=x onerror="document.title=\'INJECTED\'">'
        path = os.path.join(data, 'deposits.geojson')
        doc = json.load(open(path, encoding='utf-8'))
        for f in doc['features']:
            if f.get('id') == 'kz-w-001' or f.get('properties', {}).get('id') == 'kz-w-001':
                f['properties']['name'] = hostile
                f['properties'].pop('name_en', None)
        json.dump(doc, open(path, 'w', encoding='utf-8'), ensure_ascii=False)
        page = os.path.join(work, 'answer.html')
        cli(args.deposits, 'near-rail', 'kz-w-001', '--data', data, '--format', 'html', '-o', page)
        d = browser(offline=True)
        try:
            d.get('file://' + page)
            WebDriverWait(d, 20).until(lambda d: d.execute_script('return document.getElementById("dm-map").getAttribute("data-drawn")'))
            time.sleep(0.5)
            check(d.title != 'INJECTED' and not d.execute_script('return document.querySelectorAll(".leaflet-pane img[src=x], .leaflet-tooltip img").length'),
                  f'markup in a name: not run as HTML (title {d.title!r})')
            names = d.execute_script('return Array.from(document.querySelectorAll(".dm-name")).map(e => e.textContent)')
            check(any(hostile in n for n in names), 'markup in a name: shown as the text it is')
        finally:
            d.quit()
    finally:
        shutil.rmtree(work, ignore_errors=True)


def start_server(args):
    p = subprocess.Popen([args.serve, '--port', '0'], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    line = p.stdout.readline()
    m = re.search(r'http://127\.0\.0\.1:(\d+)/', line)
    if not m:
        p.kill()
        raise SystemExit(f'deposits-serve did not say where it listens: {line!r}')
    return p, f'http://127.0.0.1:{m.group(1)}/'


def web_map(args):
    server, url = start_server(args)
    d = browser(offline=False)
    try:
        d.get(url)
        WebDriverWait(d, 30).until(lambda d: d.execute_script('return window.DepositMap && DepositMap.drawn.deposits'))
        drawn = d.execute_script('return DepositMap.drawn')
        # 19 of the bundled 54 deposits have a published location (README: near-rail --all, "19 measured").
        located = len(json.loads(cli(args.deposits, 'near-rail', '--all', '--format', 'geojson'))['features']) and \
            sum(1 for f in json.loads(cli(args.deposits, 'export', '--layer', 'deposits'))['features'])
        check(drawn.get('deposits') == located, f'web map: every located deposit drawn ({drawn.get("deposits")} of {located})')
        check(drawn.get('regions') == 20 and drawn.get('rail') >= 1, 'web map: regions and rail drawn')
        paint = d.execute_script('return Object.fromEntries(performance.getEntriesByType("paint").concat(performance.getEntriesByType("mark")).map(e => [e.name, Math.round(e.startTime)]))')
        print(f'web map timings, ms from navigation: {paint}')
        with open(os.path.join(args.artifacts, 'web-map-timings.json'), 'w') as f:
            json.dump(paint, f)
        d.save_screenshot(os.path.join(args.artifacts, 'web-map.png'))

        box = d.find_element(By.ID, 'dm-search')
        box.send_keys('Верхнее Кайракты')
        WebDriverWait(d, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, '.dm-result'))
        results = [e.text for e in d.find_elements(By.CSS_SELECTOR, '.dm-result')]
        check(results == ['Verkhnee Kairaktinskoye (Upper Kairakty) (kz-w-001)'], f'web map: the Cyrillic name finds the deposit ({results})')
        box.send_keys(Keys.ENTER)
        distance = WebDriverWait(d, 20).until(lambda d: d.execute_script('var e = document.querySelector(".dm-rail-distance .dm-value"); return e && e.textContent'))
        check(distance == '35.2 km', f'web map: 35.2 km to rail in the panel ({distance})')
        time.sleep(0.5)
        d.save_screenshot(os.path.join(args.artifacts, 'web-map-search.png'))

        # A click on the map at 47.5 N 71.0 E (in Ulytau, by `deposits region 47.5,71.0`).
        d.execute_script('DepositMap.map.setView([47.5, 71.0], 7, { animate: false })')
        time.sleep(0.3)
        x, y = d.execute_script('var p = DepositMap.map.latLngToContainerPoint([47.5, 71.0]); return [p.x, p.y]')
        m = d.find_element(By.ID, 'dm-map')
        ActionChains(d).move_to_element_with_offset(m, int(x - m.size['width'] / 2), int(y - m.size['height'] / 2)).click().perform()
        region = WebDriverWait(d, 20).until(lambda d: d.execute_script('var e = document.querySelector(".dm-region .dm-value"); return e && e.textContent'))
        title = d.execute_script('return document.querySelector(".dm-title").textContent')
        place = title.removeprefix('At ')
        at = json.loads(cli(args.deposits, 'at', place, '--format', 'json'))
        expected = '; '.join(f'{r["name"]} ({r["id"]})' for r in at['regions'])
        check(region == expected and 'Ulytau' in region, f'web map: the click at {place} reads its region {region!r} (deposits at: {expected!r})')
        rail = d.execute_script('var e = document.querySelector(".dm-rail-distance .dm-value"); return e && e.textContent')
        km = at['nearest_rail']['distance_m']
        want = f'{at["nearest_rail"]["rail_name"]}, {km / 1000:.1f} km' if km >= 1000 else None
        check(rail == want, f'web map: the nearest rail in the panel is deposits at\'s ({rail!r}; {want!r})')
        check(d.execute_script('return DepositMap.drawn.panel') >= 2, 'web map: the connector to the rail drawn')
        time.sleep(0.5)
        d.save_screenshot(os.path.join(args.artifacts, 'web-map-click.png'))
        errors = console_errors(d)
        check(not errors, f'web map: no errors in the console ({errors})')
    finally:
        d.quit()
        server.terminate()
        server.wait(timeout=20)


def main():
    a = argparse.ArgumentParser()
    a.add_argument('--deposits', required=True)
    a.add_argument('--serve', required=True)
    a.add_argument('--artifacts', required=True)
    args = a.parse_args()
    os.makedirs(args.artifacts, exist_ok=True)
    answer_file(args)
    markup_in_names(args)
    web_map(args)
    print(f'browser tests: {"FAILED: " + str(len(failures)) if failures else "all passed"}; screenshots in {args.artifacts}')
    sys.exit(1 if failures else 0)


if __name__ == '__main__':
    main()
