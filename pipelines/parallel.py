"""Run a per-chunk function over many inputs on all cores, keeping input order.

Reading and cleaning are CPU-bound per document (decoding, mojibake repair, HTML extraction,
line classification), so they scale with processes; chunks amortise the cost of sending work to
each process. The stages after the parse map their rules over stored parses the same way, with
the parses streamed from the database (`stream_chunks`) so memory does not grow with the corpus.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def map_chunks(fn: Callable[[Sequence[T]], list[R]], items: Sequence[T], processes: int | None = None, chunk_size: int = 64) -> list[R]:
    """`fn` applied to consecutive chunks of `items` in a process pool; results concatenated in order.

    `fn` must be a module-level function (it is pickled). With one process, or one chunk, it runs
    inline, which avoids the pool start-up cost for small inputs and keeps tracebacks simple.
    """
    processes = processes or os.cpu_count() or 1
    chunks = [items[i : i + chunk_size] for i in range(0, len(items), chunk_size)]
    if processes == 1 or len(chunks) <= 1:
        return [result for chunk in chunks for result in fn(chunk)]
    with multiprocessing.Pool(min(processes, len(chunks))) as pool:
        output = [result for results in pool.imap(fn, chunks) for result in results]
        # Let workers exit on their own: terminating them would fire signal handlers they
        # inherited from the parent (Dagster's turn SIGTERM into an interrupt with a traceback).
        pool.close()
        pool.join()
    return output


def stream_chunks(fn: Callable[[Sequence[T]], list[R]], chunks: Iterable[Sequence[T]], processes: int) -> Iterator[R]:
    """`fn` applied to each chunk of an iterator in a process pool, results in order, with at most
    two chunks per process in flight: the iterator is read only as fast as the workers keep up.

    Workers fork from this process, so what it has loaded (a spaCy model, say) they share.
    With one process it runs inline.
    """
    if processes <= 1:
        for chunk in chunks:
            yield from fn(chunk)
        return
    with multiprocessing.Pool(processes) as pool:
        pending: deque = deque()
        for chunk in chunks:
            pending.append(pool.apply_async(fn, (chunk,)))
            if len(pending) >= 2 * processes:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
        pool.close()  # see map_chunks: workers exit on their own
        pool.join()
