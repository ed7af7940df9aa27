"""A build's output folder: locked while a build writes it, replaced only when every
export has succeeded.

Exports are written into a staging folder inside ``--out``; when all of them (and
``report.json``) are written, each is renamed over the previous one (a rename within a
folder is atomic), and what a previous build wrote that this one did not is removed, so
the folder never mixes two builds. A killed build leaves the previous exports whole
(and a staging folder, removed by the next build). A lock on the folder makes a second
build into it stop with E117 instead of mixing files.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from kg.errors import Errors, KGError

__all__ = ["LOCK_NAME", "STAGING_PREFIX", "locked", "publish", "staging"]

LOCK_NAME = ".kg-build.lock"
STAGING_PREFIX = ".kg-staging-"


@contextmanager
def locked(out: Path) -> Iterator[None]:
    """Hold ``out``'s lock for the duration of the block.

    Raises:
        KGError: E117 when another build holds it.
    """
    out.mkdir(parents=True, exist_ok=True)
    handle = os.open(out / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as error:
            raise KGError(Errors.E117, path=out) from error
        yield
    finally:
        os.close(handle)  # closing releases the lock


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
        shutil.rmtree(folder, ignore_errors=True)


def publish(folder: Path, out: Path, *, known: Iterable[str]) -> list[str]:
    """Move everything in ``folder`` into ``out``, replacing what is there, and remove the
    ``known`` output names this build did not write; return the names published."""
    names = sorted(p.name for p in folder.iterdir())
    for name in names:
        target = out / name
        if target.is_dir() and not target.is_symlink():
            # a folder cannot be renamed over a folder: set the old one aside first
            aside = out / f"{STAGING_PREFIX}old-{name}"
            shutil.rmtree(aside, ignore_errors=True)
            target.rename(aside)
            (folder / name).rename(target)
            shutil.rmtree(aside, ignore_errors=True)
        else:
            (folder / name).replace(target)
    for name in sorted(set(known) - set(names)):
        stale = out / name
        if stale.is_symlink() or stale.is_file():
            stale.unlink()
        elif stale.is_dir():
            shutil.rmtree(stale)
    return names
