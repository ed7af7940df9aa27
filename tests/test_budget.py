"""One document cannot take a build down: too long, too slow or too hungry, it is left
out with a coded error and the rest of the corpus is built."""

from __future__ import annotations

import contextlib
import gc
import json
import sys
import threading
import time
from pathlib import Path

import pytest

from kg.budget import OverBudget, _raisable, budget, enforceable
from kg.build import DocumentLimits, analyse, build
from kg.corpus.load import load_file
from kg.nlp.pipeline import DEFAULT_CONFIG
from kg.types import RawDocument
from tests.helpers import CORPUS

pytestmark = pytest.mark.reliability

#: Chinese with every sentence end, comma and number taken out: one sentence.
_RUN_ON = "产业工人队伍建设改革市总工会推进会召开全市各级工会积极开展劳动和技能竞赛"


def test_past_its_seconds_the_work_is_stopped() -> None:
    started = time.monotonic()
    with pytest.raises(OverBudget) as over, budget(seconds=0.3, memory_mib=10_000):
        while True:
            sum(range(1000))
    assert over.value.kind == "time" and time.monotonic() - started < 2


def test_past_its_memory_the_work_is_stopped() -> None:
    held = []
    with pytest.raises(OverBudget) as over, budget(seconds=60, memory_mib=50):
        while True:
            held.append(bytearray(5 * 2**20))
            time.sleep(0.01)
    held.clear()
    assert over.value.kind == "memory"


def test_no_except_exception_swallows_it() -> None:
    with pytest.raises(OverBudget), budget(seconds=0.2, memory_mib=10_000):
        for _ in range(100):
            with contextlib.suppress(Exception):  # what library code does
                time.sleep(0.05)


def test_a_finaliser_running_when_the_time_is_up_does_not_lose_it() -> None:
    """Raised inside ``__del__``, the exception would be dropped (and the work would run
    on unbudgeted): it is raised in the work itself instead."""

    class Finalised:
        def __del__(self) -> None:
            sum(range(3000))

    with pytest.raises(OverBudget), budget(seconds=0.3, memory_mib=10_000):
        while True:
            Finalised()
            sum(range(3000))


def test_a_collector_callback_is_no_place_to_raise() -> None:
    """Libraries hook the garbage collector (hypothesis times it); an exception raised
    inside such a callback would be dropped, so the budget waits until the work itself
    runs again, as for a finaliser."""
    seen: list[bool] = []

    def callback(_phase: str, _info: dict[str, int]) -> None:
        seen.append(_raisable(sys._getframe()))

    gc.callbacks.append(callback)
    try:
        gc.collect()
    finally:
        gc.callbacks.remove(callback)
    assert seen == [False, False]  # the collection's start and stop
    assert _raisable(sys._getframe())


def test_outside_the_main_thread_nothing_is_enforced() -> None:
    found: list[bool] = []

    def work() -> None:
        found.append(enforceable())
        with budget(seconds=0.01, memory_mib=1):
            time.sleep(0.1)
        found.append(True)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert found == [False, True]


def _raw(folder: Path, name: str) -> RawDocument:
    return next(d for d in load_file(folder / name, folder) if isinstance(d, RawDocument))


def test_a_slow_document_is_a_coded_error(tmp_path: Path) -> None:
    (tmp_path / "long.txt").write_text(_RUN_ON * 3000, encoding="utf-8")
    limits = DocumentLimits(seconds=1.0)
    started = time.monotonic()
    skipped = analyse((_raw(tmp_path, "long.txt"), DEFAULT_CONFIG, limits))
    assert getattr(skipped, "code", None) == "E121"
    assert time.monotonic() - started < 30  # the pipeline's load is not in the budget


@pytest.mark.slow
@pytest.mark.parametrize("megabytes", [6, 60])
def test_a_single_sentence_file_of_megabytes_is_refused_and_the_rest_built(
    tmp_path: Path, megabytes: int
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    chars = megabytes * 2**20 // 3
    text = (_RUN_ON * (chars // len(_RUN_ON) + 1))[:chars]
    (corpus / "one-sentence.txt").write_text(text, encoding="utf-8")
    source = sorted(CORPUS.glob("*.txt"))[0]
    (corpus / source.name).write_bytes(source.read_bytes())
    started = time.monotonic()
    result = build(corpus, tmp_path / "out", formats=("turtle",))
    assert time.monotonic() - started < 120
    assert [d.identifier for d in result.documents] == [source.name]
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert [(s["path"], s["code"]) for s in report["skipped"]] == [("one-sentence.txt", "E119")]
    assert f"{chars:,} characters" in report["skipped"][0]["reason"]


def test_a_slow_document_in_a_batch_costs_itself_not_its_batch(tmp_path: Path) -> None:
    from kg.build import analyse_batch

    (tmp_path / "long.txt").write_text(_RUN_ON * 3000, encoding="utf-8")
    source = sorted(CORPUS.glob("*.txt"))[0]
    (tmp_path / source.name).write_bytes(source.read_bytes())
    limits = DocumentLimits(seconds=1.0)
    tasks = [(_raw(tmp_path, n), DEFAULT_CONFIG, limits) for n in ("long.txt", source.name)]
    slow, good = analyse_batch(tasks)
    assert getattr(slow, "code", None) == "E121"
    assert good == analyse((_raw(tmp_path, source.name), DEFAULT_CONFIG))
