"""The installed PySide6 build must not leak references to None on void calls.

PySide6 6.12.0 on CPython 3.11 loses one reference to None per void Qt call; after a few thousand the
process aborts (none_dealloc). pyproject.toml pins around it; this test catches a build that slips
through. It runs in a subprocess so that an affected build cannot take the test session down with it.
"""
import os
import subprocess
import sys
import textwrap

PROBE = textwrap.dedent("""
    import os, sys
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6 import QtCore
    pt = QtCore.QPointF()
    pt.setX(1.0)
    for _ in range(3):
        before = sys.getrefcount(None)
        for _ in range(1000):
            pt.setX(1.0)
        print(before - sys.getrefcount(None))
    sys.stdout.flush()
    os._exit(0)
""")


def test_void_calls_do_not_leak_none():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, timeout=60)
    assert out.returncode == 0, out.stderr
    # An affected build loses one reference per call in every round (1000 each); a sound one may see an
    # unrelated object holding None freed during a round (seen here: 1 in 6 rounds lost exactly 1), never
    # in all three.
    rounds = [int(line) for line in out.stdout.split()]
    assert len(rounds) == 3 and min(rounds) <= 0, \
        f"this PySide6 build loses {rounds} references to None per 1000 void calls"
