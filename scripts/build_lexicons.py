"""Regenerate the place and surname lexicons in ``ontology/lexicon/`` from jionlp's data files.

Outputs (all relative to the repository root):

* ``ontology/lexicon/places.tsv`` -- the country, every province-level, prefecture-level and
  county-level division of mainland China, plus Hong Kong, Macao and Taiwan at province level,
  read from jionlp's ``dictionary/china_location.txt`` (or ``china_location.zip``) and
  ``dictionary/china_location_change.txt``.
* ``ontology/lexicon/surnames.txt`` -- single- and two-character Chinese surnames, read from the
  constants ``SINGLE_CHINESE_FAMILY_NAME`` and ``TWO_CHAR_CHINESE_FAMILY_NAME`` in jionlp's
  ``rule/rule_pattern.py``.
* ``ontology/lexicon/README.md`` -- the section between the ``build_lexicons`` markers is
  rewritten (source, version, date, counts); anything outside the markers is kept.

jionlp (Apache-2.0, https://github.com/dongrixinyu/JioNLP) is only needed to run this script
(``pip install -e '.[lexicon]'``). It is never imported: its package directory is located with
``importlib.util.find_spec`` (which does not execute the package) and its files are read
directly; ``rule_pattern.py`` is parsed with :mod:`ast`.

Run from the repository root::

    .venv/bin/python scripts/build_lexicons.py
"""

from __future__ import annotations

import ast
import datetime as dt
import importlib.metadata
import importlib.util
import io
import re
import zipfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT_DIR = ROOT / "ontology" / "lexicon"
PLACES_TSV = OUT_DIR / "places.tsv"
TOWNS_TSV = OUT_DIR / "towns.tsv"
TOWN_SUFFIXES = ("街道", "镇", "乡", "苏木")
SURNAMES_TXT = OUT_DIR / "surnames.txt"
README_MD = OUT_DIR / "README.md"

UPSTREAM = "https://github.com/dongrixinyu/JioNLP"
LOCATION_FILE = "dictionary/china_location.txt"
LOCATION_CHANGE_FILE = "dictionary/china_location_change.txt"
TRA2SIM_FILE = "dictionary/tra2sim_char.txt"
RULE_PATTERN_FILE = "rule/rule_pattern.py"

HEADER = ("code", "name", "level", "subtype", "parent_code", "aliases", "former")

# the name union news and annotators use (ANNOTATION.md gold: 中国); the official one is an alias
COUNTRY_NAME = "中国"
COUNTRY_ALIASES = ("中华人民共和国",)

# GB/T 2260 codes; used only if jionlp lacks these provinces (it has them as of 1.5.31).
SAR_AND_TAIWAN: dict[str, tuple[str, str]] = {
    "810000": ("香港特别行政区", "香港"),
    "820000": ("澳门特别行政区", "澳门"),
    "710000": ("台湾省", "台湾"),
}
MUNICIPALITIES = frozenset({"110000", "120000", "310000", "500000"})

# Entries jionlp takes from the NBS statistical division codes (统计用区划代码) that are not
# administrative divisions in GB/T 2260 / the Ministry of Civil Affairs list. NBS gives
# "functional zones" (开发区, 管理区, 新区 ...) county digits 71-79; these few use other digits.
NBS_ONLY_CODES: dict[str, str] = {
    "510102": "成都高新技术产业开发区",
    "510156": "天府新区",
    "632857": "大柴旦行政委员会",
    "232761": "加格达奇区",
    "232762": "松岭区",
    "232763": "新林区",
    "232764": "呼中区",
}
FUNCTIONAL_ZONE_RE = re.compile(
    r"开发区|产业园|工业园|园区|示范区|实验区|管理区|管委会|行政委员会|保税区|聚集区|食品区|"
    r"风景名胜区|新城$"
)

