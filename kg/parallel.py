"""Where batches are extracted: in this process, in local worker processes, or on Dask.

Every runner has one shape: `submit(documents)` returns a future whose `result()` is the
batch's `Extraction`. `in_order` keeps a bounded number of batches in flight and hands results
back in the order the batches were read, so the store is written in the same order, and with
the same result, whatever the number of workers. The window bounds memory: the corpus is
never read ahead of the workers by more than a few batches.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from kg.errors import KgError

if TYPE_CHECKING:
    from kg.model import Document, Extraction
    from kg.pipeline import Batch

Submit = Callable[[list["Document"]], Any]  # -> a future with .result() -> Extraction
DASK_CONNECT_TIMEOUT = 10  # seconds to reach a scheduler, then to see a first worker
_WORKER_LOCK = threading.Lock()  # one spaCy pipeline per process: parse one batch at a time


@dataclass
class Runner:
    """A way to run batches, and how many may be in flight to keep every worker busy."""

    submit: Submit
    window: int


@contextmanager
def runner(*, workers: int = 1, dask: str | None = None, use_known: bool = True
           ) -> Iterator[Runner]:
    """The runner for the options of `kg build`, shut down (no process left) on exit."""
    if dask is not None:
        with dask_runner(dask, use_known=use_known) as found:
            yield found
    elif workers > 1:
        with process_runner(workers, use_known=use_known) as found:
            yield found
    else:
        yield Runner(submit=partial(_run_here, use_known=use_known), window=1)


def in_order(run: Runner, batches: Iterable[Batch]) -> Iterator[tuple[Batch, Extraction]]:
    """(batch, extraction) in input order, with at most `run.window` batches submitted ahead."""
    pending: deque[tuple[Batch, Any]] = deque()
    for batch in batches:
        pending.append((batch, run.submit(batch.documents) if batch.documents else None))
        while len(pending) >= run.window or (pending and pending[0][1] is None):
            yield _finish(*pending.popleft())
    while pending:
        yield _finish(*pending.popleft())


def _finish(batch: Batch, future: Any) -> tuple[Batch, Extraction]:
    from kg.model import Extraction

    if future is None:
        return batch, Extraction()
    try:
        extraction = future.result()
    except BrokenProcessPool as exc:
        raise KgError("a worker process died (out of memory?); the documents written so far "
                      "are kept, re-run to add the rest", 1) from exc
    extraction.documents = batch.documents  # workers do not send the texts back
    return batch, extraction


def _run_here(documents: list[Document], *, use_known: bool) -> Future:
    future: Future = Future()
    future.set_result(extract_on_worker(documents, use_known=use_known))
    return future


def extract_on_worker(documents: list[Document], *, use_known: bool = True) -> Extraction:
    """The task every runner executes; safe when a Dask worker runs several threads."""
    from kg.pipeline import extract

    with _WORKER_LOCK:
        extraction = extract(documents, use_known=use_known)
    extraction.documents = []  # the client has them: do not ship every text back
    return extraction


def warm_up(use_known: bool = True) -> str:
    """Load the spaCy model and the data files once per worker, before the first batch."""
    from kg import __version__
    from kg.knowledge import known_entities, relation_knowledge, schema, typing_cues
    from kg.nlp import load_pipeline

    with _WORKER_LOCK:
        load_pipeline()
        schema(), relation_knowledge(), typing_cues()
        if use_known:
            known_entities()
    return __version__


@contextmanager
def process_runner(workers: int, *, use_known: bool = True) -> Iterator[Runner]:
    """`workers` spawned processes on this machine, each loading spaCy once."""
    import multiprocessing

    context = multiprocessing.get_context("spawn")  # no forked copy of the parent's state
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=warm_up,
                               initargs=(use_known,))
    try:
        yield Runner(submit=partial(pool.submit, extract_on_worker, use_known=use_known),
                     window=2 * workers)
    finally:  # on an error or Ctrl-C, batches not started yet are dropped, not run
        pool.shutdown(wait=True, cancel_futures=True)


@contextmanager
def dask_runner(address: str, *, use_known: bool = True) -> Iterator[Runner]:
    """Batches sent to the Dask cluster whose scheduler listens at `address`.

    The workers must have kg installed (same version) with its spaCy model: they import
    `kg.parallel` to run a batch. Checked once on connecting, so a misconfigured cluster fails
    with one line instead of one traceback per batch.
    """
    client = _connect(address)
    try:
        threads = _check_workers(client, address, use_known)
        submit = partial(_submit_dask, client, use_known=use_known)
        yield Runner(submit=submit, window=2 * threads)
    finally:
        client.close()


def _connect(address: str):
    try:
        from distributed import Client
    except ImportError:
        raise KgError("--dask needs dask.distributed: pip install 'kg[dask]'") from None
    try:
        return Client(address, timeout=DASK_CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as exc:
        raise KgError(f"cannot reach the Dask scheduler at {address}: {exc}") from None


def _check_workers(client, address: str, use_known: bool) -> int:
    """Threads available on the cluster, once every worker has loaded kg and its model."""
    from kg import __version__

    try:
        client.wait_for_workers(1, timeout=DASK_CONNECT_TIMEOUT)
    except TimeoutError:
        raise KgError(f"{address}: no Dask worker joined the scheduler within "
                      f"{DASK_CONNECT_TIMEOUT} s", 1) from None
    workers = list(client.scheduler_info()["workers"])
    try:
        versions = {worker: client.submit(warm_up, use_known, workers=[worker], pure=False,
                                          allow_other_workers=False).result()
                    for worker in workers}
    except Exception as exc:  # noqa: BLE001 - any worker-side failure: kg missing or broken
        raise KgError(f"{address}: a Dask worker cannot run kg ({type(exc).__name__}: {exc}); "
                      "install kg and its spaCy model on every worker", 1) from None
    for worker, version in sorted(versions.items()):
        if version != __version__:
            raise KgError(f"{address}: Dask worker {worker} runs kg {version}, this client "
                          f"kg {__version__}; install the same version everywhere", 1)
    return max(1, sum(client.nthreads().values()))


def _submit_dask(client, documents: list[Document], *, use_known: bool) -> _DaskTask:
    return _DaskTask(client.submit(extract_on_worker, documents, use_known=use_known,
                                   pure=False))


@dataclass
class _DaskTask:
    """A Dask future whose lost workers or scheduler end the build with one line."""

    future: Any

    def result(self) -> Extraction:
        from distributed import KilledWorker

        try:
            return self.future.result()
        except KilledWorker as exc:
            raise KgError(f"a Dask worker died running a batch ({exc}); the documents "
                          "written so far are kept, re-run to add the rest", 1) from None
        except OSError as exc:  # distributed's CommClosedError and timeouts
            raise KgError(f"lost the Dask scheduler ({exc}); the documents written so far "
                          "are kept, re-run to add the rest", 1) from None
