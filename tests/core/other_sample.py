"""Projects in which a step on one sample takes another sample's values past the largest float."""
import numpy as np

from backprop_lab.core.model.dataset import Dataset
from backprop_lab.core.model.network import LayerSpec, Network
from backprop_lab.core.model.project import Project
from backprop_lab.core.model.settings import Settings


def other_sample_overflows(kind: str) -> Project:
    """A step on sample 1 that sample 2 cannot bear: its own values stay finite, the weight it leaves
    takes sample 2's (x = 1e10) past the largest float. "later", "loss": E2 = ½(1e160)² is inf. "softmax": z is
    ±inf and the softmax inf − inf (the storm's case)."""
    if kind == "later":       # 20 copies of sample 1, then sample 2: its loss overflows after the 8th step
        net = Network(1, [LayerSpec(1, "identity", "none")], "half_sse", theta=np.array([0.0]))
        return Project(net, Dataset([[1.0]] * 20 + [[1e10]], [[2.5e144]] * 20 + [[0.0]]),
                       Settings(lr=0.1, mode="sample"))
    if kind == "loss":
        net = Network(1, [LayerSpec(1, "identity", "none")], "half_sse", theta=np.array([0.0]))
        return Project(net, Dataset([[1.0], [1e10]], [[1e150], [0.0]]), Settings(lr=1.0, mode="sample"))
    net = Network(1, [LayerSpec(2, "softmax", "none")], "cross_entropy", theta=np.zeros(2))
    return Project(net, Dataset([[1.0], [1e10]], [[1.0, 0.0], [0.0, 1.0]]), Settings(lr=1e300, mode="sample"))
