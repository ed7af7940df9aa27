"""A build's output folder: locked while a build writes it, replaced only when every
export has succeeded.

Exports are written into a staging folder inside ``--out``; when all of them (and
``report.json``) are written, each is renamed over the previous one (a rename within a
folder is atomic), and what a previous build wrote that this one did not is removed, so
the folder never mixes two builds. A killed build leaves the previous exports whole
(and a staging folder, removed by the next build). A lock on the folder makes a second
build into it stop with E117 instead of mixing files; the lock file is removed (while
held) when the build ends, so a finished folder holds only its exports.

Publishing is several renames, so it is journalled: before the first rename a journal
(``.kg-publish.json``, itself written by a rename) lists them; it is removed after the
last. A build killed between the two leaves the journal, and the next ``kg`` command
that reads or writes the folder (:func:`recover`) finishes the renames first: the folder
is the new build, whole, as if the kill had come a moment later.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from kg.errors import Errors, KGError

__all__ = ["JOURNAL", "LOCK_NAME", "STAGING_PREFIX", "locked", "publish", "recover", "staging"]

LOCK_NAME = ".kg-build.lock"
STAGING_PREFIX = ".kg-staging-"
JOURNAL = ".kg-publish.json"


def _hold(out: Path) -> int | None:
    """A descriptor of ``out``'s lock file, locked, or ``None`` when another process
    holds it. A holder removes the file before it lets go, so a lock taken on a file
    that is no longer the one at the path is let go and taken again on the new one."""
    path = out / LOCK_NAME
    while True:
        handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(handle)
            return None
        try:
            if os.path.samestat(os.fstat(handle), path.stat()):
                return handle
        except FileNotFoundError:
            pass
        os.close(handle)  # its holder removed it as we opened it: take the new one


def _release(out: Path, handle: int) -> None:
    """Remove ``out``'s lock file while it is held, then let go (no folder keeps one)."""
    try:
        with suppress(FileNotFoundError):
            (out / LOCK_NAME).unlink()
    finally:
        os.close(handle)


@contextmanager
def locked(out: Path) -> Iterator[None]:
    """Hold ``out``'s lock for the duration of the block.

    Raises:
        KGError: E117 when another build holds it.
    """
    out.mkdir(parents=True, exist_ok=True)
    handle = _hold(out)
    if handle is None:
        raise KGError(Errors.E117, path=out)
    try:
        _recover_locked(out)  # a build killed while publishing is finished first
        yield
    finally:
        _release(out, handle)


@contextmanager
def staging(out: Path) -> Iterator[Path]:
    """A fresh staging folder inside ``out`` (removed afterwards, published or not);
    staging folders a killed build left behind are removed first."""
    for old in out.glob(f"{STAGING_PREFIX}*"):
        if old.is_dir() and not old.is_symlink():
            shutil.rmtree(old, ignore_errors=True)
    folder = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=out))
    try:
        yield folder
    finally:
        if not _publishing(out, folder):  # else the journal's recovery needs what is left
            shutil.rmtree(folder, ignore_errors=True)


def _publishing(out: Path, folder: Path) -> bool:
    """Whether a journal in ``out`` names ``folder`` (its publishing was cut short)."""
    try:
        journal = json.loads((out / JOURNAL).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return bool(journal.get("staging") == folder.name)


def publish(folder: Path, out: Path, *, known: Iterable[str]) -> list[str]:
    """Move everything in ``folder`` into ``out``, replacing what is there, and remove the
    ``known`` output names this build did not write; return the names published. The
    moves are journalled first (see the module's docstring)."""
    names = sorted(p.name for p in folder.iterdir())
    stale = sorted(set(known) - set(names))
    journal: dict[str, Any] = {"staging": folder.name, "publish": names, "remove": stale}
    scratch = out / f"{JOURNAL}.writing"
    scratch.write_text(json.dumps(journal, ensure_ascii=False), encoding="utf-8")
    scratch.replace(out / JOURNAL)
    _carry_out(out, journal)
    return names


def recover(out: Path) -> bool:
    """Finish the publishing a killed build left half done in ``out`` (its journal is
    there); nothing while another build holds the folder. Whether there was any."""
    if not (out / JOURNAL).is_file():
        return False
    try:
        handle = _hold(out)
    except OSError:
        return False  # a folder we cannot write: leave it as it is
    if handle is None:
        return False  # a build is publishing right now: it finishes its own
    try:
        return _recover_locked(out)
    finally:
        _release(out, handle)


def _recover_locked(out: Path) -> bool:
    try:
        journal = json.loads((out / JOURNAL).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    _carry_out(out, journal)
    shutil.rmtree(out / str(journal["staging"]), ignore_errors=True)
    return True


def _carry_out(out: Path, journal: dict[str, Any]) -> None:
    """Do what ``journal`` lists (what is already done is skipped), then drop it."""
    folder = out / str(journal["staging"])
    for name in journal["publish"]:
        source = folder / name
        if not (source.exists() or source.is_symlink()):
            continue  # moved before the kill
        target = out / name
        if target.is_dir() and not target.is_symlink():
            # a folder cannot be renamed over a folder: set the old one aside first
            aside = out / f"{STAGING_PREFIX}old-{name}"
            shutil.rmtree(aside, ignore_errors=True)
            target.rename(aside)
            source.rename(target)
            shutil.rmtree(aside, ignore_errors=True)
        else:
            source.replace(target)
    for name in journal["remove"]:
        stale = out / name
        if stale.is_symlink() or stale.is_file():
            stale.unlink()
        elif stale.is_dir():
            shutil.rmtree(stale)
    with suppress(FileNotFoundError):
        (out / JOURNAL).unlink()
