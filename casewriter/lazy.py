"""Package fronts whose names load on first use (PEP 562): ``casewriter.engine``,
``casewriter.store`` and ``casewriter.health`` export names from their modules without importing
any of them, so importing a package costs nothing until a name is used.

``lazy_getattr(package, exports, namespace)`` is the module ``__getattr__`` each front sets:
``exports`` maps an exported name to (module of the package, name there); the first use imports
that module and keeps the value in the package's ``namespace`` (its ``globals()``), so later uses
are plain lookups. Anything else is the usual ``AttributeError``.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing costs ~10 ms to import; mypy honours this name all the same
if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, MutableMapping


def lazy_getattr(
    package: str, exports: Mapping[str, tuple[str, str]], namespace: MutableMapping[str, object]
) -> Callable[[str], object]:
    """The ``__getattr__`` of ``package``: load an exported name's module on first use."""

    def __getattr__(name: str) -> object:
        """Load an exported name's module on first use (PEP 562)."""
        try:
            module, attr = exports[name]
        except KeyError:
            raise AttributeError(f"module {package!r} has no attribute {name!r}") from None
        from importlib import import_module

        value = getattr(import_module(f"{package}.{module}"), attr)
        namespace[name] = value
        return value

    return __getattr__
