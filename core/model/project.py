"""What a learner works on: a network (with its notation), its data set, its optimizer settings, and,
for a preset built from a text, the numbers that text prints."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from backprop_lab.core.model.dataset import Dataset
from backprop_lab.core.model.network import Network
from backprop_lab.core.model.settings import Settings


@dataclass
class Project:
    net: Network
    data: Dataset
    settings: Settings = field(default_factory=Settings)
    name: str = ""
    description: str = ""
    # Numbers the source text prints, for the "matches the source" marks and the seed tests:
    # a list of {"quantity": str, "printed": str, "note": str (erratum, if any)}. See core/document.py.
    source: list[dict] = field(default_factory=list)
    # Samples held out of training (a train/test split): only their loss is shown, never trained on.
    test: Dataset | None = None
    # The training a file kept with the network (core.numerics.saved_run.SavedRun), handed to the
    # window's model when it takes the project (core.numerics.project_model); None for a preset.
    # Typed loosely: the model layer does not know the trainer's types. A copy does not carry it.
    history: Any = field(default=None, compare=False, repr=False)

    def copy(self) -> Project:
        return Project(self.net.copy(), self.data.copy(), self.settings.copy(), self.name, self.description,
                       [dict(s) for s in self.source], None if self.test is None else self.test.copy())