# The 55 officially recognised minority nationalities, used to strip "…族自治县" style suffixes.
# "各" covers 龙胜各族自治县 and 隆林各族自治县.
ETHNIC_GROUPS = (
    "蒙古",
    "回",
    "藏",
    "维吾尔",
    "苗",
    "彝",
    "壮",
    "布依",
    "朝鲜",
    "满",
    "侗",
    "瑶",
    "白",
    "土家",
    "哈尼",
    "哈萨克",
    "傣",
    "黎",
    "傈僳",
    "佤",
    "畲",
    "高山",
    "拉祜",
    "水",
    "东乡",
    "纳西",
    "景颇",
    "柯尔克孜",
    "土",
    "达斡尔",
    "仫佬",
    "羌",
    "布朗",
    "撒拉",
    "毛南",
    "仡佬",
    "锡伯",
    "阿昌",
    "普米",
    "塔吉克",
    "怒",
    "乌孜别克",
    "俄罗斯",
    "鄂温克",
    "德昂",
    "保安",
    "裕固",
    "京",
    "塔塔尔",
    "独龙",
    "鄂伦春",
    "赫哲",
    "门巴",
    "珞巴",
    "基诺",
    "各",
)
_ETHNIC_ALT = "|".join(sorted(ETHNIC_GROUPS, key=len, reverse=True))
AUTONOMOUS_RE = re.compile(rf"^(.{{2,}}?)(?:(?:{_ETHNIC_ALT})族?)*自治(?:区|州|县|旗)$")
ETHNIC_DISTRICT_RE = re.compile(rf"^(.{{2,}}?)(?:(?:{_ETHNIC_ALT})族)+区$")

PROVINCE_SUFFIXES = ("特别行政区", "省", "市")
PREFECTURE_SUFFIXES = ("地区", "市", "盟")
COUNTY_SUFFIXES = ("特区", "区", "县", "市", "旗")

# Characters that jionlp's traditional->simplified table would convert but that are standard
# characters in their own right when used as surnames (通用规范汉字表 keeps 於 and 郤 for
# the surnames Yū and Xì, distinct from 于 and 郄).
SURNAME_CHARS_KEPT = frozenset({"於", "郤"})


@dataclass
class Place:
    code: str
    name: str
    level: str
    subtype: str
    parent_code: str
    jionlp_aliases: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    former: list[str] = field(default_factory=list)
    # Names along jionlp's tree (province, prefecture-as-in-jionlp), to resolve renames.
    path: tuple[str, ...] = ()


@dataclass
class Report:
    skipped: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    notes: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- jionlp files


def jionlp_dir() -> Path:
    spec = importlib.util.find_spec("jionlp")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("jionlp is not installed; run: .venv/bin/pip install -e '.[lexicon]'")
    return Path(next(iter(spec.submodule_search_locations)))


def jionlp_version() -> str:
    return importlib.metadata.version("jionlp")


def read_text(pkg: Path, rel: str) -> str:
    """Read a jionlp data file; fall back to the ``.zip`` next to it (jionlp ships both)."""
    path = pkg / rel
    if path.is_file():
        return path.read_text(encoding="utf-8")
    zpath = path.with_suffix(".zip")
    with zipfile.ZipFile(zpath) as zf:
        return zf.read(path.name).decode("utf-8")


def iter_lines(text: str) -> Iterator[str]:
    for line in io.StringIO(text, newline=None):
        line = line.rstrip("\r\n")
        if line.strip():
            yield line


# --------------------------------------------------------------------------- classification


def province_subtype(name: str) -> str | None:
    if name.endswith(("省", "自治区", "特别行政区")) or name in {
        "北京市",
        "天津市",
        "上海市",
        "重庆市",
    }:
        return "Province"
    return None


def prefecture_subtype(name: str) -> str | None:
    if name.endswith(("市", "地区", "自治州", "盟")):
        return "City"
    return None


def county_subtype(name: str, code: str) -> str | None:
    if name.endswith(("县", "旗", "市", "特区")):
        return "County"
    if name.endswith("林区") and int(code[4:6]) >= 21:
        return "County"  # 神农架林区 (county digits 21; 万柏林区 etc. are districts)
    if name.endswith("区"):
        return "District"
    return None


# --------------------------------------------------------------------------- aliases


def short_form(name: str, level: str, subtype: str) -> str | None:
    """The name without its administrative suffix, or None if there is no sensible one."""
    m = AUTONOMOUS_RE.match(name) or ETHNIC_DISTRICT_RE.match(name)
    if m:
        stem = m.group(1).removesuffix("族")  # 鄂温克族自治旗 -> 鄂温克
        return None if stem.endswith("翼") else stem  # 喀喇沁左翼蒙古族自治县 (喀左)
    if level == "province":
        suffixes: tuple[str, ...] = PROVINCE_SUFFIXES
    elif level == "prefecture":
        suffixes = PREFECTURE_SUFFIXES
    else:
        suffixes = COUNTY_SUFFIXES
        if name.endswith("旗") and (name[-2] in "前中后左右" or name.endswith("联合旗")):
            return None  # 乌拉特前旗 -> "乌拉特前" is not a name anyone uses
        for compound in ("新区", "矿区") + (("林区",) if subtype == "County" else ()):
            if name.endswith(compound) and len(name) - len(compound) >= 2:
                return name[: -len(compound)]  # 浦东新区 -> 浦东, 峰峰矿区 -> 峰峰
    for suffix in suffixes:
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return None


