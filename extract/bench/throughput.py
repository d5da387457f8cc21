"""`extract bench`: how fast the whole pipeline runs from cached HTML, and where the time goes.

One benchmark run of N articles:

1. synthesises N pages from the corpus pages (extract.bench.synth) into a
   fresh HTML cache in a temporary directory;
2. times trafilatura's extraction alone on those pages (same number of
   processes as the pipeline gets), the baseline;
3. runs the real `extract run` path on the cached pages into a fresh
   database (extract.scale.runner, serial or over `workers` processes),
   timing it end to end, sampling peak memory (this process and every
   worker), and collecting each stage's time per article from the workers:
   HTML → article, NLP, facts; and from the writer: store.

Not a test: nothing here asserts a speed. The goals are printed beside the
figures.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from collections.abc import Callable, Iterator

from extract.bench.machine import Machine, PeakRss, this_machine
from extract.scale.tasks import Settings, warm_up

GOALS = {
    "articles_per_s": 40.0,  # at least, end to end on 2 cores
    "ratio_to_trafilatura": 3.0,  # at most
    "peak_rss_mb": 1024.0,  # at most
    "growth_10x": 11.0,  # at most: time for 10× the articles
}
STAGES = ("read", "nlp", "facts", "store")
STAGE_NAMES = {"read": "HTML → article", "nlp": "NLP (spaCy)", "facts": "facts", "store": "store (SQLite)"}


@dataclass
class BenchRun:
    articles: int  # asked for
    stored: int
    failed: int
    workers: int
    backend: str  # "serial", "processes" or "dask"
    seconds: float  # end to end, wall clock (worker start-up included; see run_bench)
    articles_per_s: float
    startup_seconds: float  # from the start until the first article was stored
    steady_articles_per_s: float  # from the first article stored to the last
    trafilatura_seconds: float
    ratio_to_trafilatura: float  # end-to-end wall clock / trafilatura's, same number of processes
    trafilatura_cpu_ms: float  # CPU per page, trafilatura alone
    cpu_ratio_to_trafilatura: float  # CPU per article, all stages / trafilatura's alone
    peak_rss_mb: float  # this process and its children (Dask workers run elsewhere and are not counted)
    stage_ms: dict[str, float] = field(
        default_factory=dict
    )  # mean wall-clock ms per article, in the process that ran it
    stage_cpu_ms: dict[str, float] = field(
        default_factory=dict
    )  # mean CPU ms per article (other load on the machine does not count)
    synth_seconds: float = 0.0
    # What the CPU time per article allows on min(workers, cores) idle cores:
    # the figure to compare with the goal when other work shares the machine.
    idle_estimate_articles_per_s: float = 0.0
    failures: list[str] = field(default_factory=list)  # first few reasons

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Bench:
    machine: Machine
    runs: list[BenchRun]
    load_average_after: tuple[float, float, float] | None = None

    @property
    def growth(self) -> list[dict]:
        """How time grows from each size to the next: the time from the first
        article stored to the last (start-up, a constant, left out), and end to end."""
        out = []
        for small, large in zip(self.runs, self.runs[1:]):
            small_steady, large_steady = small.seconds - small.startup_seconds, large.seconds - large.startup_seconds
            if small_steady > 0 and small.seconds > 0:
                out.append(
                    {
                        "from": small.articles,
                        "to": large.articles,
                        "articles_ratio": round(large.articles / small.articles, 2),
                        "time_ratio": round(large_steady / small_steady, 2),
                        "end_to_end_ratio": round(large.seconds / small.seconds, 2),
                    }
                )
        return out

    def to_dict(self) -> dict:
        """The last (largest) run's figures at the top level, every run under `runs`."""
        last = self.runs[-1]
        return {
            **last.to_dict(),
            "goals": GOALS,
            "machine": {**self.machine.to_dict(), "load_average_after": self.load_average_after},
            "runs": [r.to_dict() for r in self.runs],
            "growth": self.growth,
        }


def bench(
    sizes: list[int],
    workers: int = 1,
    *,
    dask_address: str | None = None,
    seed: int = 0,
    workdir: str | Path | None = None,
    progress: Callable[[int, int], None] | None = None,
    profile_to: str | Path | None = None,
) -> Bench:
    """Benchmark runs of each size in `sizes` (e.g. 1000 and 10000), smallest first."""
    machine = this_machine()
    runs = [
        run_bench(
            n, workers, dask_address=dask_address, seed=seed, workdir=workdir, progress=progress, profile_to=profile_to
        )
        for n in sorted(sizes)
    ]
    return Bench(machine, runs, load_average_after=this_machine().load_average)


