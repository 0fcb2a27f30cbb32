"""The build: corpus -> NLP -> extractors -> resolution -> graph -> outputs."""
from __future__ import annotations

import contextlib
import dataclasses
import os
import re
import tempfile
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from spacy.tokens import Doc

from tipgraph import model as m
from tipgraph.cache import ExtractionCache, open_cache
from tipgraph.corpus import Skipped, read_corpus
from tipgraph.extract import run_extractors
from tipgraph.graph import build_graph
from tipgraph.graphio import OutputSet, TipgraphError
from tipgraph.model import Extraction, SourceDocument, Span
from tipgraph.namespaces import TIP
from tipgraph.nlp import PIPE_BATCH, parse_text, parse_texts, windows
from tipgraph.processes import end_with_parent
from tipgraph.resolve import resolve
from tipgraph.shards import TEXT_FOLDER, text_file_name  # noqa: F401 (public here too)
from tipgraph.vocab import load_vocabulary, remember_vocabulary_in

SHOWN_VIOLATIONS = 5


@dataclass
class BuildResult:
    documents: int
    entities_by_class: dict[str, int]
    claims_by_class: dict[str, int]
    triples: int
    outputs: list[Path]
    seconds: float
    validation: str | None = None
    skipped: list[Skipped] = field(default_factory=list)
    duplicates: int = 0
    stages: dict[str, float] = field(default_factory=dict)  # seconds by stage


# A document longer than this is extracted section by section (each section a few
# paragraphs), so that time grows with the document's length and memory with a section's.
SECTION_CHARS = 40_000
# The head of a document (its first lines: title, speaker, date) is read before every
# section, so each section's claims are attributed as the document's own header says.
HEAD_LINES = 15
HEAD_CHARS = 3_000


def extract_document(document: SourceDocument, parsed: Doc | None = None) -> Extraction:
    """The per-document stage: parse (in windows) and run every extractor. Pure: the same
    document always gives the same extraction, whichever process runs it. `parsed`: its
    text's parse, made already (`parse_texts`)."""
    _room_for_patterns()
    try:
        return _extract(document, parsed)
    except TipgraphError:
        raise
    except Exception as exc:  # a bug met on this document: say which one, in one line
        if os.environ.get("TIPGRAPH_DEBUG"):
            raise
        message = " ".join(str(exc).split())[:200]
        raise TipgraphError(
            f"{document.source_file}: internal error while reading it: {type(exc).__name__}: {message}"
            " (set TIPGRAPH_DEBUG=1 for the traceback)"
        ) from None


def _extract(document: SourceDocument, parsed: Doc | None = None) -> Extraction:
    if len(document.text) <= SECTION_CHARS:
        return run_extractors(document, parsed if parsed is not None else parse_text(document.text),
                              load_vocabulary())
    return _extract_in_sections(document)


def extract_documents(documents: list[SourceDocument]) -> list[Extraction]:
    """`extract_document` of each of `documents`, in order, the texts parsed together
    (`parse_texts`): a worker's unit of work."""
    _room_for_patterns()
    whole = [i for i, document in enumerate(documents) if len(document.text) <= SECTION_CHARS]
    parsed: dict[int, Doc] = {}
    try:
        parsed = dict(zip(whole, parse_texts([documents[i].text for i in whole])))
    except Exception:
        if os.environ.get("TIPGRAPH_DEBUG"):
            raise
        # parsed again one by one below, so that the error names its document
    return [extract_document(document, parsed.pop(i, None)) for i, document in enumerate(documents)]