def assign_aliases(places: list[Place], report: Report) -> None:
    official = Counter(p.name for p in places)
    short = {id(p): short_form(p.name, p.level, p.subtype) for p in places}
    # Who claims which short form, either through jionlp's alias column or by suffix stripping.
    claims: dict[str, set[int]] = defaultdict(set)
    for p in places:
        for a in p.jionlp_aliases:
            claims[a].add(id(p))
        s = short[id(p)]
        if s:
            claims[s].add(id(p))

    for p in places:
        out: list[str] = []
        for a in p.jionlp_aliases:
            if a == p.name or len(a) < 2:
                continue
            if official[a]:
                report.notes.append(f"dropped jionlp alias {a} of {p.name}: another place's name")
                continue
            out.append(a)
        s = short[id(p)]
        # jionlp writes the full name as the alias when it judged the short form ambiguous or
        # misleading (阿里地区, 资源县, 南海区, 吉林市 ...): respect that and derive nothing.
        opted_out = p.name in p.jionlp_aliases
        if (
            s
            and s not in out
            and len(s) >= 2
            and not opted_out
            and not official[s]
            and claims[s] == {id(p)}
        ):
            out.append(s)
        if p.name.endswith("自治州"):
            # the customary name of an autonomous prefecture and its bodies: 延边州(总工会)
            out += [f"{a}州" for a in list(out) if not a.endswith("州") and not official[f"{a}州"]]
        p.aliases = sorted(set(out), key=out.index)


# --------------------------------------------------------------------------- places


def parse_location_tree(text: str) -> Iterator[tuple[int, list[str]]]:
    """Yield (depth, fields) for the province, prefecture and county levels of the tree.

    Depth is the number of leading tabs: 0 province, 1 prefecture, 2 county, 3 town,
    4 village. Fields are name, 6-digit code and jionlp's short alias (towns and villages,
    and Taiwan's districts, carry only a name).
    """
    for line in iter_lines(text):
        depth = len(line) - len(line.lstrip("\t"))
        if depth <= 2:
            yield depth, line.lstrip("\t").split("\t")


def split_aliases(raw: str) -> list[str]:
    return [a.strip() for a in raw.split("/") if a.strip()]


