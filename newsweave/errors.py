"""The few errors the library raises; interfaces turn each into one line."""

from __future__ import annotations


# What a stage raises on input it cannot handle (a malformed date, a record
# missing a key, text nested too deep). A stage catches these per item, records
# the item as skipped with the reason and goes on; programming errors
# (TypeError, AttributeError, NameError) are not among them, so they fail
# loudly instead of becoming "skipped" rows.
DATA_ERRORS: tuple[type[Exception], ...] = (
    ValueError,
    LookupError,
    ArithmeticError,
    RecursionError,
)


class NewsweaveError(Exception):
    """Base of every error newsweave raises on purpose."""


class InputError(NewsweaveError):
    """An input item cannot be read. Names the file and, where known, the record
    or line, so a user can find the fault."""

    def __init__(
        self, source: str, message: str, *, record: int | None = None, line: int | None = None
    ):
        self.source, self.record, self.line = source, record, line
        where = [f"record {record}"] * (record is not None) + [f"line {line}"] * (line is not None)
        # The fault without the file name, for a summary that names the file already.
        self.reason = f"{', '.join(where)}: {message}" if where else message
        super().__init__(f"{source}: {self.reason}")


class StoreError(NewsweaveError):
    """The store cannot be opened, migrated or written."""


class ConfigError(NewsweaveError):
    """A setting has a value newsweave does not accept."""


class NotFound(NewsweaveError):
    """No stored item has the id asked for."""


class BadRequest(NewsweaveError):
    """A view was asked for with a value it does not accept (a limit out of
    range, a malformed date); the message says which and what it accepts."""