def run_bench(
    articles: int,
    workers: int = 1,
    *,
    dask_address: str | None = None,
    seed: int = 0,
    workdir: str | Path | None = None,
    progress: Callable[[int, int], None] | None = None,
    profile_to: str | Path | None = None,
) -> BenchRun:
    """One benchmark run of `articles` synthetic articles over `workers` local
    processes (or the Dask cluster at `dask_address`).

    `workdir` keeps the pages and the database (else a temporary directory is
    removed afterwards). `profile_to` writes a pyinstrument profile of the
    end-to-end run there (.html, else text); it sees this process only, so
    it is meant for workers=1.
    """
    if workdir is not None:
        Path(workdir).mkdir(parents=True, exist_ok=True)
        return _run_in(Path(workdir), articles, workers, dask_address, seed, progress, profile_to)
    with tempfile.TemporaryDirectory(prefix="extract-bench-") as tmp:
        return _run_in(Path(tmp), articles, workers, dask_address, seed, progress, profile_to)


def _run_in(root: Path, articles: int, workers: int, dask_address, seed: int, progress, profile_to) -> BenchRun:
    from extract.bench.synth import synthesise
    from extract.ingest.cache import HtmlCache
    from extract.pipeline import DEFAULT_CHUNK_SIZE, run_sources

    cache_dir = root / f"html-cache-{articles}"
    db_path = root / f"bench-{articles}.db"
    for stale in (db_path, Path(f"{db_path}-wal"), Path(f"{db_path}-shm")):
        stale.unlink(missing_ok=True)
    started = time.perf_counter()
    urls = synthesise(articles, HtmlCache(cache_dir), seed=seed)
    synth_seconds = time.perf_counter() - started
    url_list = root / f"urls-{articles}.txt"
    url_list.write_text("\n".join(urls) + "\n", encoding="utf-8")

    if dask_address is not None:
        workers = _dask_threads(dask_address)
    elif workers == 1:
        # A serial run loads the model before the clock starts (once per
        # process: a second run would not pay it); worker processes load it
        # on the clock, as part of their start-up.
        warm_up(Settings(cache_dir=str(cache_dir)))
    trafilatura_seconds, trafilatura_cpu = time_trafilatura(urls, str(cache_dir), workers, dask_address)

    totals = dict.fromkeys(STAGES, 0.0)
    cpu_totals = dict.fromkeys(STAGES, 0.0)
    counted = 0
    failures: list[str] = []

    stored_at: list[float] = []  # time of the first and of the latest article stored

    def on_stored(result) -> None:
        nonlocal counted
        counted += 1
        stored_at[1:] = [time.perf_counter()]
        if len(stored_at) == 1:
            stored_at.append(stored_at[0])
        for stage in STAGES:
            totals[stage] += result.seconds.get(stage, 0.0)
            cpu_totals[stage] += result.cpu_seconds.get(stage, 0.0)
        if result.reason and len(failures) < 5:
            failures.append(result.reason)
        if progress is not None:
            progress(counted, articles)

    profiler = _profiler() if profile_to else None
    with PeakRss() as rss:
        started = time.perf_counter()
        if profiler is not None:
            profiler.start()
        try:
            report = run_sources(
                [str(url_list)],
                db_path,
                workers=workers,
                dask_address=dask_address,
                cache_dir=cache_dir,
                on_stored=on_stored,
                timed=True,
                chunk_size=DEFAULT_CHUNK_SIZE,
            )
        finally:
            if profiler is not None:
                profiler.stop()
        seconds = time.perf_counter() - started
    first, last = (stored_at[0] - started, stored_at[1] - started) if stored_at else (seconds, seconds)
    if profiler is not None:
        _write_profile(profiler, Path(profile_to))
    stored = len(report.stored)
    return BenchRun(
        articles=articles,
        stored=stored,
        failed=len(report.failed),
        workers=workers,
        backend="dask" if dask_address else "processes" if workers > 1 else "serial",
        seconds=round(seconds, 2),
        articles_per_s=round(stored / seconds, 2) if seconds else 0.0,
        startup_seconds=round(first, 2),
        steady_articles_per_s=round((counted - 1) / (last - first), 2) if last > first else 0.0,
        trafilatura_seconds=round(trafilatura_seconds, 2),
        ratio_to_trafilatura=round(seconds / trafilatura_seconds, 2) if trafilatura_seconds else 0.0,
        trafilatura_cpu_ms=round(1000 * trafilatura_cpu / articles, 2),
        cpu_ratio_to_trafilatura=(
            round(sum(cpu_totals.values()) / trafilatura_cpu * articles / counted, 2)
            if trafilatura_cpu and counted
            else 0.0
        ),
        peak_rss_mb=rss.peak_mb,
        stage_ms={s: round(1000 * totals[s] / counted, 2) if counted else 0.0 for s in STAGES},
        stage_cpu_ms={s: round(1000 * cpu_totals[s] / counted, 2) if counted else 0.0 for s in STAGES},
        synth_seconds=round(synth_seconds, 1),
        idle_estimate_articles_per_s=_idle_estimate(cpu_totals, counted, workers),
        failures=failures,
    )


