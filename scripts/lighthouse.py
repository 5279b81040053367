"""Lighthouse scores of the public pages, on a production-like local site.

    python3 -m uv run --frozen python scripts/lighthouse.py

Builds a throwaway site in a temporary folder as the README « Déploiement » deploys it:
production settings (DEBUG off), SQLite, the demo content, `collectstatic` (whitenoise:
compressed, hashed static files), gunicorn, and nginx in front with the README's rules
(plain HTTP on a free local port, `gzip on` as in Debian's default nginx.conf). Then runs
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
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

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
ROOT = Path(__file__).resolve().parent.parent
HOST = "localhost"  # a secure context for the browser, like HTTPS


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def production_env(tmp):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "SENTRY_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="relier_site.settings.production",
        SECRET_KEY="lighthouse-" + os.urandom(24).hex(),
        ALLOWED_HOSTS=HOST,
        CSRF_TRUSTED_ORIGINS=f"https://{HOST}",
        DATABASE_URL=f"sqlite:///{tmp / 'site.sqlite3'}",
        EMAIL_HOST="smtp.example.org",
        DEFAULT_FROM_EMAIL="site@example.org",
        WAGTAILADMIN_BASE_URL=f"https://{HOST}",
        STATIC_ROOT=str(tmp / "static"),
        MEDIA_ROOT=str(tmp / "media"),
    )
    return env


def manage(env, *args):
    print(f"manage.py {' '.join(args)}", flush=True)
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def start(command, log, **kwargs):
    with log.open("w") as output:
        return subprocess.Popen(  # noqa: S603
            command, stdout=output, stderr=subprocess.STDOUT, start_new_session=True, **kwargs
        )


def stop(process):
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)
    except ProcessLookupError:
        pass
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)


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


def wait_until_ready(port, process, log, timeout=300):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"Le serveur s'est arrêté :\n{log.read_text()}")
        try:
            if get(port, "/robots.txt")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.5)
    sys.exit(f"Le serveur ne répond pas :\n{log.read_text()}")


def nginx_conf(tmp, port, upstream):
    readme = (ROOT / "README.md").read_text()
    (rules,) = re.findall(r"```nginx\n(.*?)```", readme, flags=re.S)
    rules = (
        rules.replace("listen 443 ssl;", f"listen 127.0.0.1:{port};")
        .replace("server_name www.exemple.fr;", f"server_name {HOST};")
        .replace("/srv/relier/media/", f"{tmp / 'media'}/")
        .replace("http://127.0.0.1:8000", f"http://127.0.0.1:{upstream}")
    )
    temp_paths = " ".join(
        f"{kind}_temp_path {tmp};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return (
        ("user root;\n" if os.geteuid() == 0 else "")
        + f"daemon off; pid {tmp}/nginx.pid; error_log {tmp}/nginx-error.log;\n"
        + f"events {{}}\nhttp {{ access_log off; gzip on; {temp_paths}\n{rules}\n}}\n"
    )


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
    for tool in ("npx", "nginx"):
        if shutil.which(tool) is None and not Path(f"/usr/sbin/{tool}").exists():
            sys.exit(f"{tool} est introuvable : installez-le (npm, apt-get install nginx).")
    if not Path(CHROMIUM).exists():
        sys.exit(f"Chromium est introuvable ({CHROMIUM}) : apt-get install chromium.")
    with tempfile.TemporaryDirectory(prefix="relier-lighthouse-") as folder:
        tmp = Path(folder)
        env = production_env(tmp)
        manage(env, "migrate", "--noinput")
        manage(env, "load_demo_content")
        manage(env, "update_index")
        manage(env, "collectstatic", "--noinput")
        upstream, port = free_port(), free_port()
        gunicorn = start(
            [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py"]
            + ["--bind", f"127.0.0.1:{upstream}", "--workers", "2", "relier_site.wsgi"],
            tmp / "gunicorn.log",
            cwd=ROOT,
            env=env,
        )
        (tmp / "nginx.conf").write_text(nginx_conf(tmp, port, upstream))
        nginx_binary = shutil.which("nginx") or "/usr/sbin/nginx"
        nginx = start(
            [nginx_binary, "-p", str(tmp), "-c", str(tmp / "nginx.conf")], tmp / "nginx.log"
        )
        try:
            wait_until_ready(upstream, gunicorn, tmp / "gunicorn.log")
            wait_until_ready(port, nginx, tmp / "nginx.log")
            results, failures = {}, {}
            for path in PAGES:
                url = f"http://{HOST}:{port}{path}"
                results[path], failures[path] = lighthouse(url, tmp / "report.json")
            sizes = home_page_bytes(port)
        finally:
            stop(nginx)
            stop(gunicorn)

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
