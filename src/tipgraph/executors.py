"""Where the per-document stage runs: local processes (the default) or a Dask cluster.

    tipgraph build corpus/ --executor dask                         # a local Dask cluster
    tipgraph build corpus/ --executor dask --scheduler tcp://10.0.0.5:8786

The per-document stage (parse + extract, `pipeline.extract_document`) is pure,
so it can run anywhere the same tipgraph, vocabulary and spaCy model are
installed. Each Dask worker loads the model once (it is cached in the worker
process), takes documents a few at a time (`pipeline.document_batches`, parsed
together as local workers parse them) and sends back their `Extraction`s; the main process
consumes them in corpus order, so resolution, the graph and every output
are the same code as a local build and give the same bytes. The extraction
cache works in front of it: only documents it misses are sent out.

Dask is optional: `pip install 'tipgraph[dask]'`.
"""
from __future__ import annotations

import contextlib
from typing import Callable, Iterable, Iterator

from tipgraph.graphio import TipgraphError
from tipgraph.model import Extraction, SourceDocument

EXECUTORS = ("local", "dask")
IN_FLIGHT_PER_WORKER = 2  # batches of documents submitted ahead per worker thread: bounds memory on both ends
LOCAL_CLUSTER_HOST = "127.0.0.1"

Executor = Callable[[list[SourceDocument]], Iterable[Extraction]]


def _client(scheduler: str | None, stack: contextlib.ExitStack):
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise TipgraphError("--executor dask needs Dask: pip install 'tipgraph[dask]'") from None
    if scheduler:
        try:
            return stack.enter_context(Client(scheduler, timeout="15s"))
        except (OSError, TimeoutError) as exc:
            raise TipgraphError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    cluster = stack.enter_context(
        LocalCluster(host=LOCAL_CLUSTER_HOST, dashboard_address=None, processes=True, threads_per_worker=1)
    )
    return stack.enter_context(Client(cluster))


def dask_executor(scheduler: str | None = None, *, client=None) -> Executor:
    """An executor running `extract_documents` on the Dask cluster at `scheduler` (or a local one, or `client`)."""

    def run(documents: list[SourceDocument]) -> Iterator[Extraction]:
        from tipgraph.pipeline import document_batches, extract_documents

        if not documents:
            return
        with contextlib.ExitStack() as stack:
            active = client if client is not None else _client(scheduler, stack)
            threads = sum(active.nthreads().values()) or 1
            batches = list(document_batches(documents, threads))
            window = threads * IN_FLIGHT_PER_WORKER
            futures = []
            submitted = 0

            def submit_upto(limit: int) -> None:
                nonlocal submitted
                while submitted < min(limit, len(batches)):
                    batch = batches[submitted]
                    # the key names the documents, so two equal texts are still two tasks
                    futures.append(active.submit(extract_documents, batch, key=f"tipgraph-extract-{submitted}-"
                                                 f"{batch[0].doc_id}-{len(batch)}", pure=False))
                    submitted += 1

            submit_upto(window)
            for i, batch in enumerate(batches):
                future = futures[i]
                try:
                    extractions = future.result()
                except TipgraphError:
                    raise
                except Exception as exc:  # a worker without the model, a lost worker ...
                    others = f" (and the {len(batch) - 1} sent with it)" if len(batch) > 1 else ""
                    raise TipgraphError(f"{batch[0].source_file}{others}: the Dask worker failed: "
                                        f"{type(exc).__name__}: {exc}") from None
                futures[i] = None  # release the result on the cluster
                future.release()
                submit_upto(i + 1 + window)
                yield from extractions

    return run


def make_executor(name: str, scheduler: str | None = None) -> Executor | None:
    """None for local processes (pipeline's own pool), else an executor."""
    if name == "local":
        if scheduler:
            raise TipgraphError("--scheduler needs --executor dask")
        return None
    if name == "dask":
        return dask_executor(scheduler)
    raise TipgraphError(f"unknown executor {name!r} (known: {', '.join(EXECUTORS)})")
