"""The template sandbox's render budget: what a user template may cost, and how it is enforced.

``budget.py`` owns the limits (``limits.toml``, data with a source and an as-of date), the
per-render counters and size estimates; ``ops.py`` caps operators, methods, ``str.format`` and
globals; ``filters.py`` wraps every built-in filter; ``compiler.py`` is the size-capped loader
and the code generator that counts loop steps. ``casewriter.engine.jinja_env`` wires them into
the sandboxed Jinja environment. Importing this package loads nothing.
"""
