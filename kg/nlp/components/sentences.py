"""``kg_sentence_cap``: no sentence longer than the relation rules can afford.

The sentencizer ends sentences at 。！？；and line breaks. Text without them (a run-on
list, a scraped page with commas only) would make one sentence of a whole story, and the
rules that pair the mentions of a sentence grow with its square. This component cuts a
sentence longer than ``max_chars`` at its last clause mark (，、：, a space) before the
limit, or at the limit. Real sentences stay whole: the longest in ``corpus/`` and the
development set has 283 characters.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["CLAUSE_MARKS", "SentenceCap", "make_sentence_cap"]

#: Where a sentence that is too long is cut (after the mark).
CLAUSE_MARKS = frozenset("，,、：:； ")


class SentenceCap:
    """Cut sentences longer than ``max_chars`` characters at clause marks."""

    def __init__(self, name: str, max_chars: int) -> None:
        self.name = name
        self.max_chars = max_chars

    def __call__(self, doc: Doc) -> Doc:
        starts = set(self.cuts(doc))
        for index in starts:
            doc[index].is_sent_start = True
        return doc

    def cuts(self, doc: Doc) -> list[int]:
        """The token indices where a new sentence must start (finding, not writing).

        >>> import spacy
        >>> nlp = spacy.blank("xx")
        >>> doc = nlp.make_doc("a, " * 30)
        >>> for token in doc: token.is_sent_start = token.i == 0
        >>> cuts = SentenceCap("cap", max_chars=20).cuts(doc)
        >>> [doc[i].idx for i in cuts][:3]
        [21, 42, 63]
        """
        found: list[int] = []
        for sentence in doc.sents:
            begin = sentence.start_char
            if sentence.end_char - begin <= self.max_chars:
                continue  # no word of it ends past the cap
            last_mark = None
            for token in sentence:
                if (
                    token.i > sentence.start
                    and token.idx + len(token.text) - begin > self.max_chars
                ):
                    cut = token.i if last_mark is None else last_mark
                    found.append(cut)
                    begin = doc[cut].idx
                    last_mark = None
                if token.text and token.text[-1] in CLAUSE_MARKS and token.i + 1 < sentence.end:
                    last_mark = token.i + 1
        return found


@Language.factory(
    "kg_sentence_cap", assigns=["token.is_sent_start"], default_config={"max_chars": 400}
)
def make_sentence_cap(nlp: Language, name: str, max_chars: int) -> SentenceCap:
    """Build the sentence cap."""
    return SentenceCap(name, max_chars)
