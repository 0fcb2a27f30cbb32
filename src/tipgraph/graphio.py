"""Reading graph files and writing outputs safely.

Every output goes to a temporary file in the destination folder and is
renamed into place, so a failed run leaves the previous output intact.
"""
from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import glob
import os
import re
import shutil
import signal
import stat
import tempfile
import time
from pathlib import Path
from typing import IO, Callable, Iterator

from rdflib import Dataset, Graph

FORMATS_BY_SUFFIX = {
    ".ttl": "turtle",
    ".turtle": "turtle",
    ".nt": "nt",
    ".ntriples": "nt",
    ".nq": "nquads",
    ".nquads": "nquads",
    ".trig": "trig",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".rdf": "xml",
    ".owl": "xml",
    ".xml": "xml",
}
QUAD_FORMATS = {"nquads", "trig"}


class TipgraphError(Exception):
    """A failure the user can act on; the CLI prints it as one line."""


def rdf_format(path: Path) -> str:
    fmt = FORMATS_BY_SUFFIX.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(sorted(FORMATS_BY_SUFFIX))
        raise TipgraphError(f"{path}: unknown graph file type {path.suffix!r} (known: {known})")
    return fmt


def parse_graph(fmt: str, **source) -> Graph:
    """One rdflib graph from `source` (rdflib's `source=`/`data=`), named graphs merged.

    Lets rdflib's own exceptions through: callers word the error for their input."""
    if fmt not in QUAD_FORMATS:
        return Graph().parse(format=fmt, **source)
    dataset = Dataset(default_union=True)
    dataset.parse(format=fmt, **source)
    graph = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    for prefix, ns in dataset.namespaces():
        graph.bind(prefix, ns, override=False)
    return graph


def load_graph(path: str | os.PathLike) -> Graph:
    """Parse an RDF file into one graph (named graphs are merged).

    Raises TipgraphError with the parser's message (and line, where the
    parser gives one) for a missing or unparsable file.
    """
    path = Path(path)
    if not path.is_file():
        raise TipgraphError(f"{path}: no such graph file")
    fmt = rdf_format(path)
    try:
        return parse_graph(fmt, source=str(path))
    except Exception as exc:  # rdflib raises many unrelated types for bad input
        raise TipgraphError(parse_error_line(path, fmt, exc)) from None


_OXIGRAPH_FORMATS = {"turtle": "TURTLE", "nt": "N_TRIPLES", "nquads": "N_QUADS", "trig": "TRIG", "xml": "RDF_XML"}
_MESSAGE_CHARS = 160
_EXCERPT_CHARS = 40


def parse_error_line(path: Path, fmt: str, exc: Exception) -> str:
    """One line: the file, the line and column of the first error (by pyoxigraph's parser,
    which gives both), the reason and a short excerpt of the line, never the whole file."""
    located = _locate_syntax_error(path, fmt)
    if located is not None:
        line, column, reason = located
        excerpt = _excerpt(path, line, column)
        return f"{path}: line {line}, column {column}: cannot parse as {fmt}: {_short(reason)}" + (f" near {excerpt!r}" if excerpt else "")
    return f"{path}: cannot parse as {fmt}: {_short(str(exc)) or type(exc).__name__}"


def _short(message: str) -> str:
    message = " ".join(message.split())
    return message if len(message) <= _MESSAGE_CHARS else message[: _MESSAGE_CHARS - 1] + "…"


def _locate_syntax_error(path: Path, fmt: str) -> tuple[int, int, str] | None:
    import pyoxigraph

    name = _OXIGRAPH_FORMATS.get(fmt)
    if name is None:
        return None
    try:
        for _ in pyoxigraph.parse(path=str(path), format=getattr(pyoxigraph.RdfFormat, name)):
            pass
    except SyntaxError as error:
        reason = error.msg.split(": ", 1)[-1] if error.msg.startswith("Parser error") else error.msg
        if error.lineno:
            return error.lineno, error.offset or 1, reason
    except (OSError, ValueError):
        return None
    return None


def _excerpt(path: Path, line: int, column: int) -> str:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            for number, text in enumerate(handle, 1):
                if number == line:
                    text = text.rstrip("\n")
                    start = max(0, column - 1 - _EXCERPT_CHARS // 2)
                    return text[start : start + _EXCERPT_CHARS]
    except OSError:
        return ""
    return ""


FAULT_ENV = "TIPGRAPH_FAULT"


def fault_point(step: str) -> None:
    """Die here, as a kill -9 would, when TIPGRAPH_FAULT names this step: the tests kill
    builds and exports at every step of replacing outputs and check what is left.
    `TIPGRAPH_FAULT=<step>:term` sends SIGTERM instead, which the command handles."""
    wanted = os.environ.get(FAULT_ENV)
    if wanted == step:
        os.kill(os.getpid(), signal.SIGKILL)
    elif wanted == f"{step}:term":
        os.kill(os.getpid(), signal.SIGTERM)


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _temp_prefix(name: str) -> str:
    return f".{name}.{os.getpid()}."


def remove_leftovers(folder: Path, name: str) -> None:
    """Temporary files and folders a killed run left beside `name` (their name carries the
    run's process id; those of a run still alive are left alone)."""
    pattern = re.compile(rf"^\.{re.escape(name)}\.(?:(\d+)\.[^/]*\.tmp|[^.]+\.tmp|old-(\d+)|(\d+)\.old)$")
    try:
        entries = list(Path(folder).iterdir())
    except OSError:
        return
    for entry in entries:
        match = pattern.match(entry.name)
        if not match:
            continue
        pid = next((int(g) for g in match.groups() if g), None)
        if pid is not None and _pid_alive(pid):
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)