def build_places(pkg: Path, report: Report) -> list[Place]:
    places: list[Place] = [Place("", COUNTRY_NAME, "country", "Country", "")]
    places[0].jionlp_aliases = list(COUNTRY_ALIASES)
    province: Place | None = None
    pref_parent = ""  # code under which the current prefecture's counties go
    pref_name = ""
    skip_children = False  # inside HK / Macao / Taiwan
    skip_pref = False

    for depth, fields in parse_location_tree(read_text(pkg, LOCATION_FILE)):
        if depth == 0:
            name, code, alias = fields
            subtype = province_subtype(name)
            if subtype is None:
                raise SystemExit(f"unexpected province-level name {name!r}")
            province = Place(code, name, "province", subtype, "", split_aliases(alias))
            province.path = (name,)
            places.append(province)
            # HK/Macao children share the SAR's code; Taiwan's cities carry codes that are
            # not in GB/T 2260 and its districts none: keep these three at province level.
            skip_children = code in SAR_AND_TAIWAN
            continue
        assert province is not None
        if skip_children:
            if depth == 1:
                report.skipped["HK/Macao/Taiwan sub-divisions"].append(fields[0])
            continue
        if depth == 1:
            name, code, alias = fields
            pref_name = name
            skip_pref = False
            if code == province.code:  # municipality repeated at prefecture level
                pref_parent = province.code
                continue
            if "直辖" in name:  # 省直辖行政区划 / 自治区直辖县级行政区划: not a place
                report.skipped["pseudo-prefectures (counties re-parented)"].append(
                    f"{province.name}/{name} {code}"
                )
                pref_parent = province.code
                continue
            subtype = prefecture_subtype(name)
            if subtype is None:
                report.skipped["unclassifiable prefecture-level names"].append(f"{name} {code}")
                skip_pref = True
                continue
            pref = Place(code, name, "prefecture", subtype, province.code, split_aliases(alias))
            pref.path = (province.name, name)
            places.append(pref)
            pref_parent = code
            continue
        # depth == 2: county level
        if skip_pref:
            continue
        if len(fields) != 3:
            report.skipped["county-level entries without a code"].append(fields[0])
            continue
        name, code, alias = fields
        if "直辖" in name:  # 市直辖行政区划 under 东莞/中山/儋州/嘉峪关: towns hang below it
            report.skipped["pseudo-counties (prefecture-level cities without counties)"].append(
                f"{pref_name}/{name} {code}"
            )
            continue
        if 71 <= int(code[4:6]) <= 79 or FUNCTIONAL_ZONE_RE.search(name):
            report.skipped["NBS functional zones (开发区, 管理区 ...)"].append(f"{name} {code}")
            continue
        if code in NBS_ONLY_CODES:
            report.skipped["NBS-only statistical areas"].append(f"{name} {code}")
            continue
        subtype = county_subtype(name, code)
        if subtype is None:
            report.skipped["unclassifiable county-level names"].append(f"{name} {code}")
            continue
        county = Place(code, name, "county", subtype, pref_parent, split_aliases(alias))
        county.path = (province.name, pref_name, name)
        places.append(county)

    for code, (name, alias) in SAR_AND_TAIWAN.items():
        if not any(p.code == code for p in places):
            report.notes.append(f"{name} not in jionlp; added with GB/T 2260 code {code}")
            places.append(Place(code, name, "province", "Province", "", [alias], path=(name,)))
    return places


def build_towns(pkg: Path, places: list[Place]) -> list[tuple[str, str]]:
    """Towns, townships and streets (乡镇街道) under the counties kept in ``places``.

    jionlp gives them no code, so a town is identified by its name and its county's code.
    """
    counties = {p.code for p in places if p.level == "county"}
    towns: set[tuple[str, str]] = set()
    county = ""
    for line in iter_lines(read_text(pkg, LOCATION_FILE)):
        depth = len(line) - len(line.lstrip("\t"))
        fields = line.lstrip("\t").split("\t")
        if depth == 2:
            county = fields[1] if len(fields) == 3 and fields[1] in counties else ""
        elif depth == 3 and county:
            name = fields[0].strip()
            if name.endswith(TOWN_SUFFIXES) and len(name) >= 3:
                towns.add((name, county))
    return sorted(towns, key=lambda t: (t[1], t[0]))


def write_towns(towns: list[tuple[str, str]]) -> None:
    with TOWNS_TSV.open("w", encoding="utf-8", newline="\n") as f:
        f.write("name\tcounty_code\n")
        for name, county in towns:
            f.write(f"{name}\t{county}\n")


def check_places(places: list[Place], report: Report) -> None:
    by_code: dict[str, list[Place]] = defaultdict(list)
    for p in places:
        by_code[p.code].append(p)
    for code, group in sorted(by_code.items()):
        if len(group) > 1:
            report.notes.append(f"duplicate code {code}: {', '.join(p.name for p in group)}")
    codes = set(by_code)
    for p in places:
        if p.parent_code and p.parent_code not in codes:
            report.notes.append(f"{p.name} {p.code}: unknown parent {p.parent_code}")
        if p.level == "county" and p.parent_code[:2] != p.code[:2]:
            report.notes.append(f"{p.name} {p.code}: code outside parent {p.parent_code}")
        elif (
            p.level == "county"
            and p.parent_code not in MUNICIPALITIES
            and not p.parent_code.endswith("0000")
            and p.parent_code[:4] != p.code[:4]
        ):
            report.notes.append(
                f"{p.name} {p.code}: code prefix differs from parent {p.parent_code} "
                "(transferred without recoding in jionlp's data)"
            )


