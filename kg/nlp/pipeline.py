"""Build the spaCy pipeline from its config file (``pipeline.cfg``)."""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

import jieba
import spacy
from spacy.language import Language

import kg.nlp.components  # noqa: F401  (registers the factories)

__all__ = ["DEFAULT_CONFIG", "load_pipeline"]

DEFAULT_CONFIG = Path(__file__).with_name("pipeline.cfg")


#: The learned span proposer's component (it reads a model file).
LEARNED_SPANS = "kg_learned_spans"


@lru_cache(maxsize=8)
def load_pipeline(
    config: Path = DEFAULT_CONFIG, *, span_model: Path | str | None = "shipped"
) -> Language:
    """The pipeline described by ``config``: blank zh + jieba + our components.
    ``span_model``: the learned span proposer's model file, ``"shipped"`` for the one
    the config names, ``None`` for none (the rules alone: what the models train on).

    >>> nlp = load_pipeline()
    >>> nlp.pipe_names[-1]
    'kg_merge'
    """
    jieba.setLogLevel(logging.WARNING)
    cfg = spacy.util.load_config(config)
    names = list(cfg["nlp"]["pipeline"])
    if span_model is None and LEARNED_SPANS in names:
        names.remove(LEARNED_SPANS)
        cfg["nlp"]["pipeline"] = names
        del cfg["components"][LEARNED_SPANS]
    elif isinstance(span_model, Path):
        if LEARNED_SPANS not in names:  # before the merge that chooses among candidates
            names.insert(names.index("kg_merge"), LEARNED_SPANS)
            cfg["nlp"]["pipeline"] = names
            cfg["components"][LEARNED_SPANS] = {"factory": LEARNED_SPANS}
        cfg["components"][LEARNED_SPANS]["model"] = str(span_model)
    return spacy.util.load_model_from_config(cfg, auto_fill=True, validate=True)