@contextlib.contextmanager
def atomic_output(path: str | os.PathLike, mode: str = "w") -> Iterator[IO]:
    """Open a temporary file beside `path`; rename it over `path` on success."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        remove_leftovers(path.parent, path.name)
        fd, tmp_name = tempfile.mkstemp(prefix=_temp_prefix(path.name), suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise TipgraphError(f"cannot write to {path.parent}: {exc.strerror or exc}") from None
    tmp = Path(tmp_name)
    try:
        encoding = None if "b" in mode else "utf-8"
        newline = None if "b" in mode else "\n"
        with os.fdopen(fd, mode, encoding=encoding, newline=newline) as handle:
            yield handle
        make_shareable(tmp)
        fault_point("file-written")
        os.replace(tmp, path)
        fault_point("file-replaced")
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def make_shareable(path: Path) -> None:
    """mkstemp/mkdtemp make files and folders their owner's alone; outputs are for sharing
    (a Neo4j or triple-store server running as another user must read them)."""
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(path, (0o777 if Path(path).is_dir() else 0o666) & ~umask)


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux renameat2 RENAME_EXCHANGE); False where the system
    or file system cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    error = ctypes.get_errno()
    if error in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(error, os.strerror(error), str(b))


def atomic_folder(out: Path, write: Callable[[Path], None]) -> None:
    """Write a folder with `write(tmp_folder)` beside `out`, then put it in `out`'s place in
    one step (the two folders are swapped, so at no instant is there no `out`); on failure
    or a kill the previous folder stays as it was, and the next run removes what is left."""
    out = Path(out)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        _recover_folder(out)
        remove_leftovers(out.parent, out.name)
        tmp = Path(tempfile.mkdtemp(prefix=_temp_prefix(out.name), suffix=".tmp", dir=out.parent))
    except OSError as exc:
        raise TipgraphError(f"cannot write to {out.parent}: {exc.strerror or exc}") from None
    try:
        write(tmp)
        make_shareable(tmp)
        fault_point("folder-written")
        if out.exists() and exchange(tmp, out):
            fault_point("folder-swapped")
        elif out.exists():
            # no atomic swap here: move the old folder aside under a name the next run
            # recognises and puts back should this run die before the new one is in place
            old = out.parent / f".{out.name}.{os.getpid()}.old"
            os.replace(out, old)
            fault_point("folder-moved-aside")
            os.replace(tmp, out)
            tmp = old
        else:
            os.replace(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        _recover_folder(out)
        raise
    shutil.rmtree(tmp, ignore_errors=True)


def _recover_folder(out: Path) -> None:
    """A run killed between moving the old folder aside and putting the new one in place."""
    if out.exists():
        return
    for old in sorted(out.parent.glob(f".{glob.escape(out.name)}.*.old")):
        pid = old.name[len(out.name) + 2 : -len(".old")]
        if pid.isdigit() and (int(pid) == os.getpid() or not _pid_alive(int(pid))):
            os.replace(old, out)
            return


class OutputSet:
    """Several outputs in one folder (graph.ttl, graph.html, text/) replaced as one set.

    Each run writes a fresh version folder under `<out>/.tipgraph/`; `<out>/.tipgraph/current`
    is a symbolic link to the version in use, and every output `<out>/<name>` a link to
    `.tipgraph/current/<name>`. Switching `current` (a rename, atomic) switches them all: a kill
    at any instant leaves the whole old set or the whole new set, and the next run removes
    the versions and temporary links a killed run left behind.
    """

    STATE = ".tipgraph"

    def __init__(self, out: Path, names: tuple[str, ...]):
        self.out = Path(out)
        self.names = names
        self.state = self.out / self.STATE
        self.current = self.state / "current"

    def _link_target(self, name: str) -> str:
        return f"{self.STATE}/current/{name}"

    def check(self) -> None:
        """Fail now, before anything is written, if the outputs cannot be put in place."""
        if self.out.exists() and not self.out.is_dir():
            raise TipgraphError(f"cannot write to output folder {self.out}: it exists and is not a folder")
        for name in self.names:
            path = self.out / name
            if path.is_symlink():
                continue
            if path.is_dir():
                raise TipgraphError(f"{path}: is a folder where tipgraph writes its output; move it away")
        try:
            self.state.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=self.state, prefix=".check-"):
                pass
        except OSError as exc:
            raise TipgraphError(f"cannot write to output folder {self.out}: {exc.strerror or exc}") from None

    def _lock(self):
        handle = open(self.state / "lock", "a")
        fcntl.flock(handle, fcntl.LOCK_EX)
        return handle

    def _versions_in_use(self) -> set[str]:
        try:
            return {os.readlink(self.current)}
        except OSError:
            return set()

    def _clean(self) -> None:
        """Every version but the current one, and temporary links, are leftovers (the lock is held)."""
        keep = self._versions_in_use()
        for entry in self.state.iterdir():
            if entry.name in keep or entry.name in {"current", "lock"}:
                continue
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                entry.unlink(missing_ok=True)
        for name in self.names:
            remove_leftovers(self.out, name)

    def _symlink(self, target: str, path: Path) -> None:
        tmp = path.parent / f".{path.name}.{os.getpid()}.link.tmp"
        tmp.unlink(missing_ok=True)
        os.symlink(target, tmp)
        os.replace(tmp, path)

    def _adopt_plain_outputs(self) -> None:
        """Outputs of an earlier tipgraph are plain files: make them the current version first
        (hard links, no copy), so that turning each into a link changes no content."""
        plain = [n for n in self.names if (self.out / n).is_file() and not (self.out / n).is_symlink()]
        if not plain or self._versions_in_use():
            return
        version = self.state / f"v-adopted-{os.getpid()}"
        version.mkdir()
        for name in plain:
            try:
                os.link(self.out / name, version / name)
            except OSError:
                shutil.copy2(self.out / name, version / name)
        self._symlink(version.name, self.current)
        for name in plain:
            self._symlink(self._link_target(name), self.out / name)

    def replace(self, files: dict[str, str | Callable[[IO], None]]) -> list[Path]:
        """Write `files` as the new set: name relative to the folder -> its text, or a function
        that writes it to an open text file. Returns the outputs."""
        try:
            self.check()
            with self._lock():
                if self.current.exists() and not self.current.is_symlink():  # not ours (a copy of the folder)
                    shutil.rmtree(self.current)
                self._clean()
                self._adopt_plain_outputs()
                previous = self.current.resolve() if self.current.is_symlink() and self.current.is_dir() else None
                version = Path(tempfile.mkdtemp(prefix=f"v-{time.strftime('%Y%m%dT%H%M%S')}-", dir=self.state))
                for relative, content in sorted(files.items()):
                    target = version / relative
                    target.parent.mkdir(parents=True, exist_ok=True)
                    if previous is not None and not callable(content) and _linked_if_same(previous / relative, content, target):
                        continue
                    with open(target, "w", encoding="utf-8", newline="\n") as handle:
                        if callable(content):
                            content(handle)
                        else:
                            handle.write(content)
                for folder in [version, *(p for p in version.rglob("*") if p.is_dir())]:
                    make_shareable(folder)
                for path in version.rglob("*"):
                    if path.is_file():
                        make_shareable(path)
                fault_point("set-written")
                present = {relative.split("/", 1)[0] for relative in files}
                # every output is a link into the current version before the switch; one the
                # old version lacks dangles until then, as absent as it was
                for name in self.names:
                    link = self.out / name
                    if name in present and not (link.is_symlink() and os.readlink(link) == self._link_target(name)):
                        self._symlink(self._link_target(name), link)
                        fault_point("set-linked")
                self._symlink(version.name, self.current)  # the switch: one rename
                fault_point("set-switched")
                for name in self.names:
                    link = self.out / name
                    if name not in present and (link.is_symlink() or link.is_file()):
                        link.unlink()  # an output this run does not make must not outlive its set
                self._clean()
        except OSError as exc:
            raise TipgraphError(f"cannot write outputs to {self.out}: {exc.strerror or exc}") from None
        return [self.out / name for name in self.names if name in present]


def _linked_if_same(earlier: Path, text: str, target: Path) -> bool:
    """Whether `target` could be made a hard link to `earlier`, a file of the previous set that
    holds `text` already (a rebuild writes every document's text again, nearly all unchanged;
    a version's files are never written to once in place, so two versions may share one)."""
    try:
        data = text.encode("utf-8")
        found = os.lstat(earlier)
        if not stat.S_ISREG(found.st_mode) or found.st_size != len(data) or earlier.read_bytes() != data:
            return False
        os.link(earlier, target)
        return True
    except (OSError, UnicodeEncodeError):  # not there, not linkable: written as before
        return False


def write_text_atomic(path: str | os.PathLike, text: str) -> None:
    with atomic_output(path) as handle:
        handle.write(text)
