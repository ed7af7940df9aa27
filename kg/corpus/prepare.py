"""RawDocument -> Document: clean the text (keeping the offset map) and split stories."""

from __future__ import annotations

from kg.corpus.align import AlignedText
from kg.corpus.clean import DEFAULT_PIPELINE, build_pipeline
from kg.corpus.split import split_stories
from kg.errors import Warnings
from kg.types import Document, RawDocument

__all__ = ["prepare"]


def prepare(raw: RawDocument, pipeline: tuple[str, ...] = DEFAULT_PIPELINE) -> Document:
    """Clean ``raw`` and split it into stories.

    >>> from kg.types import RawDocument
    >>> text = "標題\\n本報訊(記者 王強)產(chǎn)業工人。"
    >>> doc = prepare(RawDocument("a.txt", "a.txt", text, "utf-8", "text/plain", "0" * 64))
    >>> doc.clean.text, doc.stories[0].title
    ('标题\\n本报讯(记者 王强)产业工人。', '标题')
    """
    clean = build_pipeline(pipeline)(AlignedText.identity(raw.text))
    warnings: list[str] = []
    if not clean.text.strip():
        warnings.append(Warnings.W201.format(path=raw.identifier))
    stories = tuple(split_stories(clean.text, raw.meta))
    return Document(raw=raw, clean=clean, stories=stories, warnings=tuple(warnings))
