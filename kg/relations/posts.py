"""``holdsPost``: a person and the organisation they hold a post in, with the role.

* titles between an organisation and a name (市总工会党组书记、常务副主席邢化良), and a
  run of organisation + title pairs (省人大常委会副主任、省总工会主席李晓英: two posts);
* bylines: a reporter or photographer of a story -> the outlet, when the article names it.
"""

from __future__ import annotations

from collections.abc import Iterator

from kg.relations.base import DocumentView, Sentence, relation
from kg.relations.registry import document_rule, sentence_rule
from kg.relations.resources import POST_SUFFIXES, TITLE_RUN
from kg.types import Relation

__all__ = ["from_bylines", "from_titles"]


def _strip_suffix(role: str) -> str:
    for suffix in POST_SUFFIXES:
        role = role.removesuffix(suffix)
    return role


@sentence_rule("posts:titles")
def from_titles(sentence: Sentence) -> Iterator[Relation]:
    """``ORG TITLE NAME`` and ``ORG1 TITLE1、ORG2 TITLE2 NAME``."""
    text = sentence.text
    orgs = sentence.of_type("Organization")
    for person in (s for s in sentence.spans if s.entity.type == "Person"):
        edge = person.start
        for org in reversed([o for o in orgs if o.end <= edge]):
            role = text[org.end : edge].strip("、").removesuffix("的")
            if not role or not TITLE_RUN.match(role):
                break
            yield relation(
                person.entity,
                "holdsPost",
                org.entity,
                person.mention,
                "holdsPost:title",
                0.85,
                _strip_suffix(role),
            )
            edge = org.start
            if not text[:edge].endswith("、"):
                break


@document_rule("posts:bylines")
def from_bylines(view: DocumentView) -> Iterator[Relation]:
    """记者 X in a story whose outlet the article names: X holds the post 记者 there."""
    entities, first = view.entities, view.first
    media = {e.name: e for k in first if (e := entities[k]).type == "Organization"}
    for story in view.doc.stories:
        outlet = media.get(story.outlet or "")
        if outlet is None:
            continue
        for credit in story.bylines:
            key = f"person:{credit.name}"
            if key in entities and key in first and credit.role in {"reporter", "photographer"}:
                mention = next(
                    m for m in view.doc.mentions if m.entity == key and m.story == story.index
                )
                yield relation(
                    entities[key], "holdsPost", outlet, mention, "holdsPost:byline", 0.9, "记者"
                )
