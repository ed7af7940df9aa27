"""RawDocument -> Document: clean the text (keeping the offset map) and split stories."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from kg.corpus.clean import DEFAULT_PIPELINE, build_pipeline
from kg.corpus.metadata import parse_date
from kg.corpus.split import split_stories
from kg.errors import Warnings
from kg.text import SENTENCE_ENDS, AlignedText
from kg.types import Document, RawDocument, Story

__all__ = ["MAX_STORY_CHARS", "cut_story", "prepare"]

#: The longest story analysed whole. Real stories are a few thousand characters; a
#: longer one (a dump, a whole book in one line) is cut at sentence ends, so that no
#: stage of the pipeline ever sees an unbounded text.
MAX_STORY_CHARS = 20_000
_SENTENCE_END = re.compile(f"[{SENTENCE_ENDS}\n]")


def cut_story(text: str, story: Story, limit: int = MAX_STORY_CHARS) -> Iterator[Story]:
    """``story`` in parts of at most ``limit`` characters, each ending at the last
    sentence end inside it (or at ``limit`` when there is none); offsets stay those of
    the document's clean text.

    >>> parts = list(cut_story("一。二。三。", Story(0, 0, 6), limit=4))
    >>> [(p.start, p.end) for p in parts]
    [(0, 4), (4, 6)]
    """
    start = story.start
    while story.end - start > limit:
        window = text[start : start + limit]
        ends = [m.end() for m in _SENTENCE_END.finditer(window)]
        cut = start + (ends[-1] if ends else limit)
        yield replace(story, start=start, end=cut)
        start = cut
    yield replace(story, start=start, end=story.end)


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
    stories: list[Story] = []
    for story in split_stories(clean.text, raw.meta):
        parts = list(cut_story(clean.text, story))
        if len(parts) > 1:
            warnings.append(
                Warnings.W202.format(
                    path=raw.identifier,
                    story=story.index + 1,
                    chars=story.end - story.start,
                    limit=MAX_STORY_CHARS,
                    parts=len(parts),
                )
            )
        stories += parts
    numbered = tuple(replace(story, index=n) for n, story in enumerate(stories))
    meta_date = raw.meta.get("date")
    date = parse_date(meta_date) if meta_date else None
    return Document(raw, clean, numbered, tuple(warnings), date=date)
