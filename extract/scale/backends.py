"""Where chunks of work run: here, in a pool of local processes, or on a Dask cluster.

Every backend takes the chunks in order and yields each chunk's results in
the same order, as soon as they can be, with a bounded number of chunks in
flight (memory stays flat however many sources there are). Results that
finish early wait in a small buffer until those before them are done, so the
single writer stores articles in input order, exactly as a serial run does.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from extract.extras import MissingExtra, require
from extract.scale.tasks import READ, SINGLE_THREAD_ENV, Result, Settings, Task, process_chunk, warm_up


WORKER_DIED = "the worker process died while extracting this source"


class BackendError(Exception):
    """The backend cannot start (bad address, no workers); one line for the user."""


class SerialBackend:
    """In this process; what `--workers 1` would be."""

    workers = 1

    def __enter__(self) -> SerialBackend:
        return self

    def __exit__(self, *exc: object) -> None:
        pass

    def run(self, chunks: Iterable[list[Task]], settings: Settings) -> Iterator[list[Result]]:
        warm_up(settings)
        for chunk in chunks:
            yield process_chunk(chunk, settings)


class ProcessBackend:
    """A pool of `workers` local processes, each loading the pipeline once."""

    def __init__(self, workers: int, settings: Settings, in_flight_per_worker: int = 3):
        self.workers = workers
        self._settings = settings
        self._in_flight = max(2, workers * in_flight_per_worker)
        self._pool: ProcessPoolExecutor | None = None
        self._saved_env: dict[str, str | None] = {}

    def __enter__(self) -> ProcessBackend:
        # Children inherit the environment when they start: one BLAS/OpenMP
        # thread each, set before they import numpy.
        self._saved_env = {name: os.environ.get(name) for name in SINGLE_THREAD_ENV}
        for name, value in SINGLE_THREAD_ENV.items():
            os.environ.setdefault(name, value)
        self._pool = self._new_pool()
        return self

    def _new_pool(self) -> ProcessPoolExecutor:
        # spawn, not fork: the parent may hold threads (progress bar, RSS
        # sampler), and a forked child of a threaded parent can deadlock.
        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=warm_up,
            initargs=(self._settings, True, os.getpid()),
        )

    def __exit__(self, exc_type, *exc: object) -> None:
        if self._pool is not None:
            if exc_type is not None and issubclass(exc_type, KeyboardInterrupt):
                self._stop_now()
            else:
                self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        for name, value in self._saved_env.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value

    def _stop_now(self) -> None:
        """Interrupted: end the workers now rather than after the chunks they are on."""
        processes = list((getattr(self._pool, "_processes", None) or {}).values())
        self._pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.terminate()
        for process in processes:
            process.join(timeout=5)

    def run(self, chunks: Iterable[list[Task]], settings: Settings) -> Iterator[list[Result]]:
        assert self._pool is not None, "use the backend as a context manager"

        def recover(chunk: list[Task], error: BaseException) -> list[Result] | None:
            if not isinstance(error, BrokenProcessPool):
                return None
            # A worker died (killed, out of memory, a crash in a C library)
            # and took the pool down: run each of the chunk's sources alone
            # in a fresh pool, so only a source that kills a worker again fails.
            return [self._run_alone(task, settings) for task in chunk]

        yield from _ordered(
            lambda chunk: self._submit(chunk, settings), chunks, self._in_flight, wait_any=_wait_local, recover=recover
        )

    def _submit(self, chunk: list[Task], settings: Settings) -> Future:
        try:
            return self._pool.submit(process_chunk, chunk, settings)
        except BrokenProcessPool:
            self._restart()
            return self._pool.submit(process_chunk, chunk, settings)

    def _run_alone(self, task: Task, settings: Settings) -> Result:
        try:
            return self._submit([task], settings).result()[0]
        except BrokenProcessPool:
            self._restart()
            return Result(task.index, failed_at=READ, reason=WORKER_DIED)

    def _restart(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = self._new_pool()


class DaskBackend:
    """Workers of a Dask distributed cluster at `address` (tcp://host:port, or a Client)."""

    def __init__(self, address, in_flight_per_worker: int = 3, connect_timeout: float = 30):
        self._address = address
        self._per_worker = in_flight_per_worker
        self._timeout = connect_timeout
        self._client = None
        self._own_client = False
        self.workers = 0

    def __enter__(self) -> DaskBackend:
        try:
            Client = require("distributed", "dask", "--dask").Client
        except MissingExtra as error:
            raise BackendError(str(error)) from None

        if isinstance(self._address, Client):
            self._client = self._address
        else:
            try:
                self._client = Client(self._address, timeout=self._timeout, set_as_default=False)
            except (OSError, TimeoutError, ValueError) as error:
                raise BackendError(
                    f"cannot reach the Dask scheduler at {self._address}: {_first_line(error)}"
                ) from None
            self._own_client = True
        self.workers = sum(self._client.nthreads().values())
        if self.workers == 0:
            self._client.wait_for_workers(1, timeout=self._timeout)
            self.workers = sum(self._client.nthreads().values())
        return self

    def __exit__(self, *exc: object) -> None:
        if self._own_client and self._client is not None:
            self._client.close()
        self._client = None

    def run(self, chunks: Iterable[list[Task]], settings: Settings) -> Iterator[list[Result]]:
        from distributed import as_completed

        client = self._client
        assert client is not None, "use the backend as a context manager"
        # Each worker loads the pipeline once (a module-level cache), here
        # before the first chunk arrives, in the worker's own task thread.
        warm = [
            client.submit(warm_up, settings, workers=[address], allow_other_workers=False, pure=False)
            for address in client.nthreads()
        ]
        client.gather(warm)

        def submit(chunk: list[Task]):
            # pure=False: two chunks with equal inputs are still two pieces of work.
            return client.submit(process_chunk, chunk, settings, pure=False)

        def wait_any(pending):
            # Results stream back as they finish (as_completed); the writer
            # still takes them in order.
            done = {future for future in pending if future.done()}
            return done or {next(iter(as_completed(pending, loop=client.loop)))}

        yield from _ordered(submit, chunks, max(2, self.workers * self._per_worker), wait_any=wait_any)


def _wait_local(pending: set[Future]) -> set[Future]:
    done, _ = wait(pending, return_when=FIRST_COMPLETED)
    return done


def _ordered(submit, chunks: Iterable[list[Task]], in_flight: int, *, wait_any, recover=None) -> Iterator[list[Result]]:
    """Submit chunks with at most `in_flight` running; yield their results in submission order.

    A chunk whose worker failed comes back from `recover(chunk, error)` when
    that gives results, else as failed sources: the run goes on and reports them.
    """
    iterator = iter(chunks)
    running: dict[int, tuple[list[Task], object]] = {}  # sequence number → (chunk, future)
    finished: dict[int, list[Result]] = {}
    next_to_submit = 0
    next_to_yield = 0
    exhausted = False
    while True:
        while not exhausted and len(running) + len(finished) < in_flight:
            chunk = next(iterator, None)
            if chunk is None:
                exhausted = True
                break
            running[next_to_submit] = (chunk, submit(chunk))
            next_to_submit += 1
        if next_to_yield in finished:
            yield finished.pop(next_to_yield)
            next_to_yield += 1
            continue
        if not running:
            return
        done = wait_any({future for _, future in running.values()})
        for number, (chunk, future) in list(running.items()):
            if future in done:
                finished[number] = _chunk_result(chunk, future, recover)
                del running[number]


def _chunk_result(chunk: list[Task], future, recover=None) -> list[Result]:
    try:
        return future.result()
    except Exception as error:  # the worker, not the source, failed
        recovered = recover(chunk, error) if recover is not None else None
        if recovered is not None:
            return recovered
        reason = f"worker failed: {type(error).__name__}: {_first_line(error)}"
        return [Result(task.index, failed_at=READ, reason=reason) for task in chunk]


def _first_line(error: BaseException) -> str:
    text = str(error) or type(error).__name__
    return text.splitlines()[0]
