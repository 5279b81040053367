"""Lighthouse scores of the public pages, on a production-like local site.

    python3 -m uv run --frozen python scripts/lighthouse.py

Builds a throwaway site in a temporary folder as the README « Déploiement » deploys it:
production settings (DEBUG off), SQLite, the demo content, `collectstatic` (whitenoise:
compressed, hashed static files), gunicorn, and nginx in front with the README's rules
(plain HTTP on a free local port, `gzip on` as in Debian's default nginx.conf), both
started by scripts/deployed_site.py as for tests/deploy. Then runs
the npm package `lighthouse` (pinned, through npx) with Debian's Chromium, mobile preset
(Lighthouse's default: emulated phone, simulated slow 4G and CPU), on `/`, a programme
page and `/francetravail/`, and prints the four scores of each page and the compressed
bytes of the home page's HTML, CSS and JS (fonts and images apart).

Needs node/npx (npm registry reachable for the first run), nginx and /usr/bin/chromium.
"""

import gzip
import http.client
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from deployed_site import StartupError, deployed_site, manage, nginx_binary

# 12.x: the last major that runs on Debian's Node.js 20 (13.x needs Node.js 22.19).
LIGHTHOUSE = "lighthouse@12.8.2"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)
PAGES = ["/", "/programmes/se-reconstruire-ensemble/", "/francetravail/"]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
TARGET_SCORE = 98
TARGET_HOME_BYTES = 100 * 1024
HOST = "localhost"  # a secure context for the browser, like HTTPS


def prepare(env):
    for args in (
        ["migrate", "--noinput"],
        ["load_demo_content"],
        ["update_index"],
        ["collectstatic", "--noinput"],
    ):
        print(f"manage.py {' '.join(args)}", flush=True)
        manage(env, *args)


def get(port, path, accept_encoding="identity"):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        # As the proxy sends them (gunicorn alone would redirect to HTTPS otherwise).
        headers = {"Host": HOST, "Accept-Encoding": accept_encoding, "X-Forwarded-Proto": "https"}
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def home_page_bytes(port):
    """Compressed bytes of the home page's HTML and of the CSS and JS it links to."""
    _status, headers, html = get(port, "/", accept_encoding="gzip")
    if headers.get("Content-Encoding") != "gzip":
        html = gzip.compress(html)
    text = gzip.decompress(html).decode()
    assets = re.findall(
        r'<(?:link rel="stylesheet"|script[^>]*) [^>]*?(?:href|src)="([^"]+)"', text
    )
    sizes = {"/ (HTML)": len(html)}
    for url in assets:
        if url.endswith((".css", ".js")):
            _status, asset_headers, body = get(port, url, accept_encoding="gzip")
            encoding = asset_headers.get("Content-Encoding", "aucune")
            sizes[f"{url} ({encoding})"] = len(body)
    return sizes


def lighthouse(url, output):
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    command = [
        "npx",
        "--yes",
        LIGHTHOUSE,
        url,
        "--quiet",
        "--output=json",
        f"--output-path={output}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
    ]
    subprocess.run(command, env=env, check=True)  # noqa: S603
    report = json.loads(Path(output).read_text())
    scores = {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}
    return scores, failed_audits(report)


def failed_audits(report):
    """The weighted audits that cost points, as « category: audit (score) », worst first."""
    failed = []
    for name in CATEGORIES:
        for ref in report["categories"][name]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                nodes = [
                    item["node"].get("selector", "?")
                    for item in audit.get("details", {}).get("items", [])
                    if isinstance(item.get("node"), dict)
                ]
                where = f" : {', '.join(nodes[:5])}" if nodes else ""
                label = f"{name}: {ref['id']} ({audit['score']:.2f}){where}"
                failed.append((audit["score"], label))
    return [label for _score, label in sorted(failed)]


def main():
    if shutil.which("npx") is None:
        sys.exit("npx est introuvable : installez-le (npm).")
    if nginx_binary() is None:
        sys.exit("nginx est introuvable : installez-le (apt-get install nginx).")
    if not Path(CHROMIUM).exists():
        sys.exit(f"Chromium est introuvable ({CHROMIUM}) : apt-get install chromium.")
    with tempfile.TemporaryDirectory(prefix="relier-lighthouse-") as folder:
        tmp = Path(folder)
        database_url = f"sqlite:///{tmp / 'site.sqlite3'}"
        try:
            with deployed_site(
                tmp, database_url, workers=2, with_nginx=True, prepare=prepare, host=HOST
            ) as site:
                results, failures = {}, {}
                for path in PAGES:
                    url = f"http://{HOST}:{site.port}{path}"
                    results[path], failures[path] = lighthouse(url, tmp / "report.json")
                sizes = home_page_bytes(site.port)
        except StartupError as error:
            sys.exit(error.french)

    print(f"\nLighthouse ({LIGHTHOUSE}, Chromium {CHROMIUM}, préréglage mobile)")
    print(f"{'page':42} " + " ".join(f"{name:>15}" for name in CATEGORIES))
    below = []
    for path, scores in results.items():
        print(f"{path:42} " + " ".join(f"{scores[name]:>15}" for name in CATEGORIES))
        below += [
            f"{path} {name} {score}" for name, score in scores.items() if score < TARGET_SCORE
        ]
    for path, failed in failures.items():
        if failed:
            print(f"\nAudits qui coûtent des points sur {path} :")
            print("\n".join(f"  {label}" for label in failed))
    print("\nPage d'accueil, octets compressés (polices et images à part) :")
    for name, size in sizes.items():
        print(f"  {size:>8}  {name}")
    total = sum(sizes.values())
    print(f"  {total:>8}  total ({total / 1024:.1f} Ko ; objectif {TARGET_HOME_BYTES // 1024} Ko)")
    if below or total > TARGET_HOME_BYTES:
        print(f"\nSous l'objectif ({TARGET_SCORE}) : {', '.join(below) or 'aucun score'}")
        sys.exit(1)


if __name__ == "__main__":
    main()
