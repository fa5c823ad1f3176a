"""`backprop-lab worksheet NET -o sheet.pdf [--answers key.pdf] [--lang ko]`: the command line's worksheet,
drawn offscreen by the same code as File → Export worksheet… (gui/worksheet_pdf.py), its messages in the
language asked for (else the locale's)."""
from __future__ import annotations

import argparse
import os

from backprop_lab.core.model import i18n


def cmd_worksheet(args: argparse.Namespace) -> int:
    from PySide6.QtCore import QCoreApplication

    from backprop_lab.core.cli import fail
    from backprop_lab.core.teaching import worksheet

    from .app import install_translations, make_app
    from .launcher import load_project
    from .worksheet_pdf import WriteError, write_worksheet
    translate = QCoreApplication.translate
    install_translations(make_app(), args.lang or i18n.system_language())
    project, err = load_project(args.net)
    if err:
        return fail(err, 2)
    if args.answers and os.path.abspath(args.answers) == os.path.abspath(args.output):
        return fail(translate("WorksheetCli", "--answers must name another file than -o"), 2)
    if args.sample > len(project.data):
        return fail(translate("WorksheetCli", "--sample %1: the network has %2 samples")
                    .replace("%1", str(args.sample)).replace("%2", str(len(project.data))), 2)
    ws = worksheet.build(project, sample=args.sample - 1, count=args.count, seed=args.seed)
    try:
        write_worksheet(ws, project, args.output, args.answers)
    except WriteError as e:
        return fail(translate("WorksheetCli", "could not write %1: %2").replace("%1", e.path)
                    .replace("%2", e.reason), 2)
    written = args.output + (f", {args.answers}" if args.answers else "")
    print(translate("WorksheetCli", "wrote %1: %2 blanks, sample %3").replace("%1", written)
          .replace("%2", str(len(ws.blanks))).replace("%3", str(ws.sample + 1)))
    return 0
