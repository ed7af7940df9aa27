"""Which places a story is about: the key to elliptic names (市总工会 -> 安康市总工会).

The story's city is the city it names most (directly, through a county in it, or inside
an organisation name): a prefecture, or a county-level city named more than its
prefecture; its province is the province named most, a city's province included.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from kg.vocab.places import Place, ancestors, place_by_code

__all__ = ["StoryContext"]


@dataclass
class StoryContext:
    """The places a story names, weighted by how often."""

    counts: Counter[str] = field(default_factory=Counter)  # float weights, by place key
    order: dict[str, int] = field(default_factory=dict)

    def add(self, places: Iterable[Place]) -> None:
        """Count places named in the story (and a county's city, a city's province)."""
        for place in places:
            for weight, p in ((2, place), *((1, a) for a in ancestors(place))):
                self.counts[p.key] += weight
                self.order.setdefault(p.key, len(self.order))

    def named(self) -> set[str]:
        """The places the story itself names, ancestors included (not the page's)."""
        return {k for k, n in self.counts.items() if n >= 1}

    def _best(self, subtypes: set[str]) -> Place | None:
        index = place_by_code()
        keys = [k for k in self.counts if k in index and index[k].subtype in subtypes]
        if not keys:
            return None
        best = max(keys, key=lambda k: (self.counts[k], -self.order[k]))
        return index[best]

    def _local_city(self) -> Place | None:
        """What 市 stands for: the prefecture, or a county-level city (涿州市, 太仓市) that
        the story names itself more often than its prefecture (the prefecture's weight
        from the county's own mentions does not count against the county)."""
        index = place_by_code()
        cities = [k for k in self.counts if k in index and index[k].subtype == "City"]
        towns = [
            k
            for k in self.counts
            if k in index and index[k].subtype == "County" and index[k].name.endswith("市")
        ]
        best = max(cities, key=lambda k: (self.counts[k], -self.order[k]), default=None)
        for key in sorted(towns, key=lambda k: (-self.counts[k], self.order[k])):
            parent = index[key].parent
            own = self.counts[key]
            if best is None or own > self.counts.get(parent, 0) - own / 2:
                return index[key]
        municipality = self._municipality()
        if municipality is not None and (
            best is None or self.counts[municipality.key] > self.counts[best]
        ):
            return municipality  # 上海 named more than a city in a ticker line (大理)
        return index[best] if best else None

    @property
    def province(self) -> Place | None:
        # a city's province is counted with it (ancestors), so the most named province
        # is the story's own even when the page names another city
        return self._best({"Province"})

    @property
    def district(self) -> Place | None:
        return self._best({"District"})

    @property
    def county(self) -> Place | None:
        return self._best({"County"})

    def _municipality(self) -> Place | None:
        province = self._best({"Province"})
        if province and province.name.endswith("市"):
            return province  # 北京市: the province-level city is the city
        return None

    def for_level(self, level: str) -> Place | None:
        """The place an elliptic level character stands for (市, 省, 区, 县).

        >>> ctx = StoryContext(); ctx.add([place_by_code()["610928"]])  # 旬阳市
        >>> ctx.for_level("市").name, ctx.for_level("省").name
        ('旬阳市', '陕西省')
        >>> ctx.add([place_by_code()["610900"]] * 2)  # 安康市, named more
        >>> ctx.for_level("市").name
        '安康市'
        >>> tibet = StoryContext(); tibet.add([place_by_code()["540000"]])
        >>> tibet.for_level("区").name  # 区总工会 in a story of the region
        '西藏自治区'
        """
        city = self._local_city()
        province = self.province
        region = province if province and province.name.endswith("自治区") else None
        return {
            "市": city,
            # 州总工会, 州委: the story's autonomous prefecture
            "州": city if city is not None and city.name.endswith("自治州") else None,
            "省": self.province,
            "自治区": region,
            # 区总工会 in a story of an autonomous region that names no district: the region
            "区": self.district or region,
            "县": self.county,
        }.get(level)

    def merged(self, other: StoryContext) -> StoryContext:
        """This story's context, falling back to the document's."""
        combined = StoryContext(Counter(self.counts), dict(self.order))
        for key, count in other.counts.items():
            combined.counts[key] += count / 100  # type: ignore[assignment]  # own places weigh more
            combined.order.setdefault(key, len(combined.order) + other.order[key])
        return combined
