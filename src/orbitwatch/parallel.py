"""Extraction in parallel on Dask: a local cluster or an existing scheduler.

Extraction is a pure function of a document, so it maps over partitions of
documents on any number of Dask workers; the store keeps one writer, the
process that reads the files and saves the results. Documents stream: at most
``in_flight`` partitions are out at a time, so memory is bounded by the
partition size, not by the corpus.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import islice

from .extract import Parser, extract, extractor_name
from .extract.claims import read_claims
from .ingest import Document
from .indicators.observation import Observation
from .records import EventRecord

Result = tuple[Document, list[EventRecord], list[Observation]]


class ParallelError(RuntimeError):
    """Dask is missing or the cluster cannot be reached; the message says what to do."""


def extract_one(doc: Document, parser: Parser | None = None) -> Result:
    return doc, extract(doc, parser=parser), read_claims(doc)


@lru_cache(maxsize=2)
def _worker_parser(mode: str) -> Parser | None:
    """Each worker process loads the parser once (the accurate mode's model)."""
    return Parser() if mode == "accurate" else None


def worker_extractor(mode: str) -> str:
    """The provenance name of what a worker runs (its parser's model, if any)."""
    return extractor_name(_worker_parser(mode))


def extract_partition(docs: list[Document], mode: str = "fast") -> list[tuple[list, list]]:
    """What a worker runs: one partition of documents, in order. Only the
    records and claims travel back; the writer still holds the documents."""
    parser = _worker_parser(mode)
    return [extract_one(d, parser)[1:] for d in docs]


class SerialRunner:
    """Extraction in this process, one document at a time."""

    def __init__(self, parser: Parser | None = None):
        self.parser = parser
        self.extractor = extractor_name(parser)  # stored with the records as their provenance

    def map(self, docs: Iterable[Document]) -> Iterator[Result]:
        for doc in docs:
            yield extract_one(doc, self.parser)

    def close(self) -> None:
        pass


class DaskRunner:
    """Extraction on Dask workers: ``workers`` starts a local cluster of that
    many single-threaded processes; ``scheduler`` joins an existing cluster
    (``tcp://host:8786``; Slurm or Kubernetes through dask-jobqueue or
    dask-kubernetes). Results come back partition by partition, in the order
    the partitions were sent."""

    def __init__(self, workers: int | None = None, scheduler: str | None = None, mode: str = "fast",
                 partition: int = 500, in_flight: int | None = None):
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise ParallelError("parallel ingest needs Dask: pip install 'orbitwatch[scale]'") from None
        if scheduler:
            try:
                self.client = Client(scheduler, timeout="10s")
            except OSError as e:
                raise ParallelError(f"cannot reach the Dask scheduler at {scheduler}: {e}") from None
            self.cluster = None
        else:
            self.cluster = LocalCluster(n_workers=workers or 1, threads_per_worker=1, processes=True,
                                        dashboard_address=None)
            self.client = Client(self.cluster)
        self.mode, self.partition = mode, max(1, partition)
        self.extractor = self.client.submit(worker_extractor, mode, pure=False).result()
        self.in_flight = in_flight or 2 * max(1, len(self.client.scheduler_info()["workers"]))

    def map(self, docs: Iterable[Document]) -> Iterator[Result]:
        it = iter(docs)
        pending: deque = deque()
        while True:
            while len(pending) < self.in_flight:
                batch = list(islice(it, self.partition))
                if not batch:
                    break
                pending.append((batch, self.client.submit(extract_partition, batch, self.mode, pure=False)))
            if not pending:
                return
            batch, future = pending.popleft()
            for doc, (records, claims) in zip(batch, future.result()):
                yield doc, records, claims

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()

    def __enter__(self) -> "DaskRunner":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