def parse_changes(text: str) -> Iterator[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    """Yield (date, old path, new path); paths are official names province..county."""
    for line in iter_lines(text):
        left, _, right = line.partition("=>")
        old = left.split("\t")
        date, old_fields = old[0], old[2:]  # date, approver, then name/alias pairs
        yield date, tuple(old_fields[0::2]), tuple(right.split("\t"))


def assign_former_names(pkg: Path, places: list[Place], report: Report) -> list[Place]:
    """Attach former names from 1:1 renames (旬阳县 -> 旬阳市); skip merges and transfers.

    Returns the places without stale entries, i.e. places that jionlp lists under both their
    old and their new name (澄江县 next to 澄江市).
    """
    by_path = {p.path: p for p in places if p.path}
    targets: dict[tuple[str, ...], dict[str, str]] = defaultdict(dict)
    for changed, old_path, new_path in parse_changes(read_text(pkg, LOCATION_CHANGE_FILE)):
        previous = targets[new_path].get(old_path[-1], "")
        targets[new_path][old_path[-1]] = max(changed, previous)
    stale_ids: set[int] = set()
    for new, olds in sorted(targets.items()):
        if len(olds) != 1:
            continue  # several places merged into one
        ((old, date),) = olds.items()
        if old == new[-1]:
            continue  # moved to another parent, name unchanged
        if old.endswith("区") and new[-1].endswith("区"):
            continue  # district abolished and absorbed by another (下城区 -> 拱墅区)
        place = by_path.get(new)
        stale = by_path.get((*new[:-1], old))
        if place is None:
            if stale is not None:
                report.notes.append(
                    f"jionlp's tree predates the {date} rename {old} -> {new[-1]}: "
                    f"kept {old} {stale.code}"
                )
            else:
                report.notes.append(f"rename {old} -> {'/'.join(new)} ({date}): target not found")
            continue
        place.former.append(old)
        if stale is not None:
            report.skipped["stale entries also listed under their new name"].append(
                f"{old} {stale.code} (now {place.name} {place.code})"
            )
            stale_ids.add(id(stale))
    return [p for p in places if id(p) not in stale_ids]


def write_places(places: list[Place]) -> None:
    rows = sorted(places, key=lambda p: (p.code, p.name))
    with PLACES_TSV.open("w", encoding="utf-8", newline="\n") as f:
        f.write("\t".join(HEADER) + "\n")
        for p in rows:
            cols = (
                p.code,
                p.name,
                p.level,
                p.subtype,
                p.parent_code,
                "|".join(p.aliases),
                "|".join(sorted(p.former)),
            )
            f.write("\t".join(cols) + "\n")


# --------------------------------------------------------------------------- surnames


def module_constants(source: str, names: Iterable[str]) -> dict[str, list[str]]:
    """Every top-level string-literal assignment of each wanted name, in source order.

    The last item is the effective value of the constant.
    """
    wanted = set(names)
    found: dict[str, list[str]] = defaultdict(list)
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name) and target.id in wanted:
                    value = ast.literal_eval(node.value)
                    if isinstance(value, str):
                        found[target.id].append(value)
    missing = wanted - found.keys()
    if missing:
        raise SystemExit(f"{RULE_PATTERN_FILE}: constants not found: {sorted(missing)}")
    return found


def traditional_chars(pkg: Path) -> set[str]:
    """Characters that jionlp's traditional->simplified table maps to another character."""
    out: set[str] = set()
    for line in iter_lines(read_text(pkg, TRA2SIM_FILE)):
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0] != parts[1]:
            out.add(parts[0])
    return out - SURNAME_CHARS_KEPT


def build_surnames(pkg: Path, report: Report) -> list[str]:
    consts = module_constants(
        read_text(pkg, RULE_PATTERN_FILE),
        ("SINGLE_CHINESE_FAMILY_NAME", "TWO_CHAR_CHINESE_FAMILY_NAME"),
    )
    singles = consts["SINGLE_CHINESE_FAMILY_NAME"]
    # jionlp's last assignment drops surnames that are also common words (周, 孙, 林, 高 ...).
    # A person is only recognised with a title, role or byline beside the name, so the
    # union of every assignment is the right list here.
    single = list(dict.fromkeys(c for value in singles for c in value if not c.isspace()))
    two_char = consts["TWO_CHAR_CHINESE_FAMILY_NAME"][-1]
    double = [s.strip() for s in two_char.split("|") if s.strip()]
    traditional = traditional_chars(pkg)
    out: set[str] = set()
    for name in single + double:
        if not all("\u4e00" <= ch <= "\u9fff" for ch in name) or len(name) > 2:
            report.skipped["surnames: not 1-2 CJK characters"].append(name)
        elif any(ch in traditional for ch in name):
            report.skipped["surnames: traditional characters"].append(name)
        else:
            out.add(name)
    return sorted(out)


