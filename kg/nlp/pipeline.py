"""Build the spaCy pipeline from its config file (``pipeline.cfg``)."""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path
from typing import Any

import jieba
import spacy
from spacy.language import Language

import kg.nlp.components  # noqa: F401  (registers the factories)

__all__ = ["DEFAULT_CONFIG", "load_pipeline"]

DEFAULT_CONFIG = Path(__file__).with_name("pipeline.cfg")


#: The learned proposers' components (each reads a model file).
LEARNED_SPANS = "kg_learned_spans"
LEARNED_PROGRAMMES = "kg_learned_programmes"
LEARNED_ORGANISATIONS = "kg_learned_organisations"


def _learned(cfg: Any, component: str, model: Path | str | None) -> None:
    """Set the learned ``component`` of ``cfg``: as the config has it (``"shipped"``),
    taken out (``None``), or put before the merge that chooses among candidates and
    given the ``model`` file (a path)."""
    names = list(cfg["nlp"]["pipeline"])
    if model is None and component in names:
        names.remove(component)
        del cfg["components"][component]
    elif isinstance(model, Path):
        if component not in names:
            names.insert(names.index("kg_merge"), component)
            cfg["components"][component] = {"factory": component}
        cfg["components"][component]["model"] = str(model)
    cfg["nlp"]["pipeline"] = names


@lru_cache(maxsize=8)
def load_pipeline(
    config: Path = DEFAULT_CONFIG,
    *,
    span_model: Path | str | None = "shipped",
    programme_model: Path | str | None = "shipped",
    organisation_model: Path | str | None = "shipped",
) -> Language:
    """The pipeline described by ``config``: blank zh + jieba + our components.
    ``span_model``, ``programme_model`` and ``organisation_model``: the learned
    proposers' model files, ``"shipped"`` for what the config names, ``None`` for none
    (with all ``None``, the rules alone: what the models train on).

    >>> nlp = load_pipeline()
    >>> nlp.pipe_names[-2:]
    ['kg_learned_programmes', 'kg_merge']
    """
    jieba.setLogLevel(logging.WARNING)
    cfg = spacy.util.load_config(config)
    _learned(cfg, LEARNED_SPANS, span_model)
    _learned(cfg, LEARNED_PROGRAMMES, programme_model)
    _learned(cfg, LEARNED_ORGANISATIONS, organisation_model)
    return spacy.util.load_model_from_config(cfg, auto_fill=True, validate=True)
