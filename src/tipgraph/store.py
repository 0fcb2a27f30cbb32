"""The persistent store beside a build's graph.ttl: `tipgraph query` and `stats` open it
instead of parsing the Turtle again.

A build writes ``<out>/graph.ttl``; its store is ``<out>/store/``, a pyoxigraph (RocksDB)
database loaded from exactly that file::

    <out>/store/current -> v-<sha256 prefix>-<pid>-<random>   (a symbolic link, switched atomically)
    <out>/store/v-.../oxigraph/                               the database, never written once in place
    <out>/store/v-.../stamp.json                              what it was loaded from
    <out>/store/v-.../lock                                    held (shared) by readers of the version
    <out>/store/v-.../answers/                                answers already given (see `cached_answer`):
                                                              the bundled questions' made with the version
    <out>/store/lock                                          held by whoever builds a version

The stamp names the graph file's SHA-256 (of the very bytes the store was loaded from)
and its size, modification and change times, device and inode. A store is used only
when the graph file still has that identity; when any of them differs the file is
hashed again (a rebuilt but byte-identical graph.ttl keeps its store), and a changed
file gets a new version. A change within the file system's timestamp resolution of
the load could leave the times equal, so a stamp taken that close to the file's last
change is marked racy and the file is hashed on use until it is no longer recent
(git's "racy clean" rule).

After a rebuild the new version is usually the current one patched (`patched_copy`): its
files hard-linked into the temporary folder (RocksDB never rewrites a file, so the current
version is not touched) and the difference between the old and new graph.ttl applied,
kept only when it then holds exactly the new graph's triples.

A version is built in a temporary folder under the lock and switched in by renaming a
symbolic link: a killed process leaves a temporary folder the next builder removes,
never a half store that is used. Readers hold a shared lock on the version's stamp
while they query; a builder removes an old version only when it can lock it
exclusively. Where the store cannot be written (a read-only folder) or cannot be read,
the commands load the graph into memory as they do for any other input.
"""
from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import re
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Iterator

import pyoxigraph as ox

from tipgraph import __version__
from tipgraph.graphio import OutputSet, TipgraphError, _pid_alive, fault_point, make_shareable, parse_error_line

GRAPH_FILE = "graph.ttl"
STORE_FOLDER = "store"
STAMP_FILE = "stamp.json"
DATABASE_FOLDER = "oxigraph"
ANSWERS_FOLDER = "answers"
CURRENT_LINK = "current"
LOCK_FILE = "lock"
STAMP_FORMAT = 1
# A file changed this close to when its stamp was taken may change again without its
# times moving (timestamps are as coarse as a clock tick; NFS servers' clocks drift).
RACY_NANOSECONDS = 2_000_000_000
_HASH_CHUNK = 1 << 20
_TEMP = re.compile(r"^\.tmp-(\d+)-")


def store_folder(graph_path) -> Path | None:
    """`<out>/store` for a build's graph.ttl (a graph.ttl in a folder with the build's
    `.tipgraph/` state), None for every other input (standard input, other names)."""
    if str(graph_path) == "-":
        return None
    path = Path(graph_path)
    if path.name != GRAPH_FILE or not (path.parent / OutputSet.STATE).is_dir():
        return None
    return path.parent / STORE_FOLDER


@dataclass(frozen=True)
class FileIdentity:
    """What a stat call says about a file: cheap to compare, changed by any write."""

    size: int
    mtime_ns: int
    ctime_ns: int
    device: int
    inode: int

    @classmethod
    def of(cls, path: Path) -> FileIdentity:
        st = os.stat(path)
        return cls(st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_dev, st.st_ino)

    def recent(self, when_ns: int) -> bool:
        return max(self.mtime_ns, self.ctime_ns) >= when_ns - RACY_NANOSECONDS