def _idle_estimate(cpu_totals: dict[str, float], counted: int, workers: int) -> float:
    import os

    cpu_per_article = sum(cpu_totals.values()) / counted if counted else 0.0
    cores = min(workers, os.cpu_count() or 1)
    return round(cores / cpu_per_article, 2) if cpu_per_article else 0.0


def time_trafilatura(
    urls: list[str], cache_dir: str, workers: int = 1, dask_address: str | None = None
) -> tuple[float, float]:
    """(wall-clock seconds, CPU seconds) for trafilatura alone to extract
    every page, over `workers` processes or the Dask cluster's workers.

    The clock runs on a second pass over the pages: one-time costs (imports,
    dateparser loaded lazily by the first date of some shape, about a second
    each) stay out of the baseline, which is then the steady per-page cost.
    """
    chunks = [urls[i : i + 16] for i in range(0, len(urls), 16)]
    if dask_address is not None:
        return _time_trafilatura_dask(chunks, cache_dir, dask_address)
    if workers <= 1:
        for _ in range(2):
            started = time.perf_counter()
            cpu = sum(_trafilatura_chunk(chunk, cache_dir) for chunk in chunks)
        return time.perf_counter() - started, cpu
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        for _ in range(2):
            started = time.perf_counter()
            cpu = sum(pool.map(_trafilatura_chunk, chunks, [cache_dir] * len(chunks)))
        return time.perf_counter() - started, cpu


def _dask_threads(address: str) -> int:
    from distributed import Client

    with Client(address, set_as_default=False) as client:
        return sum(client.nthreads().values())


def _time_trafilatura_dask(chunks: list[list[str]], cache_dir: str, address: str) -> tuple[float, float]:
    from distributed import Client

    with Client(address, set_as_default=False) as client:
        for _ in range(2):
            started = time.perf_counter()
            cpu = sum(client.gather(client.map(_trafilatura_chunk, chunks, cache_dir=cache_dir, pure=False)))
        return time.perf_counter() - started, cpu


def _trafilatura_chunk(urls: list[str], cache_dir: str) -> float:
    """trafilatura's own extraction of each cached page, with the options
    extract_article uses; returns the CPU seconds the extraction took."""
    import trafilatura
    from trafilatura.settings import set_date_params

    from extract.ingest.cache import HtmlCache

    cache = HtmlCache(cache_dir)
    cpu = 0.0
    for url in urls:
        page = cache.get(url)
        if page is None:
            continue
        started = time.process_time()
        trafilatura.extract(
            page.html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            deduplicate=False,
            date_extraction_params=set_date_params(extensive=False),
        )
        cpu += time.process_time() - started
    return cpu


def _profiler():
    from pyinstrument import Profiler

    return Profiler(interval=0.002)


