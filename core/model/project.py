"""What a learner works on: a network (with its notation), its data set, its optimizer settings, and,
for a preset built from a text, the numbers that text prints."""
from __future__ import annotations

from dataclasses import dataclass, field

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

    def copy(self) -> Project:
        return Project(self.net.copy(), self.data.copy(), self.settings.copy(), self.name, self.description,
                       [dict(s) for s in self.source], None if self.test is None else self.test.copy())
