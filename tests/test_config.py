"""newsweave/config.py: defaults < file < environment < flags, and clear errors."""

from __future__ import annotations

import dataclasses

import pytest

from newsweave.config import SETTINGS, Config, load_config
from newsweave.errors import ConfigError

KNOWN = ", ".join(sorted(s.name for s in SETTINGS))


@pytest.fixture
def toml(tmp_path):
    def write(text: str):
        path = tmp_path / "newsweave.toml"
        path.write_text(text, encoding="utf-8")
        return path

    return write


def test_settings_declare_every_config_field_with_its_default():
    declared = {s.name: s.default for s in SETTINGS}
    fields = {f.name: f.default for f in dataclasses.fields(Config)}
    assert declared == fields
    assert all(s.help for s in SETTINGS)


def test_load_config_defaults():
    assert load_config(env={}) == Config()


@pytest.mark.parametrize(
    ("file", "env", "flag", "expected"),
    [
        (None, None, None, 64),
        ("batch_size = 10", None, None, 10),
        ("batch_size = 10", "20", None, 20),
        ("batch_size = 10", "20", 30, 30),
        (None, "20", None, 20),
        (None, "20", 30, 30),
        ("batch_size = 10", None, 30, 30),
        ("[newsweave]\nbatch_size = 11", None, None, 11),
    ],
)
def test_load_config_layers_batch_size(toml, file, env, flag, expected):
    path = toml(file) if file else None
    environ = {"NEWSWEAVE_BATCH_SIZE": env} if env else {}
    assert load_config(path, environ, batch_size=flag).batch_size == expected


@pytest.mark.parametrize(
    ("name", "file_value", "env_value", "flag_value"),
    [
        ("db", '"file.db"', "env.db", "flag.db"),
        ("outlet", '"File Outlet"', "Env Outlet", "Flag Outlet"),
        ("published", "2021-01-01", "2022-02-02", "2023-03-03"),
        ("reference_date", '"2021-01-01"', "2022-02-02", "2023-03-03"),
        ("max_bytes", "1000", "2000", 3000),
    ],
)
def test_load_config_flag_beats_env_beats_file(toml, name, file_value, env_value, flag_value):
    path = toml(f"{name} = {file_value}\n")
    env = {f"NEWSWEAVE_{name.upper()}": env_value}
    from_file = getattr(load_config(path, {}), name)
    from_env = getattr(load_config(path, env), name)
    from_flag = getattr(load_config(path, env, **{name: flag_value}), name)
    assert str(from_file) == file_value.strip('"')
    assert str(from_env) == env_value
    assert from_flag == flag_value


def test_load_config_flag_none_means_not_given(toml):
    path = toml('outlet = "File Outlet"\n')
    assert load_config(path, {}, outlet=None, batch_size=None).outlet == "File Outlet"


def test_load_config_empty_env_clears_file_value(toml):
    path = toml('outlet = "File Outlet"\n')
    assert load_config(path, {"NEWSWEAVE_OUTLET": ""}).outlet is None


def test_load_config_ignores_unrelated_environment():
    env = {"NEWSWEAVE": "x", "NEWSWEAVEDB": "x", "HOME": "/home/x", "newsweave_db": "lower.db"}
    assert load_config(env=env) == Config()


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023-03-03", "2023-03-03"),
        ("20230303", "2023-03-03"),
        ("", None),
    ],
)
def test_load_config_normalises_dates(value, expected):
    assert load_config(env={}, published=value).published == expected


@pytest.mark.parametrize(
    ("file", "flags", "unknown"),
    [
        ("colour = 'red'", {}, "colour"),
        ("[newsweave]\nbatch = 5", {}, "batch"),
        (None, {"dbpath": "x.db"}, "dbpath"),
    ],
)
def test_load_config_unknown_setting_names_valid_ones(toml, file, flags, unknown):
    path = toml(file) if file else None
    with pytest.raises(ConfigError) as raised:
        load_config(path, {}, **flags)
    message = str(raised.value)
    assert f"unknown setting {unknown!r}" in message
    assert KNOWN in message


@pytest.mark.parametrize(
    ("file", "env", "flags"),
    [
        ("batch_size = 'many'", {}, {}),
        (None, {"NEWSWEAVE_BATCH_SIZE": "ten"}, {}),
        (None, {"NEWSWEAVE_MAX_BYTES": "5MB"}, {}),
        (None, {}, {"batch_size": "1e3"}),
        ("max_bytes = [1, 2]", {}, {}),
        ("batch_size = 2.5", {}, {}),  # int() would truncate it to 2
        ("batch_size = true", {}, {}),  # int(True) would be 1
        ("batch_size = 0", {}, {}),
        (None, {"NEWSWEAVE_LINK_CANDIDATES": "-3"}, {}),
    ],
)
def test_load_config_bad_int_raises(toml, file, env, flags):
    path = toml(file) if file else None
    with pytest.raises(ConfigError, match="must be a positive whole number"):
        load_config(path, env, **flags)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("published", "2023-13-45"),
        ("published", "March 3"),
        ("reference_date", "2023-02-30"),
    ],
)
def test_load_config_bad_date_raises(name, value):
    with pytest.raises(ConfigError, match=f"setting '{name}' must be a date as YYYY-MM-DD"):
        load_config(env={}, **{name: value})


def test_load_config_bad_toml_names_file(toml):
    path = toml("batch_size = = 3")
    with pytest.raises(ConfigError, match="newsweave.toml: cannot read settings"):
        load_config(path, {})


def test_load_config_missing_file_raises(tmp_path):
    with pytest.raises(ConfigError, match="cannot read settings"):
        load_config(tmp_path / "absent.toml", {})