def write_surnames(surnames: list[str]) -> None:
    SURNAMES_TXT.write_text("".join(s + "\n" for s in surnames), encoding="utf-8")


# --------------------------------------------------------------------------- README

README_BEGIN = "<!-- build_lexicons.py: begin (generated section, do not edit by hand) -->"
README_END = "<!-- build_lexicons.py: end -->"


def readme_section(
    version: str,
    today: str,
    places: list[Place],
    surnames: list[str],
    report: Report,
) -> str:
    levels = Counter(p.level for p in places)
    subtypes = Counter((p.level, p.subtype) for p in places)
    n_alias = sum(len(p.aliases) for p in places)
    n_former = sum(1 for p in places if p.former)
    single = sum(1 for s in surnames if len(s) == 1)
    skipped = "\n".join(
        f"  - {reason}: {len(items)}" + (f" ({', '.join(items)})" if len(items) <= 10 else "")
        for reason, items in sorted(report.skipped.items())
        if not reason.startswith("surnames")
    )
    notes = "\n".join(f"  - {n}" for n in report.notes) or "  - none"
    subtype_lines = "\n".join(
        f"| {level} | {subtype} | {n} |" for (level, subtype), n in sorted(subtypes.items())
    )
    source = f"[jionlp]({UPSTREAM}) {version} (PyPI `jionlp`, licence Apache-2.0)"
    return f"""{README_BEGIN}
## places.tsv

Gazetteer of Chinese administrative divisions: the country (中国 = 中华人民共和国, no code), every
province-level, prefecture-level and county-level division of mainland China, and Hong Kong,
Macao and Taiwan at province level only. Towns and villages are not included.

- **Source**: {source},
  files inside the installed package:
  `jionlp/{LOCATION_FILE}` and
  `jionlp/{LOCATION_CHANGE_FILE}`.
- **Generated**: {today} by `scripts/build_lexicons.py`.
- **Regenerate**: `.venv/bin/python scripts/build_lexicons.py` (needs the `lexicon` extra:
  `.venv/bin/pip install -e '.[lexicon]'`; jionlp is read as data, never imported).

Columns (tab-separated, UTF-8, one header line, rows sorted by code then name):

| column | meaning |
| --- | --- |
| `code` | 6-digit administrative division code as given by jionlp (empty for the country) |
| `name` | official name |
| `level` | `country`, `province`, `prefecture` or `county` |
| `subtype` | `Country`, `Province`, `City`, `District` or `County` (see below) |
| `parent_code` | code of the enclosing division (empty for provinces and the country) |
| `aliases` | `\\|`-separated short forms (see below) |
| `former` | `\\|`-separated former names of the same place after a 1:1 rename (旬阳县 for 旬阳市) |

Subtypes: `Province` = 省, 自治区, 直辖市, 特别行政区; `City` = any prefecture-level division
(地级市, 地区, 自治州, 盟); `District` = 市辖区; `County` = 县, 自治县, 旗, 自治旗, 县级市, 林区,
特区; `Country` = the country row.

Counts:

| level | rows |
| --- | --- |
| country | {levels["country"]} |
| province | {levels["province"]} |
| prefecture | {levels["prefecture"]} |
| county | {levels["county"]} |
| **total** | {len(places)} |

| level | subtype | rows |
| --- | --- | --- |
{subtype_lines}

{n_alias} aliases in all; {n_former} places have a `former` name.

How the jionlp tree was mapped:

- The four municipalities (北京, 上海, 天津, 重庆) are repeated at prefecture level in jionlp;
  that duplicate is dropped and their districts and counties get the municipality as parent.
- The pseudo-prefectures `省直辖行政区划` (county-level cities and counties directly under
  Hubei, Henan, Hainan and Xinjiang) are not places: their members get the province as parent.
- 东莞市, 中山市, 儋州市 and 嘉峪关市 have no county level; jionlp's `市直辖行政区划`
  placeholder below them is dropped.
- Dropped from the county level: NBS "functional zones" (county digits 71-79 or names with
  开发区, 管理区, 示范区 ...); NBS-only statistical areas that are not GB/T 2260 divisions
  (天府新区, 大柴旦行政委员会, and 加格达奇区, 松岭区, 新林区, 呼中区 of 大兴安岭地区);
  entries jionlp lists under both their old and new name (the old one is dropped); and names
  without a county-type suffix (中沙群岛的岛礁及其海域 of 三沙市).
- Hong Kong and Macao's districts share the SAR's code in jionlp and Taiwan's cities carry
  codes that are not in GB/T 2260, so those three appear at province level only.
- Codes are jionlp's and reflect its data, not necessarily the latest GB/T 2260 edition.
- Skipped items per reason:
{skipped}
- Checks reported by the script:
{notes}

Aliases: jionlp's alias column (split on `/`), plus the name without its administrative suffix
(石嘴山市 → 石嘴山, 宁夏回族自治区 → 宁夏, 大武口区 → 大武口, 旬阳市 → 旬阳), the latter only
if no other place claims the same short form and jionlp did not put the full name in its alias
column (it does so where the short form is ambiguous or misleading: 阿里地区, 资源县, 南海区,
吉林市). No alias is a single character, equal to the place's own name, or equal to another
place's official name. jionlp's own aliases are kept even when several places share them
(朝阳 is 朝阳市 and two 朝阳区): a consumer must disambiguate, e.g. by parent.

## surnames.txt

Chinese surnames, one per line, sorted (by code point) and deduplicated, simplified characters
only: {single} single-character and {len(surnames) - single} two-character surnames
({len(surnames)} lines).

- **Source**: {source},
  constants `SINGLE_CHINESE_FAMILY_NAME` and `TWO_CHAR_CHINESE_FAMILY_NAME` in
  `jionlp/{RULE_PATTERN_FILE}` (parsed with `ast`, not imported).
- **Generated**: {today} by `scripts/build_lexicons.py`.
- **Regenerate**: `.venv/bin/python scripts/build_lexicons.py`.

`SINGLE_CHINESE_FAMILY_NAME` is assigned twice in that file: the 百家姓 list, then a
precision-oriented subset ("将存在歧义的姓氏去除掉") without surnames that are also common
words (周, 孙, 林, 高 ...). The union of both is used: the recogniser only accepts a name with a
title, role or byline beside it, so recall of surnames matters more than their ambiguity.
Characters that jionlp's
`dictionary/{Path(TRA2SIM_FILE).name}` maps to another character are dropped as traditional
(後 -> 后), except 於 and 郤, standard characters for surnames distinct from 于 and 郄.
{README_END}
"""


