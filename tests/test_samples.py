"""tests/samples.py: the seed articles are found, or the test needing them fails
(never skips) with a message naming the path."""

import pytest

import samples
from samples import seed_files


def test_seed_files_found_by_prefix(tmp_path, monkeypatch):
    (tmp_path / "000_a.txt").write_text("x")
    (tmp_path / "001_b.txt").write_text("y")
    monkeypatch.setattr(samples, "SEEDS", tmp_path)
    assert [p.name for p in seed_files()] == ["000_a.txt", "001_b.txt"]
    assert [p.name for p in seed_files("001_")] == ["001_b.txt"]


@pytest.mark.parametrize("folder, prefix", [("missing", ""), ("empty", ""), ("empty", "002_")])
def test_seed_files_missing_fails_naming_path(tmp_path, monkeypatch, folder, prefix):
    (tmp_path / "empty").mkdir()
    monkeypatch.setattr(samples, "SEEDS", tmp_path / folder)
    with pytest.raises(
        pytest.fail.Exception, match=f"no seed article {prefix}\\*.txt in .*{folder}"
    ):
        seed_files(prefix)


def test_seeds_beside_checkout():
    assert len(seed_files()) == 5
