"""Block every network connection except loopback (used by the test suite).

``install()`` patches the socket module so that connecting to any host off this
machine raises ``NetworkBlockedError``. Jupyter kernels keep working: they talk
to their client over loopback (and through ZeroMQ, which this does not touch).
The tests start kernels with ``COURSEKIT_BLOCK_NETWORK=1`` and a
``sitecustomize`` that calls ``install()``, so notebooks are blocked too.
"""
from __future__ import annotations

import ipaddress
import os
import socket
import sys

from ..i18n import bilingual

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
        f"{MARK} — इस course में किसी भी code को internet से जुड़ने की अनुमति नहीं है; जुड़ने की कोशिश: {host!r}",
        f"{MARK} — nothing in this course may reach the internet; tried: {host!r}"))


NETWORK_TOOLS = {"curl", "wget", "nc", "ncat", "netcat", "ssh", "scp", "sftp", "ftp", "telnet", "rsync", "aria2c"}
_hooked = False


def _address_host(address):
    return address[0] if isinstance(address, tuple) and address else None


def _audit(event: str, args) -> None:
    """An audit hook (PEP 578): it sees C-level sockets too and cannot be removed once added."""
    if event in ("socket.connect", "socket.sendto", "socket.sendmsg"):
        sock, address = args[0], args[1] if len(args) > 1 else None
        if getattr(sock, "family", None) in (socket.AF_INET, socket.AF_INET6) and not _is_local(_address_host(address)):
            _deny(_address_host(address))
    elif event in ("socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyname_ex"):
        if not _is_local(args[0]):
            _deny(args[0])
    elif event == "subprocess.Popen":
        executable, argv = args[0], args[1]
        argv = [argv] if isinstance(argv, (str, bytes)) else list(argv or [])
        program = os.path.basename(os.fsdecode(executable or (argv[0] if argv else "")))
        if program in NETWORK_TOOLS:
            _deny(f"{program} (a network program)")
        if program.startswith("python") and any(a in ("-I", "-S", "-E") for a in map(os.fsdecode, argv[1:3])):
            _deny(f"{program} {' '.join(map(os.fsdecode, argv[1:3]))} (a Python that would skip the network block)")


def install() -> None:
    """Allow only loopback connections from now on (idempotent).

    Two layers: the socket functions are patched (clear errors from Python code), and an audit hook, which cannot
    be removed, also stops C-level sockets, UDP sends, name look-ups and network programs started as subprocesses.
    """
    global _hooked
    if not _hooked:
        sys.addaudithook(_audit)
        _hooked = True
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
    """Undo the socket patches of :func:`install` (the audit hook stays for the life of the process)."""
    if not _original:
        return
    socket.socket.connect = _original.pop("connect")
    socket.socket.connect_ex = _original.pop("connect_ex")
    socket.getaddrinfo = _original.pop("getaddrinfo")