def document_batches(documents: list[SourceDocument], jobs: int) -> Iterator[list[SourceDocument]]:
    """Runs of documents parsed together: PIPE_BATCH, fewer for a small corpus, so that every
    worker gets several."""
    size = max(1, min(PIPE_BATCH, len(documents) // (4 * max(1, jobs))))
    for start in range(0, len(documents), size):
        yield documents[start : start + size]


# The extractors' regular expressions (about 750 distinct ones over a corpus, more as the lexicons
# grow) outnumber the 512 that `re` keeps compiled, and `re` forgets its oldest first: most were
# compiled again for every document, a sixth of the extractors' time. Room for all of them:
REGEX_CACHE_SIZE = 4096


def _room_for_patterns() -> None:
    if getattr(re, "_MAXCACHE", REGEX_CACHE_SIZE) < REGEX_CACHE_SIZE:
        re._MAXCACHE = REGEX_CACHE_SIZE


def document_head(text: str) -> str:
    """The document's first lines (at most HEAD_LINES lines with text, HEAD_CHARS characters),
    ending after a line end."""
    seen = 0
    end = 0
    for match in re.finditer(r"[^\n]*\n", text[:HEAD_CHARS]):
        end = match.end()
        if match.group().strip():
            seen += 1
            if seen >= HEAD_LINES:
                break
    return text[:end]


def _shift_span(span: Span | None, by: int, text: str) -> Span | None:
    if span is None:
        return None
    return Span(span.start + by, span.end + by, text[span.start + by : span.end + by])


def _extract_in_sections(document: SourceDocument) -> Extraction:
    vocab = load_vocabulary()
    text = document.text
    head = document_head(text)
    merged: Extraction | None = None
    offset = 0
    for number, section in enumerate(windows(text, SECTION_CHARS)):
        prefix = "" if number == 0 else head
        part = dataclasses.replace(document, text=prefix + section)
        extraction = run_extractors(part, parse_text(part.text), vocab)
        by = offset - len(prefix)
        offset += len(section)

        def keep(span: Span | None) -> bool:
            # what the repeated head says was taken from the first section already
            return span is None or span.start >= len(prefix)

        mentions = []
        for mention in extraction.mentions:
            if keep(mention.span):
                mention.span = _shift_span(mention.span, by, text)
                if mention.sentence is not None:
                    mention.sentence = (max(0, mention.sentence[0] + by), mention.sentence[1] + by)
                mentions.append(mention)
        relations = []
        for fact in extraction.relations:
            if keep(fact.span):
                fact.span = _shift_span(fact.span, by, text)
                relations.append(fact)
        claims = []
        for claim in extraction.claims:
            if keep(claim.span):
                claim.span = _shift_span(claim.span, by, text)
                claims.append(claim)
        if merged is None:
            merged = Extraction(document=document, info=extraction.info, mentions=mentions, relations=relations, claims=claims)
        else:
            merged.mentions += mentions
            merged.relations += relations
            merged.claims += claims
    assert merged is not None
    return merged


def _die_with_parent(parent: int) -> None:
    """Worker initializer: ends with the build (tipgraph.processes), model and vocabulary loaded."""
    end_with_parent(parent)
    from tipgraph.nlp import load_model

    load_model()
    load_vocabulary()
    _room_for_patterns()


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.kill()
    for process in processes:
        process.join(timeout=5)


def extract_corpus(
    documents: list[SourceDocument], jobs: int = 1, cache: ExtractionCache | None = None,
    executor: Callable[[list[SourceDocument]], Iterable[Extraction]] | None = None,
) -> Iterator[Extraction]:
    """Extractions in corpus order; `jobs` > 1 parses and extracts in worker processes.

    With a `cache`, unchanged documents are read back and only the others are parsed;
    with an `executor` (tipgraph.executors), they are parsed there instead."""
    if cache is not None:
        def started(todo: list[SourceDocument]) -> Iterator[Extraction]:
            # in worker processes from now on, while the cache's entries are read here: a rebuild's
            # few documents are parsed there even when too few to be worth workers otherwise
            if executor is None and jobs > 1 and todo and (len(todo) >= 4 or len(documents) - len(todo) >= OVERLAP_READS):
                return _in_workers(todo, jobs)
            return extract_corpus(todo, jobs, executor=executor)

        yield from cache.extract(documents, started)
        return
    if executor is not None:
        yield from executor(documents)
        return
    if jobs <= 1 or len(documents) < 4:
        for batch in document_batches(documents, 1):
            yield from extract_documents(batch)
        return
    yield from _in_workers(documents, jobs)


# A rebuild parses its changed documents in a worker (its model loaded there) while it reads at
# least this many cached extractions; fewer, and parsing them here is as quick.
OVERLAP_READS = 50


def _in_workers(documents: list[SourceDocument], jobs: int) -> Iterator[Extraction]:
    """Extractions of `documents` in order, made by `jobs` worker processes; the work is handed to
    them now, before the first extraction is asked for."""
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_die_with_parent, initargs=(os.getpid(),))
    try:
        results = pool.map(extract_documents, document_batches(documents, jobs), chunksize=1)
    except BaseException:
        _stop_workers(pool)
        raise
    return _Collected(pool, results)


class _Collected:
    """The workers' extractions, one by one; `close` (or an error) stops the workers, also
    before the first extraction was asked for."""

    def __init__(self, pool: ProcessPoolExecutor, results: Iterator[list[Extraction]]):
        self._pool: ProcessPoolExecutor | None = pool
        self._results = results
        self._batch: list[Extraction] = []

    def __iter__(self) -> "_Collected":
        return self

    def __next__(self) -> Extraction:
        while not self._batch:
            if self._pool is None:
                raise StopIteration
            try:
                self._batch = list(reversed(next(self._results)))
            except StopIteration:
                self._pool.shutdown(wait=True)
                self._pool = None
                raise
            except BaseException:
                self.close()
                raise
        return self._batch.pop()

    def close(self) -> None:
        if self._pool is not None:
            _stop_workers(self._pool)
            self._pool = None


def build(
    corpus: Path,
    out: Path,
    *,
    jobs: int = 1,
    html: bool = True,
    validate: bool = True,
    strict: bool = False,
    cache_dir: Path | None = None,
    executor: Callable[[list[SourceDocument]], Iterable[Extraction]] | None = None,
    progress: Callable[[list[SourceDocument]], Callable] | None = None,
    on_skip: Callable[[Skipped], None] | None = None,
    answers: bool = True,
) -> BuildResult:
    started = time.perf_counter()
    with _fewer_collections():
        cache = open_cache(cache_dir)
        memo = cache.duplicate_memo() if cache is not None else None
        readings = cache.reading_memo() if cache is not None else None
        read = read_corpus(corpus, strict=strict, duplicates=memo, readings=readings)
        if cache is not None:
            cache.keep_duplicate_memo(memo)
            cache.keep_reading_memo(readings)
        documents = read.documents
        for skipped in read.skipped:
            if on_skip is not None:
                on_skip(skipped)
        outputs = OutputSet(out, ("graph.ttl", "graph.html", TEXT_FOLDER))
        outputs.check()  # before any work: an output folder that cannot take the outputs fails now
        remember_vocabulary_in(cache.root if cache is not None else None)
        load_vocabulary()
        stages: dict[str, float] = {}
        extractions: list[Extraction] = []
        stream = extract_corpus(documents, jobs, cache, executor)
        if progress is not None:
            with progress(documents) as bar:
                for ex in stream:
                    extractions.append(ex)
                    bar.update(1)
        else:
            extractions = list(stream)
        stages["parse+extract"] = time.perf_counter() - started
        return finish_build(
            corpus, out, documents, extractions, outputs=outputs, jobs=jobs, html=html,
            validate=validate, cache_dir=cache_dir, started=started, stages=stages, read=read, answers=answers,
        )


@contextlib.contextmanager
def _fewer_collections():
    """Fewer runs of the cyclic garbage collector during a build: it makes millions of small
    objects that live until it ends (extractions, triples, the page's view), which each
    collection would walk again for nothing. Memory is still freed by reference counts."""
    import gc

    before = gc.get_threshold()
    gc.set_threshold(100_000, 50, 100)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def finish_build(
    corpus: Path,
    out: Path,
    documents: list[SourceDocument],
    extractions: list[Extraction],
    *,
    outputs: OutputSet | None = None,
    jobs: int = 1,
    html: bool = True,
    validate: bool = True,
    cache_dir: Path | None = None,
    started: float | None = None,
    stages: dict[str, float] | None = None,
    read=None,
    answers: bool = True,
) -> BuildResult:
    """Everything after extraction: resolution, the graph (document by document), SHACL, the
    HTML page, and the outputs replaced as one set. `extractions` are in `documents`' order;
    the list is emptied once the graph is made and validated (it is most of the memory held).
    With `answers`, the query store beside the graph holds the bundled questions' answers."""
    started = time.perf_counter() if started is None else started
    stages = {} if stages is None else stages
    if outputs is None:
        outputs = OutputSet(out, ("graph.ttl", "graph.html", TEXT_FOLDER))
        outputs.check()
    clock = _Clock(stages)
    if cache_dir is not None and Path(cache_dir).is_dir():
        remember_vocabulary_in(cache_dir)
    with clock("resolve"):
        resolver = resolve(extractions, load_vocabulary())
    graph = build_graph(extractions, resolver)
    del resolver  # the graph holds it and the extractions until every shard is made and validated
    cache = open_cache(cache_dir)
    # The shards' Turtle waits in an unnamed file (gone when the build ends, however it ends).
    spool_dir = cache_dir if cache_dir is not None and Path(cache_dir).is_dir() else None
    from tipgraph.store import Preload, refresh_store, store_folder

    with tempfile.TemporaryFile(prefix="tipgraph-shards-", dir=spool_dir) as spool, contextlib.ExitStack() as cleanup:
        view = None
        if html:
            from tipgraph.render import GraphView

            view = GraphView()
        validator = None
        if validate:
            from tipgraph.validate import UnitValidator

            validator = UnitValidator(cache, jobs=jobs)
        shard_cache = None
        if cache is not None:
            from tipgraph.shards import graph_version

            shard_cache = cache.results("shards", graph_version(), pickled=True)
        try:
            with clock("graph"):
                graph.materialise(spool, validator=validator, view=view, shard_cache=shard_cache)
        except BaseException:
            if validator is not None:
                validator.close()
            raise

        # The graph is final: its store (tipgraph.store) is made in a thread from a copy of the
        # Turtle while the page is made, and becomes the store when graph.ttl holds those bytes.
        # A patch of the last build's store (a rebuild) starts before the last units are
        # validated too; a whole load waits for them (both at once would raise the peak memory).
        triples = 0
        preload = None
        store_at = store_folder(out / "graph.ttl")
        if store_at is not None:
            previous = out / "graph.ttl"  # the graph the store holds now, if the last build's: patched
            preload = Preload(store_at, answers=answers, previous=previous if previous.is_file() else None)
            cleanup.callback(preload.discard)
            with clock("write outputs"):
                with open(preload.source, "w", encoding="utf-8", newline="\n") as handle:
                    triples = graph.write_turtle(handle)
            if preload.previous is not None:
                preload.start(triples)

        validation = None
        if validator is not None:
            waited = validator.seconds  # units are validated as the shards are made
            stages["graph"] -= waited
            stages["shacl"] = waited
            with clock("shacl"):
                result = validator.result(graph)
            validation = result.summary()
            if result.errors:  # warnings are fine; only violations stop the build
                errors = result.errors
                shown = "; ".join(v.line() for v in errors[:SHOWN_VIOLATIONS])
                more = f" (and {len(errors) - SHOWN_VIOLATIONS} more)" if len(errors) > SHOWN_VIOLATIONS else ""
                raise TipgraphError(
                    f"{corpus}: the graph breaks {len(errors)} SHACL constraint(s), outputs not written"
                    f" (--no-validate writes them anyway): {shown}{more}"
                )
            del result
            validator.release()
        # From here on only the spooled shards, the global blocks and the page's view are read:
        # the extractions (emptied in the caller's list too) and resolution are let go before the
        # page is made and the store loaded, the two largest steps.
        graph.release_inputs()
        extractions.clear()
        if preload is not None and preload.previous is None:
            preload.start(triples)

        page = None
        if view is not None:
            from tipgraph.render import build_page

            layout_cache = None
            if cache is not None:
                from tipgraph.render import layout_version

                layout_cache = cache.results("layout", layout_version())
            with clock("html"):
                page, _, _ = build_page(view, title=f"tipgraph: {corpus.resolve().name}", layout_cache=layout_cache)
            if layout_cache is not None:
                layout_cache.forget_unused()
            del view
            graph.view = None

        # Everything is computed; only now replace the previous outputs, all as one set. The
        # Turtle is written straight into the new version from the spooled shards (or copied).
        def turtle(out_handle) -> None:
            nonlocal triples
            if preload is None:
                triples = graph.write_turtle(out_handle)
                return
            import shutil

            with open(preload.source, encoding="utf-8", newline="") as written_before:
                shutil.copyfileobj(written_before, out_handle, 1 << 20)

        files: dict[str, str | Callable] = {"graph.ttl": turtle}
        if page is not None:
            files["graph.html"] = page
        for document in documents:
            files[text_file_name(document.doc_id)] = document.text
        with clock("write outputs"):
            written = outputs.replace(files)
        del page
        try:
            with clock("store"):
                refresh_store(out / "graph.ttl", answers=answers, preload=preload)  # query and stats read the graph from it
        except KeyboardInterrupt as stop:  # the new outputs are in place already: say so
            stop.outputs_written = True
            raise
    if validator is not None and cache is not None:
        validator.forget_unused()
    if shard_cache is not None:
        shard_cache.forget_unused()

    by_class = Counter({
        str(cls).rsplit("#", 1)[-1]: n for cls, n in graph.classes.items() if str(cls).startswith(str(TIP))
    })
    return BuildResult(
        documents=len(documents),
        entities_by_class={k: v for k, v in sorted(by_class.items()) if k in m.ENTITY_CLASSES},
        claims_by_class={k: v for k, v in sorted(by_class.items()) if k in m.CLAIM_CLASSES},
        triples=triples,
        outputs=written,
        seconds=time.perf_counter() - started,
        validation=validation,
        skipped=read.skipped if read is not None else [],
        duplicates=read.duplicates if read is not None else 0,
        stages=stages,
    )


class _Clock:
    """with clock("stage"): adds the block's seconds to stages["stage"]."""

    def __init__(self, stages: dict[str, float]):
        self.stages = stages

    @contextlib.contextmanager
    def __call__(self, stage: str):
        t0 = time.perf_counter()
        try:
            yield
        finally:
            self.stages[stage] = self.stages.get(stage, 0.0) + time.perf_counter() - t0
