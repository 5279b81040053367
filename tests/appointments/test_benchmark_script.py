"""scripts/benchmark_appointments.py (issue 17, point 12): only its arguments are
checked here (the run itself starts gunicorn and PostgreSQL: README « Mesurer la
réservation »)."""

import sys
from importlib import import_module
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"
sys.path.insert(0, str(SCRIPTS))  # the scripts import each other by name
benchmark = import_module("benchmark_appointments")


def test_the_defaults_book_two_hundred_slots_with_a_multi_worker_server():
    args = benchmark.parse_args([])
    assert (args.requests, args.workers, args.per_slot) == (200, 4, 4)


def test_a_single_worker_is_refused(capsys):
    with pytest.raises(SystemExit):
        benchmark.parse_args(["--workers", "1"])
    assert "at least 2" in capsys.readouterr().err
