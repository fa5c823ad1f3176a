"""`backprop-lab presets`, and reading the NET a subcommand names."""
from __future__ import annotations

import argparse
import os
from typing import TYPE_CHECKING

from backprop_lab.core.cli.parser import PROG, UsageError
from backprop_lab.core.model.i18n import fill, translate

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
        raise UsageError(fill(translate("CommandLine", "a preset cannot be read: %1"), e)) from None
    width = max(len(n) for n, _, _ in rows)
    for name, text, _ in rows:
        print(f"{name:<{width}}  {translate('Presets', text)}")
    print("\n" + fill(translate("CommandLine", "%1 presets. Open one with `%2 NAME`, explain it with "
                                 "`%2 explain NAME`."), len(rows), PROG))
    return 0


def title(project: Project) -> str:
    """A project's title in the learner's language (the presets' titles are in the catalogue)."""
    return translate("Presets", project.name)
