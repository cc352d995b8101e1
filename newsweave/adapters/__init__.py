"""Adapters: opt-in rules for the typography and labelling conventions of a
benchmark corpus. Nothing in the product imports them; a scorer that wants
one imports it (which registers its rules) and runs its ``RULES``."""
