"""A programme's canonical name follows ANNOTATION.md's decisions on contested cases."""

from __future__ import annotations

import pytest

from kg.linking.resolver import programme_canonical


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("2025—2026年度安康杯竞赛活动", "安康杯竞赛"),
        ("第八届职工技能大赛", "职工技能大赛"),
        ("工铸同心系列活动", "工铸同心"),
        ("百千万法律帮扶行动", "百千万法律帮扶"),
        ("党群连新——骑码进门专项行动", "党群连新——骑码进门"),
        ("职工技能竞赛活动", "职工技能竞赛"),
        # what is left would be no name: kept whole
        ("春风行动", "春风行动"),
        ("关爱行动", "关爱行动"),
        ("活动", "活动"),
        # nothing to take out
        ("一函两书", "一函两书"),
        ("2024年", "2024年"),
    ],
)
def test_canonical_programme_names(written: str, canonical: str) -> None:
    assert programme_canonical(written) == canonical
