"""Block every network connection except loopback (used by the test suite).

``install()`` patches the socket module so that connecting to any host off this
machine raises ``NetworkBlockedError``. Jupyter kernels keep working: they talk
to their client over loopback (and through ZeroMQ, which this does not touch).
The tests start kernels with ``COURSEKIT_BLOCK_NETWORK=1`` and a
``sitecustomize`` that calls ``install()``, so notebooks are blocked too.
"""
from __future__ import annotations

import ipaddress
import socket

from .i18n import bilingual

MARK = "coursekit: network access is blocked"
_original = {}


class NetworkBlockedError(OSError):
    pass


def _is_local(host) -> bool:
    if host is None:
        return True
    host = host.decode() if isinstance(host, bytes) else str(host)
    if host in ("localhost", "", "ip6-localhost"):
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


def _deny(host):
    raise NetworkBlockedError(bilingual(
        f"{MARK} — इस course में कोई भी code internet से नहीं जुड़ता; कोशिश की गई: {host!r}",
        f"{MARK} — nothing in this course may reach the internet; tried: {host!r}"))


def install() -> None:
    """Allow only loopback connections from now on (idempotent)."""
    if _original:
        return
    _original["connect"] = socket.socket.connect
    _original["connect_ex"] = socket.socket.connect_ex
    _original["getaddrinfo"] = socket.getaddrinfo

    def connect(self, address):
        if self.family in (socket.AF_INET, socket.AF_INET6) and not _is_local(address[0]):
            _deny(address[0])
        return _original["connect"](self, address)

    def connect_ex(self, address):
        if self.family in (socket.AF_INET, socket.AF_INET6) and not _is_local(address[0]):
            _deny(address[0])
        return _original["connect_ex"](self, address)

    def getaddrinfo(host, *args, **kwargs):
        if not _is_local(host):
            _deny(host)
        return _original["getaddrinfo"](host, *args, **kwargs)

    socket.socket.connect = connect
    socket.socket.connect_ex = connect_ex
    socket.getaddrinfo = getaddrinfo


def uninstall() -> None:
    """Undo :func:`install`."""
    if not _original:
        return
    socket.socket.connect = _original.pop("connect")
    socket.socket.connect_ex = _original.pop("connect_ex")
    socket.getaddrinfo = _original.pop("getaddrinfo")