def write_readme(section: str) -> None:
    if README_MD.exists():
        text = README_MD.read_text(encoding="utf-8")
        start, end = text.find(README_BEGIN), text.find(README_END)
        if start != -1 and end != -1:
            text = text[:start] + section + text[end + len(README_END) + 1 :]
        else:
            text = text.rstrip("\n") + "\n\n" + section
    else:
        text = "# Lexicons\n\nData files used by the entity recogniser and linker.\n\n" + section
    README_MD.write_text(text, encoding="utf-8")


# --------------------------------------------------------------------------- main


def main() -> None:
    pkg = jionlp_dir()
    version = jionlp_version()
    today = dt.datetime.now(dt.UTC).date().isoformat()
    report = Report()

    places = build_places(pkg, report)
    check_places(places, report)
    places = assign_former_names(pkg, places, report)
    assign_aliases(places, report)
    surnames = build_surnames(pkg, report)

    towns = build_towns(pkg, places)
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    write_places(places)
    write_towns(towns)
    write_surnames(surnames)
    write_readme(readme_section(version, today, places, surnames, report))

    print(f"jionlp {version} at {pkg}")
    for reason, items in sorted(report.skipped.items()):
        shown = ", ".join(items[:8]) + (" ..." if len(items) > 8 else "")
        print(f"skipped {len(items):4d} {reason}: {shown}")
    for note in report.notes:
        print(f"note: {note}")
    levels = Counter(p.level for p in places)
    for level in ("country", "province", "prefecture", "county"):
        print(f"{level:>10}: {levels[level]}")
    print(f"{'total':>10}: {len(places)} rows -> {PLACES_TSV.relative_to(ROOT)}")
    print(f"     towns: {len(towns)} -> {TOWNS_TSV.relative_to(ROOT)}")
    single = sum(1 for s in surnames if len(s) == 1)
    print(
        f"  surnames: {len(surnames)} ({single} single, {len(surnames) - single} two-character)"
        f" -> {SURNAMES_TXT.relative_to(ROOT)}"
    )


if __name__ == "__main__":
    main()
