"""Loaded into every CLI subprocess the tests start: any network connection fails loudly.

casewriter promises it never talks to a network. Local socketpairs (asyncio's self-pipe) and
Unix sockets stay allowed; an Internet connection or a DNS lookup raises.
"""

import socket

_INET = (socket.AF_INET, socket.AF_INET6)
_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex


class NetworkUsedError(RuntimeError):
    pass


def _guard(sock, address):  # type: ignore[no-untyped-def]
    if sock.family in _INET:
        raise NetworkUsedError(f"casewriter tried to open a network connection to {address!r}")


def _connect(self, address):  # type: ignore[no-untyped-def]
    _guard(self, address)
    return _real_connect(self, address)


def _connect_ex(self, address):  # type: ignore[no-untyped-def]
    _guard(self, address)
    return _real_connect_ex(self, address)


def _refuse(*args, **kwargs):  # type: ignore[no-untyped-def]
    raise NetworkUsedError(f"casewriter tried a network lookup or connection: {args[:1]!r}")


socket.socket.connect = _connect  # type: ignore[method-assign]
socket.socket.connect_ex = _connect_ex  # type: ignore[method-assign]
socket.create_connection = _refuse  # type: ignore[assignment]
socket.getaddrinfo = _refuse  # type: ignore[assignment]
