"""What the benchmark ran on, and how much memory it took at its peak."""

from __future__ import annotations

import os
import platform
import threading
from dataclasses import asdict, dataclass

import psutil


@dataclass
class Machine:
    cores: int
    memory_gib: float
    cpu: str
    python: str
    load_average: tuple[float, float, float]  # 1, 5, 15 minutes, at the start: other work on the machine

    def to_dict(self) -> dict:
        return asdict(self)

    def describe(self) -> str:
        load = ", ".join(f"{x:.1f}" for x in self.load_average)
        return f"{self.cores} cores, {self.memory_gib:.0f} GiB, {self.cpu}, Python {self.python}, load average {load}"


def this_machine() -> Machine:
    return Machine(
        cores=os.cpu_count() or 1,
        memory_gib=round(psutil.virtual_memory().total / 2**30, 1),
        cpu=_cpu_model(),
        python=platform.python_version(),
        load_average=tuple(round(x, 2) for x in os.getloadavg()),
    )


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


class PeakRss:
    """Samples the resident memory of this process plus all its children
    (worker processes) in a background thread; `peak_mb` is the largest sum seen.

    Use as a context manager around what is measured.
    """

    def __init__(self, interval: float = 0.1):
        self.interval = interval
        self.peak_bytes = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="peak-rss", daemon=True)

    @property
    def peak_mb(self) -> float:
        return round(self.peak_bytes / 2**20, 1)

    def sample(self) -> int:
        me = psutil.Process()
        total = 0
        for process in [me, *me.children(recursive=True)]:
            try:
                total += process.memory_info().rss
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                pass
        self.peak_bytes = max(self.peak_bytes, total)
        return total

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.sample()

    def __enter__(self) -> PeakRss:
        self.sample()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.sample()