@dataclass(frozen=True)
class Stamp:
    sha256: str
    identity: FileIdentity
    racy: bool
    triples: int
    pyoxigraph: str = ox.__version__
    tipgraph: str = __version__

    def to_json(self) -> str:
        return json.dumps({
            "format": STAMP_FORMAT, "graph": GRAPH_FILE, "sha256": self.sha256, "racy": self.racy,
            "identity": vars(self.identity), "triples": self.triples,
            "pyoxigraph": self.pyoxigraph, "tipgraph": self.tipgraph,
        }, indent=1, sort_keys=True) + "\n"

    @classmethod
    def from_json(cls, text: str) -> Stamp | None:
        try:
            data = json.loads(text)
            if data.get("format") != STAMP_FORMAT:
                return None
            return cls(sha256=data["sha256"], identity=FileIdentity(**data["identity"]), racy=bool(data["racy"]),
                       triples=int(data["triples"]), pyoxigraph=data["pyoxigraph"], tipgraph=data["tipgraph"])
        except (ValueError, KeyError, TypeError):
            return None


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(_HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


class _HashingReader:
    """Hands the store's loader the file's bytes and hashes the very bytes it was given."""

    def __init__(self, handle: IO[bytes]):
        self.handle = handle
        self.digest = hashlib.sha256()

    def read(self, size: int = -1) -> bytes:
        data = self.handle.read(size)
        self.digest.update(data)
        return data

    def readline(self) -> bytes:
        data = self.handle.readline()
        self.digest.update(data)
        return data


# pyoxigraph's bulk_load holds up to a million triples per loading thread in memory: 1.6 GB
# for a graph of 3.1 million on two cores, while the build makes the page beside it. Fed a
# piece at a time, it holds one piece's triples: 0.3 GB for that graph, in the same CPU time.
LOAD_PIECE_BYTES = 16 << 20


def turtle_pieces(handle, size: int = LOAD_PIECE_BYTES) -> Iterator[bytes]:
    """A Turtle file as tipgraph.turtle writes it (the prefixes, then one block per subject,
    blocks apart by a blank line: a literal's line ends are escaped) in pieces of about `size`
    bytes, each whole blocks after the prefixes, so each piece parses on its own."""
    header = None
    while True:
        data = handle.read(size)
        if not data:
            return
        if not data.endswith(b"\n\n"):  # up to the end of the block it stopped in
            rest = [data]
            if not data.endswith(b"\n"):
                rest.append(handle.readline())  # the rest of the line it stopped in
            while rest[-1]:  # then whole lines up to a blank one, or to the end of the file
                rest.append(handle.readline())
                if rest[-1] == b"\n":
                    break
            data = b"".join(rest)
        if header is None:
            end = 0
            while data.startswith(b"@prefix ", end):
                end = data.index(b"\n", end) + 1
            header = data[:end]
            yield data
        else:
            yield header + data


# ---------------------------------------------------------------- opening


@dataclass
class OpenStore:
    """A version of the store, open read-only, with a shared lock that keeps builders from
    removing it while it is in use."""

    store: ox.Store
    folder: Path
    stamp: Stamp
    _lock: IO

    def close(self) -> None:
        del self.store
        self._lock.close()


def _same_file(handle: IO, path: Path) -> bool:
    try:
        a, b = os.fstat(handle.fileno()), os.stat(path)
    except OSError:
        return False
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def _lock_current(folder: Path) -> tuple[Path, IO, Stamp] | None:
    """The current version, held with a shared lock, and its stamp; None if there is none."""
    for _ in range(5):  # a builder may switch and remove versions between our steps
        if not (folder / CURRENT_LINK).is_symlink():
            return None
        version = Path(os.path.realpath(folder / CURRENT_LINK))
        try:
            handle = open(version / LOCK_FILE, "rb")
        except OSError:
            time.sleep(0.01)
            continue
        fcntl.flock(handle, fcntl.LOCK_SH)
        if not _same_file(handle, version / LOCK_FILE):  # removed before we locked it
            handle.close()
            continue
        try:
            stamp = Stamp.from_json((version / STAMP_FILE).read_text(encoding="utf-8"))
        except OSError:
            stamp = None
        if stamp is None:
            handle.close()
            return None
        return version, handle, stamp
    return None


def _fresh(stamp: Stamp, graph: Path, folder: Path | None = None) -> bool:
    """Whether the store stamped `stamp` holds exactly what `graph` holds now. Rewrites the
    stamp of `folder` when hashing showed the file unchanged (touched, copied back, racy)."""
    if stamp.pyoxigraph != ox.__version__:
        return False
    try:
        identity = FileIdentity.of(graph)
    except OSError:
        return False
    if identity == stamp.identity and not stamp.racy:
        return True
    if identity.size != stamp.identity.size:
        return False
    now = time.time_ns()
    try:
        if file_sha256(graph) != stamp.sha256 or FileIdentity.of(graph) != identity:
            return False
    except OSError:
        return False
    if folder is not None:  # the same bytes: remember this identity so the next use need not hash
        renewed = Stamp(stamp.sha256, identity, identity.recent(now), stamp.triples, stamp.pyoxigraph, stamp.tipgraph)
        with contextlib.suppress(OSError):
            _write_file_atomic(folder / STAMP_FILE, renewed.to_json())
    return True


def open_store(graph_path, *, create: bool = True) -> OpenStore | None:
    """The store of a build's graph.ttl, open read-only, loaded from the graph as it is now:
    an up-to-date version is opened, a stale or missing one is built first (when `create`
    and the folder is writable). None when `graph_path` is not a build's graph.ttl or no
    store can be had; the caller then loads the graph into memory.

    Raises TipgraphError (one line, naming the file) when the graph cannot be parsed."""
    folder = store_folder(graph_path)
    if folder is None or not Path(graph_path).is_file():
        return None
    graph = Path(graph_path)
    opened = _open_fresh(folder, graph)
    if opened is not None or not create:
        return opened
    try:
        built = refresh_store(graph, quiet=False)
    except OSError:
        return None
    return _open_fresh(folder, graph) if built is not None else None


def _open_fresh(folder: Path, graph: Path) -> OpenStore | None:
    locked = _lock_current(folder)
    if locked is None:
        return None
    version, handle, stamp = locked
    if not _fresh(stamp, graph, version):
        handle.close()
        return None
    try:
        store = ox.Store.read_only(str(version / DATABASE_FOLDER))
    except OSError:
        handle.close()
        return None
    return OpenStore(store, version, stamp, handle)


@contextlib.contextmanager
def graph_store(graph_path) -> Iterator[OpenStore | None]:
    """`open_store` as a context: the version stays locked (not removable) inside."""
    opened = open_store(graph_path)
    try:
        yield opened
    finally:
        if opened is not None:
            opened.close()


# ---------------------------------------------------------------- building


def refresh_store(graph_path, *, quiet: bool = True, answers: bool = True, preload: "Preload | None" = None) -> Path | None:
    """Make `<out>/store` hold the graph file as it is now (the build calls this after
    writing graph.ttl), with the answers to the bundled questions (their default
    parameters) already given when `answers`, so that the first ask after a build reads
    them back. Returns the version folder, or None when the file is not a build's
    graph.ttl or (with `quiet`, the default) the store cannot be written: the store only
    speeds commands up, so failing to make it never fails the build.

    Raises TipgraphError when the graph cannot be parsed (with `quiet`, returns None).
    A `preload` (loaded from the bytes the graph file was to hold) becomes the new version
    when the file holds exactly those bytes (it was made with answers as its own `answers`
    says); it is discarded otherwise."""
    try:
        return _refresh(graph_path, quiet, answers, preload)
    finally:
        if preload is not None:
            preload.discard()


def _refresh(graph_path, quiet: bool, answers: bool, preload: "Preload | None") -> Path | None:
    folder = store_folder(graph_path)
    if folder is None:
        return None
    graph = Path(graph_path)
    try:
        folder.mkdir(exist_ok=True)
        with open(folder / LOCK_FILE, "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            locked = _lock_current(folder)
            if locked is not None:
                version, handle, stamp = locked
                fresh = _fresh(stamp, graph, version)
                handle.close()
                if fresh:
                    _remove_old_versions(folder)
                    return version
            version = preload.adopt(folder, graph) if preload is not None else None
            if version is None:
                version = _build_version(folder, graph, answers)
            _remove_old_versions(folder)
            return version
    except TipgraphError:
        if quiet:
            return None
        raise
    except OSError:
        if quiet:
            return None
        raise


def _build_version(folder: Path, graph: Path, answers: bool = True) -> Path:
    """Load `graph` into a new version (the lock is held), with the answers to the bundled
    questions when `answers`, and make it current."""
    tmp = Path(tempfile.mkdtemp(prefix=f".tmp-{os.getpid()}-", dir=folder))
    try:
        before = FileIdentity.of(graph)
        started = time.time_ns()
        store = ox.Store(str(tmp / DATABASE_FOLDER))
        with open(graph, "rb") as handle:
            reader = _HashingReader(handle)
            try:
                store.bulk_load(input=reader, format=ox.RdfFormat.TURTLE)
            except SyntaxError as exc:
                raise TipgraphError(parse_error_line(graph, "turtle", exc)) from None
            except ValueError as exc:
                raise TipgraphError(f"{graph}: cannot load into the store: {' '.join(str(exc).split())}") from None
            reader.read()  # the loader may stop before the end: hash what it did not read too
        triples = len(store)
        store.flush()
        _answer(store, tmp, answers)
        del store
        after = FileIdentity.of(graph)
        if after != before:  # written to while we read it: what we hold is no version of it
            raise OSError(f"{graph} changed while the store was being loaded")
        return _switch_to(folder, tmp, Stamp(reader.digest.hexdigest(), after, after.recent(started), triples))
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _answer(store: ox.Store, tmp: Path, answers: bool) -> None:
    """The answers folder of a version being made, with the bundled questions answered when `answers`."""
    (tmp / ANSWERS_FOLDER).mkdir()
    if answers:
        from tipgraph.query import keep_bundled_answers

        keep_bundled_answers(store, tmp)


def _switch_to(folder: Path, tmp: Path, stamp: Stamp) -> Path:
    """Stamp the loaded database in `tmp` and make it the current version (the lock is held)."""
    try:
        (tmp / STAMP_FILE).write_text(stamp.to_json(), encoding="utf-8")
        (tmp / LOCK_FILE).touch()
        for path in [tmp, *tmp.rglob("*")]:
            make_shareable(path)
        fault_point("store-written")
        version = folder / f"v-{stamp.sha256[:16]}-{tmp.name.removeprefix('.tmp-')}"
        os.rename(tmp, version)
        link = folder / f".{CURRENT_LINK}.{os.getpid()}.link"
        link.unlink(missing_ok=True)
        os.symlink(version.name, link)
        os.replace(link, folder / CURRENT_LINK)
        fault_point("store-switched")
        return version
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


class Preload:
    """The store of a graph loaded in a thread from a file holding the bytes graph.ttl is to
    hold, while the build does other work (validation, the page); `refresh_store` makes it the
    new version once graph.ttl is in place and holds the same bytes. pyoxigraph's loader
    leaves Python's lock free, so the two run side by side."""

    SOURCE = "graph.ttl.preload"

    def __init__(self, folder: Path, answers: bool = True, previous: Path | None = None):
        folder.mkdir(exist_ok=True)
        self.answers = answers  # the bundled questions answered in the thread too
        # the graph file the current version holds (graph.ttl before this build replaces it): when
        # the new graph is that one with a few subjects changed, the version is a copy of the
        # current one patched with the difference (see `patched_copy`) instead of a new load
        self.previous = previous
        self.expected_triples: int | None = None
        self.patched = False
        self.discarded = False
        self._previous: IO[bytes] | None = None
        # named as _build_version names its folder, so that what a killed build leaves here
        # (the copy of the Turtle too) is removed by the next one
        self.tmp = Path(tempfile.mkdtemp(prefix=f".tmp-{os.getpid()}-", dir=folder))
        self.source = self.tmp / self.SOURCE  # the caller writes the Turtle here, then calls start()
        self.sha256: str | None = None
        self.triples = 0
        self.failed = False
        self._thread: threading.Thread | None = None

    def start(self, triples: int | None = None) -> None:
        """Load (or patch) in a thread; `triples`, the number the new graph holds, is checked."""
        self.expected_triples = triples
        if self.previous is not None:
            # opened here, before the build replaces the outputs: the thread reads the old bytes
            # even when graph.ttl is already the new file (the old one is unlinked, not rewritten)
            try:
                self._previous = open(self.previous, "rb")
            except OSError:
                self._previous = None
        self._thread = threading.Thread(target=self._load, args=(self.source,), name="tipgraph-store", daemon=True)
        self._thread.start()

    def _join(self) -> None:
        if self._thread is not None:
            self._thread.join()
        else:
            self.failed = True

    def _load(self, source: Path) -> None:
        try:
            patched = None
            if self._previous is not None and self.expected_triples is not None:
                with self._previous:
                    patched = patched_copy(self.tmp.parent, self._previous, source, self.tmp / DATABASE_FOLDER,
                                           self.expected_triples)
            if patched is not None:
                store, sha256 = patched
                self.patched = True
            else:
                shutil.rmtree(self.tmp / DATABASE_FOLDER, ignore_errors=True)
                store = ox.Store(str(self.tmp / DATABASE_FOLDER))
                with open(source, "rb") as handle:
                    reader = _HashingReader(handle)
                    for piece in turtle_pieces(reader):  # the build's own Turtle: blocks apart by blank lines
                        store.bulk_load(input=piece, format=ox.RdfFormat.TURTLE)
                    reader.read()
                sha256 = reader.digest.hexdigest()
            self.triples = len(store)
            store.flush()
            _answer(store, self.tmp, self.answers and not self.discarded)
            del store
            self.sha256 = sha256
        except BaseException:  # the store is made again from the file, as without a preload
            self.failed = True

    def adopt(self, folder: Path, graph: Path) -> Path | None:
        """The new current version, when `graph` holds the bytes this was loaded from (the lock
        is held); None otherwise."""
        self._join()
        if self.failed or self.sha256 is None or self.tmp.parent != folder:
            return None
        started = time.time_ns()
        before = FileIdentity.of(graph)
        if file_sha256(graph) != self.sha256 or FileIdentity.of(graph) != before:
            return None
        tmp, self.tmp = self.tmp, None
        self.source.unlink()
        return _switch_to(folder, tmp, Stamp(self.sha256, before, before.recent(started), self.triples))

    def discard(self) -> None:
        self.discarded = True  # not worth the bundled answers any more (a build that failed)
        self._join()
        if self.tmp is not None:
            shutil.rmtree(self.tmp, ignore_errors=True)
            self.tmp = None


# ---------------------------------------------------------------- patching a version


def turtle_difference(old: bytes, new: bytes) -> tuple[set, set] | None:
    """What to remove from and add to a store holding `old`'s triples so that it holds `new`'s,
    for Turtle files as tipgraph.turtle writes them: the prefixes, then one block per subject,
    blocks apart by a blank line (a literal's line ends are escaped, so every blank line is
    one). Only the blocks that differ are parsed. None when the prefixes differ or a block
    that differs is no statement of its own.

    Blocks are compared as bytes, not subjects: where a file writes one subject in two blocks
    and only one changed, a triple removed may still be in the other. The patched store is then
    short of triples, which `patched_copy` sees by counting them."""
    old_parts = old.rstrip(b"\n").split(b"\n\n")
    new_parts = new.rstrip(b"\n").split(b"\n\n")
    header = old_parts[0]
    if new_parts[0] != header or not all(line.startswith(b"@prefix ") for line in header.split(b"\n")):
        return None
    old_blocks, new_blocks = old_parts[1:], new_parts[1:]
    kept = set(old_blocks).intersection(new_blocks)
    try:
        gone = _parsed(header, [block for block in old_blocks if block not in kept])
        came = _parsed(header, [block for block in new_blocks if block not in kept])
    except SyntaxError:
        return None
    return gone - came, came - gone


def _parsed(header: bytes, blocks: list[bytes]) -> set:
    quads: set = set()
    for block in blocks:  # each on its own: a block that is not one whole statement fails
        quads.update(ox.parse(input=header + b"\n\n" + block + b"\n", format=ox.RdfFormat.TURTLE))
    return quads


def patched_copy(folder: Path, previous: Path | IO[bytes], source: Path, target: Path,
                 triples: int) -> tuple[ox.Store, str] | None:
    """A copy of the current version at `target` (hard links to its immutable files), patched to
    hold `source`'s triples, and the SHA-256 of `source`; None when the current version is not
    the store of the bytes of `previous` (a graph file, or one open for reading), or the two
    files cannot be compared by block (the caller loads `source` then). The patched copy must
    hold `triples` triples."""
    locked = _lock_current(folder)
    if locked is None:
        return None
    version, handle, stamp = locked
    try:
        if stamp.pyoxigraph != ox.__version__:
            return None
        try:
            old = previous.read_bytes() if isinstance(previous, Path) else previous.read()
            new = source.read_bytes()
        except OSError:
            return None
        if hashlib.sha256(old).hexdigest() != stamp.sha256:  # the store holds other bytes than these
            return None
        difference = turtle_difference(old, new)
        del old
        if difference is None:
            return None
        sha256 = hashlib.sha256(new).hexdigest()
        del new
        ox.Store.read_only(str(version / DATABASE_FOLDER)).backup(str(target))
    finally:
        handle.close()
    gone, came = difference
    store = ox.Store(str(target))
    for quad in gone:
        store.remove(quad)
    fault_point("store-patching")
    store.extend(came)
    # The patched store holds no triple `source` does not (what it kept is in a block both files
    # have, what it added is `source`'s): holding as many as `source` is holding the same.
    if len(store) != triples:
        del store
        shutil.rmtree(target, ignore_errors=True)
        return None
    return store, sha256


def _remove_old_versions(folder: Path) -> None:
    """Versions that are not current and that no reader holds, and the temporary folders
    of builders that died (the lock is held)."""
    try:
        current = os.readlink(folder / CURRENT_LINK)
    except OSError:
        current = None
    for entry in folder.iterdir():
        if entry.name in (CURRENT_LINK, LOCK_FILE) or entry.name == current:
            continue
        temp = _TEMP.match(entry.name)
        if temp:
            if not _pid_alive(int(temp.group(1))):
                shutil.rmtree(entry, ignore_errors=True)
            continue
        if entry.name.startswith(f".{CURRENT_LINK}."):
            entry.unlink(missing_ok=True)
            continue
        if not entry.name.startswith("v-") or not entry.is_dir():
            continue
        try:
            with open(entry / LOCK_FILE, "rb") as handle:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                shutil.rmtree(entry, ignore_errors=True)
        except BlockingIOError:  # a reader has it open; the next builder removes it
            continue
        except FileNotFoundError:
            shutil.rmtree(entry, ignore_errors=True)


def _write_file_atomic(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        make_shareable(Path(tmp))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# ---------------------------------------------------------------- answers


# The modules whose code shapes an answer: a kept answer is one this very code gave.
ANSWER_MODULES = ("query.py", "stats.py", "store.py", "namespaces.py", "model.py")
_answer_code: list[str] = []


def answer_code_version() -> str:
    if not _answer_code:
        digest = hashlib.sha256(f"{__version__}\n{ox.__version__}\n".encode("utf-8"))
        package = Path(__file__).resolve().parent
        for name in ANSWER_MODULES:
            with contextlib.suppress(OSError):
                digest.update((package / name).read_bytes())
        _answer_code.append(digest.hexdigest())
    return _answer_code[0]


def _answer_file(version: Path, key: str) -> Path:
    digest = hashlib.sha256(f"{answer_code_version()}\n{key}".encode("utf-8")).hexdigest()
    return version / ANSWERS_FOLDER / f"{digest}.txt"


def answer_path(opened: OpenStore, key: str) -> Path:
    """Where the answer to `key` is kept in the version (the file may not exist)."""
    return _answer_file(opened.folder, key)


def cached_answer(opened: OpenStore, key: str) -> str | None:
    """The answer given before to the request `key` (for a question, its text after
    parameters) over this very version of the graph, if any. A version never changes, so an
    answer stored in it is never stale."""
    try:
        return _answer_file(opened.folder, key).read_text(encoding="utf-8")
    except OSError:
        return None


def keep_answer(opened: OpenStore | Path, key: str, answer: str) -> None:
    """Remember an answer in the version's folder (`opened`, or the folder of a version being
    built); skipped where it cannot be written."""
    version = opened if isinstance(opened, Path) else opened.folder
    with contextlib.suppress(OSError):
        _write_file_atomic(_answer_file(version, key), answer)


__all__ = ["OpenStore", "Stamp", "answer_path", "cached_answer", "graph_store", "keep_answer", "open_store", "refresh_store",
           "store_folder"]
