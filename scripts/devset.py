"""The development set: restore its texts, add articles, check texts against gold.

The texts are third-party pages and are never committed: they live in the git-ignored
``tests/devset/texts/``. What is committed is ``tests/devset/sources.tsv`` (each id's
url and the exact query that finds it among the stored pages) and the gold files in
``tests/gold/devset/``.

Saving a text (the excerpt of a search result, exactly as returned)::

    .venv/bin/python scripts/devset.py save ID --url URL --query Q --excerpt-json FILE \
        --script simplified --province 北京 --topic "…"

``FILE`` holds the excerpt as the JSON string literal the search tool returned (quotes
included), so that escapes such as ``\\n`` reach the file unchanged. ``save`` writes
``texts/ID.txt`` and adds or updates the id's row in ``sources.tsv``.

Checking (every row: the text is there and has the recorded length; the gold file is
well formed and each of its mentions, measurement texts and relation ends is found)::

    .venv/bin/python scripts/devset.py check [ID ...]
"""

from __future__ import annotations

import argparse
import csv
import fcntl
import json
import sys
from pathlib import Path

from kg.eval import gold_problems

ROOT = Path(__file__).resolve().parents[1]
DEVSET = ROOT / "tests" / "devset"
TEXTS = DEVSET / "texts"
SOURCES = DEVSET / "sources.tsv"
GOLD = ROOT / "tests" / "gold" / "devset"
COLUMNS = ["id", "url", "query", "chars", "script", "province", "topic", "fold"]
#: Cross-validation folds of the set (``fold`` column, 0-4).
FOLDS = 5

SCRIPTS = {"simplified", "traditional", "traditional+pinyin"}


def read_sources() -> list[dict[str, str]]:
    if not SOURCES.exists():
        return []
    with SOURCES.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def write_sources(rows: list[dict[str, str]]) -> None:
    rows = sorted(rows, key=lambda row: row["id"])
    with SOURCES.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, COLUMNS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({key: row.get(key, "") for key in COLUMNS})


def save(args: argparse.Namespace) -> int:
    excerpt = json.loads(Path(args.excerpt_json).read_text(encoding="utf-8"))
    if not isinstance(excerpt, str) or not excerpt.strip():
        print(f"{args.excerpt_json}: not a JSON string literal", file=sys.stderr)
        return 2
    if args.script not in SCRIPTS:
        print(f"--script must be one of {sorted(SCRIPTS)}", file=sys.stderr)
        return 2
    TEXTS.mkdir(parents=True, exist_ok=True)
    # several annotators save at once: one writer of sources.tsv at a time
    with (DEVSET / ".sources.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return _save_locked(args, excerpt)


def _save_locked(args: argparse.Namespace, excerpt: str) -> int:
    rows = [row for row in read_sources() if row["id"] != args.id]
    clash = [row["id"] for row in rows if row["url"] == args.url]
    if clash:
        print(f"{args.url} is already in the set as {clash[0]}", file=sys.stderr)
        return 2
    (TEXTS / f"{args.id}.txt").write_text(excerpt, encoding="utf-8")
    previous = {row["id"]: row for row in read_sources()}.get(args.id, {})
    rows.append(
        {
            "id": args.id,
            "url": args.url,
            "query": args.query,
            "chars": str(len(excerpt)),
            "script": args.script,
            "province": args.province,
            "topic": args.topic,
            "fold": previous.get("fold", ""),
        }
    )
    write_sources(rows)
    print(f"saved {args.id}: {len(excerpt)} chars")
    return 0


def check(args: argparse.Namespace) -> int:
    rows = read_sources()
    wanted = set(args.ids)
    failed = 0
    for row in rows:
        doc_id = row["id"]
        if wanted and doc_id not in wanted:
            continue
        path, gold_path = TEXTS / f"{doc_id}.txt", GOLD / f"{doc_id}.json"
        problems: list[str] = []
        if not path.exists():
            problems.append("text not restored")
        else:
            text = path.read_text(encoding="utf-8")
            if str(len(text)) != row["chars"]:
                problems.append(f"text has {len(text)} chars, sources.tsv says {row['chars']}")
            if not gold_path.exists():
                problems.append("no gold file")
            else:
                gold = json.loads(gold_path.read_text(encoding="utf-8"))
                problems += gold_problems(doc_id, gold, text)
        failed += bool(problems)
        print(f"{doc_id}: {'ok' if not problems else 'PROBLEMS'}")
        for problem in problems:
            print(f"  - {problem}")
    print(f"{len(rows)} articles, {failed} with problems")
    return 1 if failed else 0


def assign_folds(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """``rows`` with a fold for every row that has none; folds already given stay (a fold
    is fixed once given, so cross-validated figures stay comparable).

    A new row goes to the fold with the fewest rows of its province, then of its prefix
    (the annotator's share of topics), then of its script, then the fewest rows, then the
    lowest number: folds balanced by province and topic, the same for the same table.
    """

    def count(fold: str, key: str, value: str) -> int:
        return sum(r.get("fold") == fold and r.get(key) == value for r in rows)

    for row in sorted(rows, key=lambda r: (r["province"], r["id"])):
        if row.get("fold"):
            continue
        row["prefix"] = row["id"][:2]
        for other in rows:
            other.setdefault("prefix", other["id"][:2])
        row["fold"] = min(
            (str(n) for n in range(FOLDS)),
            key=lambda f: (
                count(f, "province", row["province"]),
                count(f, "prefix", row["prefix"]),
                count(f, "script", row["script"]),
                sum(r.get("fold") == f for r in rows),
                f,
            ),
        )
    for row in rows:
        row.pop("prefix", None)
    return rows


def folds(args: argparse.Namespace) -> int:
    """Give every row without a fold its fold (``assign_folds``) and print the folds."""
    with (DEVSET / ".sources.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        rows = assign_folds(read_sources())
        write_sources(rows)
    for n in range(FOLDS):
        ids = [r["id"] for r in rows if r["fold"] == str(n)]
        provinces = len({r["province"] for r in rows if r["fold"] == str(n)})
        print(f"fold {n}: {len(ids)} articles, {provinces} provinces")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p_save = sub.add_parser("save", help="save a search excerpt as a devset text")
    p_save.add_argument("id")
    p_save.add_argument("--url", required=True)
    p_save.add_argument("--query", required=True)
    p_save.add_argument("--excerpt-json", required=True)
    p_save.add_argument("--script", required=True)
    p_save.add_argument("--province", required=True)
    p_save.add_argument("--topic", required=True)
    p_save.set_defaults(run=save)
    p_check = sub.add_parser("check", help="check texts and gold files")
    p_check.add_argument("ids", nargs="*")
    p_check.set_defaults(run=check)
    p_folds = sub.add_parser("folds", help="give new articles their cross-validation fold")
    p_folds.set_defaults(run=folds)
    args = parser.parse_args()
    return int(args.run(args))


if __name__ == "__main__":
    sys.exit(main())
