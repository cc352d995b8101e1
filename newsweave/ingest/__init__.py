"""Ingest: files, folders and stdin to ``RawDoc`` records.

A reader is chosen per file by extension and content (``detect``); gzip is
unwrapped and its content detected again. A file that cannot be read yields a
``Skipped`` record naming it and the reason; reading goes on with the next one.
"""

from .read import READERS, iter_files, read_bytes, read_paths

__all__ = ["READERS", "iter_files", "read_bytes", "read_paths"]
