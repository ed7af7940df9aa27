"""Where the ontology and lexicons are, installed or in a checkout."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from kg.errors import Errors, KGError

__all__ = ["ontology_dir", "ontology_file"]


@lru_cache(maxsize=1)
def ontology_dir() -> Path:
    """The ``ontology/`` folder: bundled in the wheel, else the checkout's."""
    package = Path(__file__).resolve().parents[1]  # kg/
    for candidate in (package / "_ontology", package.parent / "ontology"):
        if (candidate / "kg.ttl").is_file():
            return candidate
    raise KGError(Errors.E111, path=package.parent / "ontology" / "kg.ttl")


def ontology_file(name: str) -> Path:
    """A file of the ontology folder, such as ``kg.ttl`` or ``lexicon/places.tsv``."""
    path = ontology_dir() / name
    if not path.is_file():
        raise KGError(Errors.E111, path=path)
    return path
