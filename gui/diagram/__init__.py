"""The network diagram: neurons, weights and biases you can click, scrub and type into."""


def __getattr__(name):
    # Lazy, so that `python -m backprop_lab.gui.diagram.view` does not import the module twice.
    if name == "NetworkView":
        from .view import NetworkView
        return NetworkView
    raise AttributeError(name)


__all__ = ["NetworkView"]
