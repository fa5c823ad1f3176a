"""`backprop-lab presets`, and reading the NET a subcommand names."""
from __future__ import annotations

import argparse
import os
from typing import TYPE_CHECKING

from backprop_lab.core.cli.parser import PROG, UsageError

if TYPE_CHECKING:
    from backprop_lab.core.model.project import Project


def load_net(name: str) -> Project:
    from backprop_lab.core.io.document import DocumentError
    from backprop_lab.core.io.presets import resolve
    from backprop_lab.core.model.network import NetworkError
    try:
        return resolve(name)
    except (DocumentError, NetworkError, OSError, ValueError) as e:
        message = str(e) or repr(e)
        if os.path.exists(name) and name not in message:   # say which file the problem is in
            message = f"{name}: {message}"
        raise UsageError(message) from None


def cmd_presets(args: argparse.Namespace) -> int:
    from backprop_lab.core.io.document import DocumentError
    from backprop_lab.core.io.presets import list_presets
    try:
        rows = list_presets()
    except DocumentError as e:
        raise UsageError(f"a preset cannot be read: {e}") from None
    width = max(len(n) for n, _, _ in rows)
    for name, title, _ in rows:
        print(f"{name:<{width}}  {title}")
    print(f"\n{len(rows)} presets. Open one with `{PROG} NAME`, explain it with `{PROG} explain NAME`.")
    return 0
