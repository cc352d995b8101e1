"""Short articles written for the tests, shared by the modules that store them."""

BRIDGE = """Harbour bridge reopens after repairs

By Jane Doe, March 3, 2023

PORTVILLE (Coastal Wire) - The harbour bridge reopened on Friday after six months of repairs, the city council said.

Engineers replaced the cables and repainted the deck. Traffic was flowing normally by the evening, officials said.
"""

FERRY = """Ferry strike ends after two weeks

By Tom Reed, April 12, 2023

NORTHPORT (Island Herald) - Ferry crews returned to work on Wednesday after the union accepted a new pay offer.

Passengers queued from early morning as the first boats left the harbour, the operator said.
"""
