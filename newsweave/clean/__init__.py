"""Clean: ``RawDoc`` to ``Article``.

Scraped text goes through the line cleaner (``text``); an HTML page through
trafilatura and htmldate (``html``), with the page's full rendered text kept as
the raw text. Metadata comes, in order of trust, from the user's options, the
container (JSON fields, feed items), the HTML markup, and the text itself.
"""

from .core import HTML_LEFT_OUT, clean
from .text import assemble, clean_text

__all__ = ["HTML_LEFT_OUT", "clean", "assemble", "clean_text"]
