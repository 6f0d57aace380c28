"""casewriter: turn an Amazon seller's problem into a Seller Central case, offline.

The package root only carries the version; importing it has no side effects.
"""

__version__ = "0.1.0"