def _write_profile(profiler, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix.lower() in (".html", ".htm"):
        path.write_text(profiler.output_html(), encoding="utf-8")
    else:
        path.write_text(profiler.output_text(unicode=True, show_all=False), encoding="utf-8")


@contextlib.contextmanager
def progress_bars(enabled: bool = True) -> Iterator[Callable[[int, int], None]]:
    """A `progress(done, total)` for `bench`: one bar per run, on stderr when it is a terminal."""
    from tqdm import tqdm

    bars: dict[int, tqdm] = {}

    def progress(done: int, total: int) -> None:
        bar = bars.get(total)
        if bar is None:
            bar = bars[total] = tqdm(total=total, unit="article", disable=None if enabled else True, leave=False)
        bar.update(done - bar.n)

    try:
        yield progress
    finally:
        for bar in bars.values():
            bar.close()


# -- report ----------------------------------------------------------------


def format_bench(bench: Bench) -> str:
    lines = [f"machine: {bench.machine.describe()}"]
    if bench.load_average_after:
        lines.append("load average after: " + ", ".join(f"{x:.1f}" for x in bench.load_average_after))
    for run in bench.runs:
        lines.append("")
        lines.append(
            f"{run.articles:,} articles, {run.workers} worker{'s' if run.workers != 1 else ''}"
            f"{' on Dask' if run.backend == 'dask' else ''}:"
            f" {run.stored:,} stored, {run.failed:,} failed; pages synthesised in {run.synth_seconds:.0f} s"
        )
        per_article = sum(run.stage_ms.values())
        cpu_per_article = sum(run.stage_cpu_ms.values())
        lines.append(f"  {'stage':18s} {'wall ms/article':>16s} {'CPU ms/article':>15s} {'CPU share':>10s}")
        for stage in STAGES:
            ms, cpu = run.stage_ms.get(stage, 0.0), run.stage_cpu_ms.get(stage, 0.0)
            share = f"{100 * cpu / cpu_per_article:5.1f}%" if cpu_per_article else "-"
            lines.append(f"  {STAGE_NAMES[stage]:18s} {ms:16.1f} {cpu:15.1f} {share:>10s}")
        lines.append(f"  {'sum of stages':18s} {per_article:16.1f} {cpu_per_article:15.1f}")
        lines.append(f"  {'figure':34s} {'measured':>10s}  goal")
        lines.append(_figure("end to end, articles/s", run.articles_per_s, "≥", GOALS["articles_per_s"], " on 2 cores"))
        lines.append(f"  {'end to end, seconds':34s} {run.seconds:10.1f}")
        lines.append(
            f"  {'  of which start-up, seconds':34s} {run.startup_seconds:10.1f}   (to the first article stored)"
        )
        lines.append(f"  {'after start-up, articles/s':34s} {run.steady_articles_per_s:10.2f}")
        lines.append(
            f"  {'from CPU time, on idle cores':34s} {run.idle_estimate_articles_per_s:10.2f}"
            f"   (articles/s that {min(run.workers, bench.machine.cores)} idle core(s) would give)"
        )
        lines.append(f"  {'trafilatura alone, seconds':34s} {run.trafilatura_seconds:10.1f}")
        lines.append(
            _figure("end to end / trafilatura alone", run.ratio_to_trafilatura, "≤", GOALS["ratio_to_trafilatura"], "×")
        )
        lines.append(
            _figure(
                "  CPU per article / trafilatura's",
                run.cpu_ratio_to_trafilatura,
                "≤",
                GOALS["ratio_to_trafilatura"],
                "×",
            )
            + f"  (trafilatura alone: {run.trafilatura_cpu_ms:.1f} CPU ms/page)"
        )
        rss_name = "peak RSS (this process), MB" if run.backend == "dask" else "peak RSS (all processes), MB"
        lines.append(_figure(rss_name, run.peak_rss_mb, "≤", GOALS["peak_rss_mb"]))
        for reason in run.failures:
            lines.append(f"  failed: {reason}")
    for step in bench.growth:
        goal = GOALS["growth_10x"] * step["articles_ratio"] / 10
        lines.append("")
        lines.append(
            _figure(
                f"time growth {step['from']:,} → {step['to']:,} ({step['articles_ratio']:g}× articles)",
                step["time_ratio"],
                "≤",
                round(goal, 2),
                "×",
            ).strip()
            + f"  (after start-up; end to end {step['end_to_end_ratio']:g}×)"
        )
    return "\n".join(lines)


def _figure(name: str, value: float, relation: str, goal: float, unit: str = "") -> str:
    met = value >= goal if relation == "≥" else value <= goal
    return f"  {name:34s} {value:10.2f}  {relation} {goal:g}{unit} {'met' if met else 'MISSED'}"
