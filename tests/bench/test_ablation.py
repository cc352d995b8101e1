"""Every rule switch of bench/ablation.py turns off something that exists, and puts it back."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import ablation  # noqa: E402

SWITCHES = [
    (group, name)
    for group in (ablation.EXTRACTION, ablation.PUBDATE, ablation.CLEANING)
    for name in group
]


@pytest.mark.parametrize("switches, name", SWITCHES, ids=[name for _, name in SWITCHES])
def test_switch_replaces_an_existing_attribute_and_restores_it(switches, name):
    patches = switches[name]()
    before = {(m.__name__, a): getattr(m, a) for m, a, _ in patches}
    with ablation.without(switches, name):
        for module, attr, _ in patches:
            assert getattr(module, attr) is not before[(module.__name__, attr)]
    assert {(m.__name__, a): getattr(m, a) for m, a, _ in patches} == before


def test_a_switch_on_a_missing_attribute_fails():
    import newsweave.clean.html as html

    broken = {"gone": lambda: [(html, "no_such_rule", None)]}
    with pytest.raises(AttributeError, match="no_such_rule"):
        with ablation.without(broken, "gone"):
            pass
    assert not hasattr(html, "no_such_rule")
