"""`backprop-lab export NET --to numpy|pytorch -o FILE`: the network as a standalone training script."""
from __future__ import annotations

import argparse

from backprop_lab.core.cli.parser import UsageError
from backprop_lab.core.cli.presets import load_net
from backprop_lab.core.model.i18n import fill, translate


def cmd_export(args: argparse.Namespace) -> int:
    from backprop_lab.core.io.atomic import write_bytes
    from backprop_lab.core.io.code_export import ExportError, export_script
    project = load_net(args.net)
    try:
        text = export_script(project, args.to, steps=args.steps)
    except ExportError as e:
        raise UsageError(f"export: {e}") from None
    try:
        write_bytes(args.output, text.encode("utf-8"))
    except OSError as e:
        raise UsageError(fill(translate("CommandLine", "-o: cannot write %1: %2"), args.output,
                              e.strerror or e)) from None
    print(fill(translate("CommandLine", "%1 script written to %2; run it with `python %2`"), args.to, args.output))
    return 0
