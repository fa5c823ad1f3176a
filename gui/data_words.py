"""The window's words for the data a learner brings: why a CSV file cannot be read (core.io.dataset_csv
gives a code, its values, the row and the column), and the generators' names."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from backprop_lab.core.io.dataset_csv import CsvDataError

translate = QCoreApplication.translate


def kind_label(kind: str) -> str:
    """A generator as the dialog lists it, in core.model.generators.KINDS order."""
    return {"circle": translate("Data", "circle (a disc inside a ring)"),
            "xor": translate("Data", "XOR quadrants"),
            "gaussians": translate("Data", "two Gaussians"),
            "spiral": translate("Data", "spiral (two arms)")}[kind]


def _reasons() -> dict[str, str]:
    return {
        "cannot_read": translate("Data", "The file cannot be read (%why)"),
        "folder": translate("Data", "This is a folder, not a file"),
        "not_regular": translate("Data", "This is not a regular file (a pipe or a device): nothing was read"),
        "too_large": translate("Data", "The file is %mb MB; at most %limit MB is read"),
        "binary": translate("Data", "This is not a text file (it holds NUL bytes)"),
        "not_utf8": translate("Data", "The file is not UTF-8 text: byte %byte cannot be read"),
        "bad_csv": translate("Data", "The file is not valid CSV here (an unclosed quote?)"),
        "empty": translate("Data", "The file is empty: it needs a header row and at least one row of numbers"),
        "too_many_columns": translate("Data", "The file has %n columns; at most %limit are read"),
        "header_only": translate("Data", "The file has a header but no rows of numbers"),
        "too_many_rows": translate("Data", "The file has %n rows of data; a data set holds at most %limit samples"),
        "wrong_count": translate("Data", "%n values, but the header names %columns columns"),
        "unnamed": translate("Data", "Column %n has no name in the header"),
        "duplicate_name": translate("Data", "Two columns have this name; each needs its own"),
        "no_column_number": translate("Data", "There is no column %n (the file has %columns)"),
        "no_column_name": translate("Data", "No column is named %name (the file has %names)"),
        "no_input": translate("Data", "Choose at least one input column"),
        "no_target": translate("Data", "Choose at least one target column"),
        "chosen_twice": translate("Data", "A column can be chosen only once, as an input or as a target"),
        "missing": translate("Data", "The value is missing"),
        "not_finite": translate("Data", "“%text” is not a finite number"),
        "not_number": translate("Data", "“%text” is not a number (this column holds numbers)"),
    }


def csv_problem(e: CsvDataError) -> str:
    """The whole message: where (row and column, as a spreadsheet counts them) and what is wrong."""
    text = _reasons().get(e.code, e.reason)
    for name, value in sorted(e.values.items(), key=lambda kv: -len(kv[0])):
        text = text.replace("%" + name, str(value))
    if e.row and e.column:
        where = translate("Data", "Row %1, column “%2”: ").replace("%1", str(e.row)).replace("%2", e.column)
    elif e.row:
        where = translate("Data", "Row %1: ").replace("%1", str(e.row))
    elif e.column:
        where = translate("Data", "Column “%1”: ").replace("%1", e.column)
    else:
        where = ""
    return where + text


def fit_problem(inputs: int, targets: int, n_inputs: int, n_outputs: int) -> str:
    """The chosen columns do not fit the network."""
    return (translate("Data", "%1 input and %2 target columns are chosen; the network takes %3 inputs and gives "
                              "%4 outputs")
            .replace("%1", str(inputs)).replace("%2", str(targets))
            .replace("%3", str(n_inputs)).replace("%4", str(n_outputs)))
