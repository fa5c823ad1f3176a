"""A simulated clock for the run loop's tests: the runner reads it, and training and views advance it
by what they would cost, so the tests measure shares of time, never the machine's speed."""
from backprop_lab.gui import runner as runner_module


class SimulatedClock:
    def __init__(self):
        self.now = 0.0

    def perf_counter(self) -> float:
        return self.now


def run_on_clock(monkeypatch) -> SimulatedClock:
    """The runner's time, from here on, is the returned clock's."""
    clock = SimulatedClock()
    monkeypatch.setattr(runner_module, "time", clock)
    return clock


def train_on_clock(window, clock: SimulatedClock, step_seconds: float, monkeypatch) -> None:
    """Each training step costs `step_seconds` of the clock; Run goes as fast as it goes."""
    s = window.session
    train = s.model.train

    def timed_train(n, floor):
        taken = train(n, floor)
        clock.now += n * step_seconds
        return taken
    monkeypatch.setattr(s.model, "train", timed_train)
    window.controls.pace.speed.setValue(window.controls.pace.speed.maximum())
