"""The network block has no back door: C-level sockets, UDP, name look-ups, network programs, an isolated Python
child and uninstall() are all stopped; loopback (Jupyter's kernels) still works."""
import os
import subprocess
import sys

import pytest

PROBES = {
    "raw C socket": "import _socket; _socket.socket().connect(('203.0.113.1', 80))",
    "UDP sendto": "import socket; socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b'x', ('203.0.113.1', 53))",
    "name look-up": "import socket; socket.gethostbyname('example.com')",
    "curl": "import subprocess; subprocess.run(['curl', '-s', 'http://203.0.113.1'])",
    "isolated Python": "import subprocess, sys; subprocess.run([sys.executable, '-I', '-c', 'print(1)'])",
    "after uninstall": ("from coursekit.tooling import netblock; netblock.uninstall(); import socket; "
                        "socket.create_connection(('203.0.113.1', 80), timeout=1)"),
}


@pytest.mark.parametrize("probe", PROBES)
def test_every_way_out_is_blocked(probe):
    """Run in a child that gets the block the way every kernel does (sitecustomize on PYTHONPATH)."""
    code = f"try:\n    {PROBES[probe]}\n    print('NOT BLOCKED')\nexcept OSError as e:\n    print(type(e).__name__)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                         env=dict(os.environ, COURSEKIT_BLOCK_NETWORK="1")).stdout.strip()
    assert out == "NetworkBlockedError", out


def test_loopback_and_plain_children_still_work():
    code = ("import socket, subprocess, sys\ns = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen()\n"
            "socket.create_connection(s.getsockname()).close()\n"
            "print(subprocess.run([sys.executable, '-c', 'print(2)'], capture_output=True, text=True).stdout.strip())")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                         env=dict(os.environ, COURSEKIT_BLOCK_NETWORK="1")).stdout.strip()
    assert out == "2"
