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


@lru_cache(maxsize=4)
def load_pipeline(config: Path = DEFAULT_CONFIG) -> Language:
    """The pipeline described by ``config``: blank zh + jieba + our components.

    >>> nlp = load_pipeline()
    >>> nlp.pipe_names[-1]
    'kg_merge'
    """
    jieba.setLogLevel(logging.WARNING)
    cfg = spacy.util.load_config(config)
    return spacy.util.load_model_from_config(cfg, auto_fill=True, validate=True)
