"""The demo-content registry: every installed app's `demo.py` is found and run in ORDER."""

import pytest

from appointments import demo as appointments_demo
from events import demo as events_demo
from guide import demo as guide_demo
from home import demo as shell_demo
from home.demo.registry import DemoResult, demo_modules
from programmes import demo as programmes_demo
from referrals import demo as referrals_demo

pytestmark = pytest.mark.one_database


def test_each_apps_demo_module_is_found_and_runs_in_order():
    found = [(order, label, module) for order, label, module in demo_modules()]

    # The agenda and the forms come first: the shell's pages link to /agenda/ and to
    # the forms.
    assert found == [
        (-10, "events", events_demo),
        (-10, "referrals", referrals_demo),
        (0, "home", shell_demo),
        (10, "programmes", programmes_demo),
        (30, "appointments", appointments_demo),
        (30, "guide", guide_demo),
    ]


def test_a_kind_is_described_once_in_the_order_apps_first_describe_it():
    result = DemoResult()
    result.describe("figures", "chiffre clé", "chiffres clés", name="chiffres clés")
    result.describe("kits", "kit", "kits", name="kits")
    result.describe("figures", "autre", "autres", name="autres")
    result.count("kits", n=2)

    assert list(result.kinds) == ["figures", "kits"]
    assert result.kinds["figures"] == ("chiffre clé", "chiffres clés", "chiffres clés")
    assert result.added == {"kits": 2}
