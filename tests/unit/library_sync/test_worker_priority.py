"""The import's worker processes run below the window's process, so an import does not stall the window."""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor

from reader.core.library_sync.pool import WORKER_NICENESS, init_worker


def test_import_workers_run_below_the_window() -> None:
    own = os.nice(0)
    context = multiprocessing.get_context("spawn")  # as the import starts them
    with ProcessPoolExecutor(1, mp_context=context, initializer=init_worker,
                             initargs=(None, False, None)) as pool:  # fmt: skip
        theirs = pool.submit(os.nice, 0).result(timeout=60)
    assert theirs == min(19, own + WORKER_NICENESS)
