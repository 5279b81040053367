"""`make run`'s script (scripts/run-dev.sh): the chosen port, the address printed only
once the site answers, Ctrl+C stopping the server and the worker; and the development
console without the worker's per-task lines."""

import contextlib
import io
import logging
import logging.config
import os
import queue
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.conf import settings

from scripts.deployed_site import free_port

pytestmark = [pytest.mark.one_database, pytest.mark.processes]

ROOT = Path(__file__).resolve().parents[1]

# Stands in for `python` in the script: `manage.py runserver ADDRESS` waits a little,
# then serves HTTP on ADDRESS's port; `manage.py db_worker` waits; anything else (the
# script's poll) is the real Python.
FAKE_PYTHON = f"""#!/usr/bin/env bash
if [ "$1" = manage.py ] && [ "$2" = runserver ]; then
    echo $$ > "$(dirname "$0")/runserver.pid"
    echo "$WAGTAILADMIN_BASE_URL" > "$(dirname "$0")/runserver.base_url"
    echo "runserver $3"
    sleep 2
    exec {sys.executable} -m http.server --bind 127.0.0.1 "${{3##*:}}"
elif [ "$1" = manage.py ] && [ "$2" = db_worker ]; then
    echo $$ > "$(dirname "$0")/db_worker.pid"
    echo "$WAGTAILADMIN_BASE_URL" > "$(dirname "$0")/db_worker.base_url"
    exec sleep 300
fi
exec {sys.executable} "$@"
"""


def answers(port):
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


def read_until(process, text, timeout=60):
    """The script's output up to the line containing ``text``."""
    lines = []
    while True:
        try:
            line = process.output.get(timeout=timeout)
        except queue.Empty:
            pytest.fail(f"no {text!r} in the output: {lines}")
        if line is None:
            pytest.fail(f"the script stopped without {text!r}: {lines}")
        lines.append(line)
        if text in line:
            return lines


def _pump(stream, lines):
    for line in stream:
        lines.put(line)
    lines.put(None)


def default_sigint():
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.fixture
def run_dev(tmp_path):
    (tmp_path / "python").write_text(FAKE_PYTHON)
    (tmp_path / "python").chmod(0o755)
    port = free_port()
    process = subprocess.Popen(
        [shutil.which("bash"), "scripts/run-dev.sh"],
        cwd=ROOT,
        env={
            **{k: v for k, v in os.environ.items() if k != "WAGTAILADMIN_BASE_URL"},
            "PATH": f"{tmp_path}:{os.environ['PATH']}",
            "PORT": str(port),
        },
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # its own process group, to stop all of it afterwards
        # Ctrl+C reaches the script as it reaches it from a terminal, whatever this test
        # process inherited (a shell started in the background ignores SIGINT, and bash
        # cannot trap a signal ignored when it starts).
        preexec_fn=default_sigint,
    )
    process.output = queue.Queue()
    pump = threading.Thread(target=_pump, args=(process.stdout, process.output), daemon=True)
    pump.start()
    yield process, port, tmp_path
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(10)
    pump.join(10)
    process.stdout.close()


def test_run_dev_serves_on_the_chosen_port_and_says_so_once_the_site_answers(run_dev):
    process, port, _ = run_dev
    lines = read_until(process, "Le site répond")
    assert f"runserver 127.0.0.1:{port}\n" in lines
    request = next(i for i, line in enumerate(lines) if '"GET / HTTP/1.1"' in line)
    assert request < len(lines) - 1  # the site had answered the poll before the message
    assert f"Le site répond : http://127.0.0.1:{port}/" in lines[-1]
    assert f"http://127.0.0.1:{port}/admin/" in lines[-1]
    assert answers(port)


def test_emailed_links_use_the_address_the_site_is_served_on(run_dev):
    """The server and the worker build links (relier_site.links) on the port `make run`
    chose, not on the default 8000."""
    process, port, folder = run_dev
    read_until(process, "Le site répond")
    for name in ("runserver", "db_worker"):
        base_url = (folder / f"{name}.base_url").read_text().strip()
        assert base_url == f"http://127.0.0.1:{port}", name


def stopped(pid):
    """True once the process is gone or a zombie (it may take a moment to be reaped)."""
    for _ in range(50):
        try:
            state = Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1][0]
        except (FileNotFoundError, ProcessLookupError):
            return True
        if state in "ZX":
            return True
        time.sleep(0.1)
    return False


def test_ctrl_c_stops_the_server_and_the_worker(run_dev):
    process, port, folder = run_dev
    read_until(process, "Le site répond")
    process.send_signal(signal.SIGINT)
    assert process.wait(20) == 130
    assert stopped(int((folder / "runserver.pid").read_text()))
    assert stopped(int((folder / "db_worker.pid").read_text()))
    assert not answers(port)


@pytest.fixture
def dev_logging():
    """The dev settings' LOGGING applied, writing to a buffer; the test one restored."""
    from relier_site.settings import dev

    stream = io.StringIO()
    saved, sys.stderr = sys.stderr, stream
    try:
        logging.config.dictConfig(dev.LOGGING)
    finally:
        sys.stderr = saved
    yield stream
    logging.config.dictConfig(settings.LOGGING)


def test_dev_console_shows_worker_warnings_and_errors_but_not_its_info_lines(dev_logging):
    from django_tasks_db.management.commands.db_worker import Command

    Command().configure_logging(verbosity=1)  # what `manage.py db_worker` does at start
    logging.getLogger("django.tasks").info("Task id=%s state=RUNNING", "abc")
    logging.getLogger("django_tasks_db").info("Starting worker %s", "abc")
    logging.getLogger("django.tasks").warning("Tâche en retard %s", "w")
    logging.getLogger("django_tasks_db").error("Tâche en échec %s", "e")
    logging.getLogger("home.views").info("Recherche %s", "site")
    logging.getLogger("django.server").info('"GET / HTTP/1.1" 200 %s', "1234")
    output = dev_logging.getvalue()
    assert "state=RUNNING" not in output
    assert "Starting worker" not in output
    assert "Tâche en retard w" in output
    assert "Tâche en échec e" in output
    assert "Recherche site" in output
    assert '"GET / HTTP/1.1" 200 1234' in output
