"""newsweave: make sense of a pile of news articles, offline."""

__version__ = "0.1.0"
