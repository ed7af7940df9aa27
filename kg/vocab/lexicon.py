"""Read the lexicons shipped in ``ontology/lexicon/`` (loaded once, offline).

Their origin and licence are in ``ontology/lexicon/README.md``.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from kg.text import is_cjk
from kg.vocab.files import ontology_file

__all__ = [
    "LexEntry",
    "Trigger",
    "alternation",
    "credit_roles",
    "cue_alternation",
    "cue_words",
    "cues_by_kind",
    "department_stems",
    "figure_cues",
    "forms_of_address",
    "honour_awarders",
    "honour_prefixes",
    "honour_short_forms",
    "honours",
    "looks_like_name",
    "measure_words",
    "org_abbreviations",
    "org_endings",
    "org_short_forms",
    "org_stops",
    "org_units",
    "organizations",
    "place_epithets",
    "policy_endings",
    "programme_heads",
    "programme_parts",
    "programme_stops",
    "programs",
    "relation_cues",
    "relation_triggers",
    "report_cues",
    "rows",
    "surnames",
    "titles",
]


def rows(name: str) -> list[dict[str, str]]:
    """The rows of a TSV lexicon of ``ontology/lexicon/`` (a header line; lines starting
    with ``#`` are comments), values stripped."""
    path = ontology_file(f"lexicon/{name}")
    lines = [
        line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")
    ]
    return [
        {k: (v or "").strip() for k, v in row.items()}
        for row in csv.DictReader(lines, delimiter="\t")
    ]


_rows = rows


def alternation(words: Iterable[str]) -> str:
    """A regex alternative of ``words``, longest first so the longest match wins.

    >>> alternation(["工会", "总工会", "联合工会"])
    '联合工会|总工会|工会'
    """
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _split(value: str) -> tuple[str, ...]:
    return tuple(v for v in value.split("|") if v)


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    """Chinese surnames (``surnames.txt``, from jionlp; see the lexicon README)."""
    path = ontology_file("lexicon/surnames.txt")
    return frozenset(line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line)


@lru_cache(maxsize=1)
def titles() -> dict[str, str]:
    """Titles and roles written before a name (``titles.tsv``): title -> ``post`` (held
    in an organisation: 主席, 党组书记) or ``role`` (骑手, 劳模, 记者)."""
    return {r["title"]: r["kind"] for r in _rows("titles.tsv")}


@lru_cache(maxsize=1)
def credit_roles() -> dict[str, str]:
    """The words that credit a person (``credit_roles.tsv``) -> the role they give, in
    file order.

    >>> credit_roles()["本报记者"], credit_roles()["责编"]
    ('reporter', 'editor')
    """
    return {r["word"]: r["role"] for r in rows("credit_roles.tsv")}


@lru_cache(maxsize=1)
def forms_of_address() -> frozenset[str]:
    """What follows a surname in a person named only by title (``forms_of_address.txt``:
    刘主席, 崔女士, 龙某)."""
    path = ontology_file("lexicon/forms_of_address.txt")
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def looks_like_name(text: str) -> bool:
    """A 2-4 character personal name beginning with a known surname.

    >>> looks_like_name("孙妙鸿"), looks_like_name("欧阳刚"), looks_like_name("提问")
    (True, True, False)
    >>> looks_like_name("刘主席"), looks_like_name("崔女士")
    (False, False)
    """
    if not 2 <= len(text) <= 4 or not all(is_cjk(ch) for ch in text):
        return False
    names = surnames()
    surname = 2 if text[:2] in names and len(text) >= 3 else 1 if text[0] in names else 0
    return bool(surname) and text[surname:] not in forms_of_address()


@dataclass(frozen=True, slots=True)
class LexEntry:
    """A curated organisation or programme: canonical name, aliases, subtype."""

    name: str
    subtype: str
    aliases: tuple[str, ...] = ()
    part_of: str = ""


@lru_cache(maxsize=1)
def programs() -> tuple[LexEntry, ...]:
    """Curated union programmes (``programs.tsv``)."""
    return tuple(
        LexEntry(r["name"], r["subtype"] or "Program", _split(r["aliases"]), r["part_of"])
        for r in _rows("programs.tsv")
    )


@lru_cache(maxsize=1)
def honours() -> dict[str, str]:
    """Standard honour titles (``honours.tsv``) -> ``award`` (a medal or an honour of a
    collective: 五一劳动奖章, 工人先锋号) or ``title`` (a title people hold: 劳动模范,
    技术能手) or ``named`` (a title that carries its level and takes no prefix: 大国工匠)."""
    return {r["title"]: r["kind"] for r in _rows("honours.tsv")}


@lru_cache(maxsize=1)
def honour_awarders() -> dict[str, str]:
    """Standard honour titles (``honours.tsv``) -> the national body of their system."""
    return {r["title"]: r["awarded_by"] for r in _rows("honours.tsv")}


@lru_cache(maxsize=1)
def honour_short_forms() -> dict[str, str]:
    """Short forms of honour titles (``honour_short_forms.tsv``: 劳模 -> 劳动模范)."""
    return {r["short"]: r["title"] for r in _rows("honour_short_forms.tsv")}


@lru_cache(maxsize=1)
def honour_prefixes() -> tuple[str, ...]:
    """Level prefixes of honours (``honour_prefixes.txt``: 全国, 省级, 中央企业)."""
    lines = ontology_file("lexicon/honour_prefixes.txt").read_text(encoding="utf-8").splitlines()
    return tuple(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1)
def policy_endings() -> tuple[str, ...]:
    """How the title of a policy document ends (``policy_endings.txt``: 办法, 通知)."""
    lines = ontology_file("lexicon/policy_endings.txt").read_text(encoding="utf-8").splitlines()
    return tuple(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1)
def place_epithets() -> dict[str, str]:
    """Classical names of provinces used in brands (``place_epithets.tsv``: 齐鲁 -> 山东省)."""
    return {r["epithet"]: r["place"] for r in _rows("place_epithets.tsv")}


@lru_cache(maxsize=1)
def programme_heads() -> dict[str, tuple[str, ...]]:
    """Head nouns of programme names by role (``programme_heads.tsv``): ``programme``
    ends a name, ``organisation`` makes a quoted name an organisation's, ``classifier``
    stays out of the name, ``self`` ends a quoted name that names itself."""
    heads: dict[str, list[str]] = defaultdict(list)
    for row in _rows("programme_heads.tsv"):
        heads[row["role"]].append(row["head"])
    return {role: tuple(words) for role, words in heads.items()}


@lru_cache(maxsize=1)
def programme_stops() -> dict[str, tuple[str, ...]]:
    """Words by kind (``programme_stops.tsv``): ``inside`` never occurs inside a
    programme's name, ``start`` opens a generic phrase rather than a name, ``generic``
    words alone name no programme (系列主题劳动竞赛), ``describes`` opens a description
    after a quoted name (“工会进万家”调研走访慰问活动), ``left`` ends the words a quoted
    code takes on its left (深化职工之家“1+X”领带活动)."""
    stops: dict[str, list[str]] = defaultdict(list)
    for row in _rows("programme_stops.tsv"):
        stops[row["kind"]].append(row["word"])
    return {kind: tuple(words) for kind, words in stops.items()}


@lru_cache(maxsize=1)
def org_stops() -> dict[str, tuple[str, ...]]:
    """What bounds an organisation's name (``org_stops.tsv``): ``inside`` characters never
    stand in its middle, ``left`` words end it on its left (开展, 最终)."""
    stops: dict[str, list[str]] = defaultdict(list)
    for row in _rows("org_stops.tsv"):
        stops[row["kind"]].append(row["word"])
    return {kind: tuple(words) for kind, words in stops.items()}


@lru_cache(maxsize=1)
def organizations() -> tuple[LexEntry, ...]:
    """Curated national bodies and media (``organizations.tsv``)."""
    return tuple(
        LexEntry(r["name"], r["subtype"], _split(r["aliases"])) for r in _rows("organizations.tsv")
    )


@dataclass(frozen=True, slots=True)
class OrgEnding:
    """An organisation name ending, the subtype it implies, and where it applies:
    ``compose`` after a place (安康市 + 总工会), ``name`` only to close a name that the
    statistical recogniser found (中国石油长庆油田 + 公司)."""

    ending: str
    subtype: str
    use: str
    middle: int | None = None  # the longest middle before it (None: the subtype's default)


@lru_cache(maxsize=1)
def org_endings() -> tuple[OrgEnding, ...]:
    """Organisation name endings (``org_endings.tsv``), and a government department's
    name with each of its endings (``government_departments.tsv``: 公安 + 厅|局)."""
    rows = [
        OrgEnding(r["ending"], r["subtype"], r["use"], int(r["middle"]) if r["middle"] else None)
        for r in _rows("org_endings.tsv")
    ]
    known = {row.ending for row in rows}
    for r in _rows("government_departments.tsv"):
        for ending in _split(r["endings"]):
            name = r["stem"] + ending
            if name not in known:
                rows.append(OrgEnding(name, "Government", "compose"))
                known.add(name)
    return tuple(rows)


@dataclass(frozen=True, slots=True)
class OrgUnit:
    """A unit named after its organisation (总工会 + 女职工委员会, 有限公司 + 襄阳分公司):
    the kinds of organisation it belongs to, and its own subtype ("" = its parent's)."""

    unit: str
    after: tuple[str, ...]
    subtype: str


@lru_cache(maxsize=1)
def org_units() -> tuple[OrgUnit, ...]:
    """Units of organisations (``org_units.tsv``), longest first."""
    rows = [OrgUnit(r["unit"], _split(r["after"]), r["subtype"]) for r in _rows("org_units.tsv")]
    return tuple(sorted(rows, key=lambda u: -len(u.unit)))


@lru_cache(maxsize=1)
def org_abbreviations() -> dict[str, str]:
    """Abbreviated endings that names are given in full (``org_abbreviations.tsv``, rows
    with ``expand`` yes: 人社局 -> 人力资源和社会保障局)."""
    return {r["short"]: r["full"] for r in _rows("org_abbreviations.tsv") if r["expand"] == "yes"}


@lru_cache(maxsize=1)
def org_short_forms() -> tuple[tuple[str, str], ...]:
    """Every ``(long, short)`` pair of ``org_abbreviations.tsv``: the short forms a body's
    name may take in other names (柳北区人民法院 -> 柳北区法院), expanded or not."""
    return tuple((r["full"], r["short"]) for r in _rows("org_abbreviations.tsv"))


def department_stems(ending: str) -> tuple[str, ...]:
    """The government departments that take ``ending`` (``government_departments.tsv``).

    >>> "公安" in department_stems("厅"), "公安" in department_stems("委员会")
    (True, False)
    """
    return tuple(
        r["stem"] for r in _rows("government_departments.tsv") if ending in _split(r["endings"])
    )


@lru_cache(maxsize=16)
def cues_by_kind(name: str) -> dict[str, tuple[str, ...]]:
    """A cue table of ``ontology/lexicon/`` (columns ``kind`` and ``cue``): its cue words by
    kind, in file order.

    >>> cues_by_kind("figure_cues.tsv")["approx-inside"][:2]
    ('余', '多')
    """
    found: dict[str, list[str]] = defaultdict(list)
    for row in rows(name):
        found[row["kind"]].append(row["cue"])
    return {kind: tuple(words) for kind, words in found.items()}


def cue_words(table: str, kind: str) -> tuple[str, ...]:
    """The cue words of ``kind`` in the cue table ``table``, in file order.

    >>> cue_words("recogniser_cues.tsv", "found-verb")[:2]
    ('成立', '组建')
    """
    return cues_by_kind(table)[kind]


def cue_alternation(table: str, kind: str) -> str:
    """The cue words of ``kind`` as a regex alternation in file order: the order a regex
    tries them in, so the table decides which alternative wins.

    >>> cue_alternation("recogniser_cues.tsv", "found-verb")
    '成立|组建|设立|挂牌成立|揭牌成立'
    """
    return "|".join(re.escape(word) for word in cue_words(table, kind))


@dataclass(frozen=True, slots=True)
class Trigger:
    """A cue word of the trigger lexicon: the relation it signals and its object's kind."""

    predicate: str
    word: str
    object: str  # Program, Policy, Event, Organization
    confidence: float


@lru_cache(maxsize=1)
def relation_triggers() -> tuple[Trigger, ...]:
    """The trigger lexicon (``relation_triggers.tsv``), longest words first."""
    found = [
        Trigger(r["predicate"], r["trigger"], r["object"], float(r["confidence"]))
        for r in rows("relation_triggers.tsv")
    ]
    return tuple(sorted(found, key=lambda t: (-len(t.word), t.predicate)))


@lru_cache(maxsize=1)
def relation_cues() -> dict[str, tuple[str, ...]]:
    """The other cue words (``relation_cues.tsv``) by kind, in file order.

    >>> "依托" in relation_cues()["not-subject"]
    True
    """
    return cues_by_kind("relation_cues.tsv")


@lru_cache(maxsize=1)
def programme_parts() -> tuple[tuple[str, str], ...]:
    """``(part, whole)`` of standard programmes (``programme_parts.tsv``).

    >>> ("工会劳动法律监督提示函", "一函两书") in programme_parts()
    True
    """
    return tuple((row["part"], row["whole"]) for row in rows("programme_parts.tsv"))


@lru_cache(maxsize=1)
def report_cues() -> dict[str, tuple[str, ...]]:
    """What frames an outlet a story cites (据X报道, 据X客户端消息): ``report_cues.tsv``."""
    return cues_by_kind("report_cues.tsv")


@lru_cache(maxsize=1)
def figure_cues() -> dict[str, tuple[str, ...]]:
    """The cue words of figures (approximation, ordinals, indicators): ``figure_cues.tsv``."""
    return cues_by_kind("figure_cues.tsv")


@lru_cache(maxsize=1)
def measure_words() -> dict[str, tuple[str, int]]:
    """Measure words -> (the unit they count in, its multiplier): ``measure_words.tsv``
    (万元 -> 元 × 10,000)."""
    return {r["word"]: (r["unit"], int(r["multiplier"])) for r in rows("measure_words.tsv")}
