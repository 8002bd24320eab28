"""Deterministic synthetic working-visit articles, written as crawled .txt files.

    python -m benchmarks.synthetic OUT_DIR --count 10000 --seed 7

Article i of a seed is the same whatever the count, so a small set is a prefix of a
large one. Communes come from the 2025 gazetteer (`vietnam_provinces`); officials from a
fixed pool per province (a few hundred, weighted so some lead many visits and most few);
text is composed from the phrase banks in `benchmarks.phrases` following the article
structure of DOMAIN.md. Old-style tone placement (Hoá, uỷ), NFD text and missing date
lines occur at realistic rates.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from benchmarks import phrases as P

GENERATOR_VERSION = 1  # bump when the output changes: cached benchmark archives key on it

FIRST_DAY = dt.date(2021, 1, 1)
LAST_DAY = dt.date(2026, 6, 30)
REFORM = dt.date(2025, 7, 1)  # two-tier local government; districts abolished
HOME_PROVINCE = "Thanh Hóa"  # the newspaper's province: named in the text less often

# Only open "oa", "oe", "uy" syllables have two placements; "của", "mùa" have one.
_MODERN_TONE = re.compile(
    r"(?<![qQ])([oO](?=[\u0300-\u0323][aAeE](?!\w))|[uU](?=[\u0300-\u0323][yY](?!\w)))"
    r"([\u0300\u0301\u0303\u0309\u0323])([aAeEyY])"
)


@dataclass(frozen=True)
class Official:
    name: str
    title: str  # the full title in this province, e.g. "Phó Bí thư Thường trực Tỉnh ủy"
    short: str  # how later sentences name them by title alone
    lead_weight: float


@dataclass(frozen=True)
class ProvinceInfo:
    name: str  # "Thanh Hóa", "Hà Nội"
    unit: str  # "tỉnh" or "thành phố"
    committee: str  # "Tỉnh ủy" or "Thành ủy"
    communes: tuple[tuple[str, str], ...]  # (unit word, name), most visited first
    officials: tuple[Official, ...]


@dataclass(frozen=True)
class SyntheticArticle:
    name: str  # file name
    text: str


def _weighted(rng: random.Random, pairs: tuple[tuple[str, float], ...]) -> str:
    return rng.choices([p[0] for p in pairs], [p[1] for p in pairs])[0]


def _person(rng: random.Random, taken: set[str]) -> str:
    while True:
        family = _weighted(rng, P.FAMILY_NAMES)
        female = rng.random() < 0.25
        middle, given = (
            (P.FEMALE_MIDDLE, P.FEMALE_GIVEN) if female else (P.MALE_MIDDLE, P.MALE_GIVEN)
        )
        syllables = rng.choices((2, 3, 4), (0.08, 0.8, 0.12))[0]
        parts = [family, *rng.sample(middle, syllables - 2), rng.choice(given)]
        name = " ".join(parts)
        if name not in taken and len(set(parts)) == len(parts):
            taken.add(name)
            return name


def _short_title(title: str, fill: dict[str, str]) -> str:
    core = title.split(", ")[-1]
    for prefix, short in P.SHORT_TITLE.items():
        if core.startswith(prefix):
            return short.format(**fill)
    return core


@cache
def provinces(seed: int) -> tuple[ProvinceInfo, ...]:
    """Every province of the 2025 gazetteer with its communes and its officials."""
    from vietnam_provinces import Province, Ward

    rng = random.Random(f"officials:{seed}")
    taken: set[str] = set()
    result = []
    for province in Province.iter_all():
        is_city = province.name.startswith("Thành phố ")
        name = province.name.removeprefix("Thành phố ")
        fill = {
            "pc": "Thành ủy" if is_city else "Tỉnh ủy",
            "pu": "thành phố" if is_city else "tỉnh",
        }
        communes = []
        for ward in Ward.iter_by_province(province.code):
            unit = ward.division_type.value
            communes.append((unit, ward.name[len(unit) + 1 :]))
        random.Random(f"communes:{seed}:{name}").shuffle(communes)
        officials = []
        for pattern, weight, holders in P.PROVINCIAL_TITLES:
            title = pattern.format(**fill)
            for _ in range(holders):
                officials.append(
                    Official(_person(rng, taken), title, _short_title(title, fill), weight)
                )
        result.append(
            ProvinceInfo(
                name,
                "thành phố" if is_city else "tỉnh",
                fill["pc"],
                tuple(communes),
                tuple(officials),
            )
        )
    return tuple(result)


def _commune_leader(seed: int, province: str, commune: str, role: int) -> str:
    """A commune's leader: the same person in every article of a seed."""
    rng = random.Random(f"leader:{seed}:{province}:{commune}:{role}")
    return _person(rng, set())


def old_style_tones(text: str) -> str:
    """Move tone marks to old-style placement: "Hóa" -> "Hoá", "ủy" -> "uỷ"."""
    decomposed = unicodedata.normalize("NFD", text)
    moved = _MODERN_TONE.sub(lambda m: m[1] + m[3] + m[2], decomposed)
    return unicodedata.normalize("NFC", moved)


class _Writer:
    """Composes one article; holds the choices every paragraph shares."""

    def __init__(self, seed: int, index: int) -> None:
        self.seed = seed
        self.rng = rng = random.Random(f"article:{seed}:{index}")
        all_provinces = provinces(seed)
        if rng.random() < 0.55:
            self.province = next(p for p in all_provinces if p.name == HOME_PROVINCE)
        else:
            self.province = rng.choice(all_provinces)
        p = self.province
        self.fill = {"pc": p.committee, "pu": p.unit}
        self.published = FIRST_DAY + dt.timedelta(rng.randrange((LAST_DAY - FIRST_DAY).days))
        self.visit = self.published - dt.timedelta(days=rng.choice((0, 0, 0, 1, 1, 2)))
        self.reformed = self.visit >= REFORM
        leads = [o for o in p.officials if o.lead_weight > 0]
        self.lead = rng.choices(leads, [o.lead_weight for o in leads])[0]
        others = [o for o in p.officials if o is not self.lead]
        self.delegation = rng.sample(others, rng.choice((0, 1, 1, 2, 2, 3)))
        # Zipf-like: the first communes of the shuffled list are visited far more often.
        weights = [1 / (rank + 1) ** 0.9 for rank in range(len(p.communes))]
        count = rng.choices((1, 2, 3), (0.45, 0.45, 0.1))[0]
        picked: list[tuple[str, str]] = []
        while len(picked) < count:
            commune = rng.choices(p.communes, weights)[0]
            if commune not in picked:
                picked.append(commune)
        self.communes = picked
        self.districts = [rng.choice(p.communes)[1] for _ in picked] if not self.reformed else []
        topic_ids = [t for t in P.TOPICS if t != "two_tier_government"]
        wanted = rng.choices(topic_ids, [P.TOPICS[t][0] for t in topic_ids], k=rng.randint(2, 6))
        self.topics = list(dict.fromkeys(wanted))
        if self.reformed and rng.random() < 0.7:
            self.topics.insert(rng.randint(0, len(self.topics)), "two_tier_government")
        self.sites = [self._site() for _ in range(rng.choice((0, 1, 1, 2, 2, 3)))]
        self.named_province = p.name != HOME_PROVINCE or rng.random() < 0.15

    # -- small pieces --------------------------------------------------------------------
    def _site(self) -> str:
        rng = self.rng
        pattern, _ = rng.choice(P.SITE_KINDS)
        return pattern.format(
            x=rng.choice(P.PLACE_WORDS),
            c=rng.choice(self.communes)[1],
            craft=rng.choice(P.CRAFTS),
            factory=rng.choice(P.FACTORIES),
        )

    def _one_commune(self, index: int = 0) -> str:
        unit, name = self.communes[index]
        text = f"{unit} {name}"
        if self.districts:  # before the reform: the commune's district
            text += f", {'quận' if unit == 'phường' else 'huyện'} {self.districts[index]}"
        return text

    def communes_phrase(self, *, province: bool = True) -> str:
        names = [c[1] for c in self.communes]
        units = {c[0] for c in self.communes}
        unit = units.pop() if len(units) == 1 else "xã, phường"
        if len(names) == 1:
            text = self._one_commune()
        else:
            count = {2: "hai", 3: "ba"}[len(names)]
            joined = (
                (", ".join(names[:-1]) + " và " + names[-1])
                if self.rng.random() < 0.6
                else ", ".join(names)
            )
            text = self.rng.choice((f"{count} {unit} {joined}", f"các {unit} {joined}"))
        if province and self.named_province:
            text += f", {self.province.unit} {self.province.name}"
        return text

    def place(self) -> str:
        unit, name = self.rng.choice(self.communes)
        group = {1: f"{unit} {name}", 2: "hai xã", 3: "ba xã"}[len(self.communes)]
        return self.rng.choice(("địa phương", f"{unit} {name}", group))

    def lead_full(self) -> str:
        o = self.lead
        if self.rng.random() < 0.5:
            return f"đồng chí {o.name}, {o.title}"
        return f"{o.title} {o.name}"

    def lead_later(self) -> str:
        choice = self.rng.random()
        if choice < 0.45:
            return f"đồng chí {self.lead.short} {self.lead.name}"
        if choice < 0.75:
            return f"đồng chí {self.lead.short}"
        return f"{self.lead.short} {self.lead.name}"

    def numbers(self) -> dict[str, object]:
        rng = self.rng
        return {
            "big": f"{rng.randint(800, 9000):,}".replace(",", "."),
            "mid": rng.randint(12, 950),
            "pct": f"{rng.randint(30, 180) / 10:.1f}".replace(".", ","),
            "pct2": rng.randint(60, 130),
            "rate": rng.randint(60, 99),
            "inc": rng.randint(38, 95),
            "small": f"{rng.randint(5, 60) / 10:.1f}".replace(".", ","),
            "few": rng.randint(2, 15),
            "many": rng.randint(300, 9000),
            "year": self.visit.year,
            "next_year": self.visit.year + 1,
            "months": max(1, (self.visit - REFORM).days // 30),
            "short": self.lead.short,
        }

    def topic_phrase(self, topic: str) -> str:
        return self.rng.choice(P.TOPICS[topic][1])

    # -- paragraphs ----------------------------------------------------------------------
    def headline(self) -> str:
        o = self.lead
        verb = _weighted(self.rng, P.HEADLINE_VERBS)
        return f"{o.title} {o.name} {verb} {self.communes_phrase(province=False)}"

    def lead_paragraph(self) -> str:
        rng = self.rng
        time = _weighted(rng, P.TIMES)
        date = f"{self.visit.day}/{self.visit.month}"
        topics = [self.topic_phrase(t) for t in self.topics[: rng.randint(2, 4)]]
        agenda = ", ".join(topics[:-1]) + " và " + topics[-1] if len(topics) > 1 else topics[0]
        verb = rng.choice(P.VISIT_VERBS)
        return (
            f"{time} {date}, {self.lead_full()} {verb} {self.communes_phrase()} "
            f"về tình hình thực hiện nhiệm vụ {agenda}."
        )

    def delegation_paragraph(self) -> str | None:
        rng = self.rng
        orgs = [o.format(**self.fill) for o in rng.sample(P.ORGANISATIONS, rng.randint(1, 5))]
        if not self.delegation and rng.random() < 0.3:
            return None
        people = "; ".join(f"{o.name}, {o.title}" for o in self.delegation)
        opener = rng.choice(("Cùng tham gia có", "Cùng đi có", "Tham gia đoàn công tác có"))
        if people:
            return (
                f"{opener} các đồng chí: {people}; lãnh đạo {', '.join(orgs)}."
                if len(self.delegation) > 1
                else f"{opener} đồng chí {people}; lãnh đạo {', '.join(orgs)}."
            )
        return f"{opener} lãnh đạo {', '.join(orgs)}."

    def site_paragraphs(self) -> list[str]:
        out = []
        if self.sites:
            out.append(
                f"Trước khi làm việc với cán bộ chủ chốt {self.communes_phrase(province=False)}, "
                f"{self.lead_later()} cùng các thành viên trong đoàn đã đến thăm "
                f"{'; '.join(self.sites)}."
            )
        for site in self.sites:
            detail = self.rng.choice(P.SITE_DETAILS)
            out.append(detail.format(site=site[0].upper() + site[1:], **self.numbers()))
        return out

    def caption(self) -> str:
        rng = self.rng
        pattern = rng.choice(P.CAPTIONS)
        if "{site}" in pattern and not self.sites:
            pattern = P.CAPTIONS[0]
        lead = (
            f"{self.lead.short} {self.lead.name}"
            if rng.random() < 0.6
            else f"Đồng chí {self.lead.short} {self.lead.name}"
        )
        unit, name = rng.choice(self.communes)
        return pattern.format(
            lead=lead, commune=f"{unit} {name}", site=rng.choice(self.sites) if self.sites else ""
        )

    def results_paragraphs(self) -> list[str]:
        rng = self.rng
        n = self.numbers()
        topics = ", ".join(self.topic_phrase(t) for t in self.topics[:3])
        out = [
            f"Làm việc với cán bộ chủ chốt {self.communes_phrase(province=False)}, "
            f"{self.lead_later()} cùng các thành viên trong đoàn đã nghe báo cáo tình hình "
            f"thực hiện nhiệm vụ {topics} năm {n['year']}.",
            rng.choice(P.RESULT_OPENERS).format(place=self.place(), **n),
        ]
        out.append(self.result_facts())
        if self.reformed and "two_tier_government" in self.topics:
            out.append(P.TWO_TIER_RESULT.format(place=self.place(), **n))
        return out

    def result_facts(self) -> str:
        rng = self.rng
        facts = [
            f.format(**self.numbers()) for f in rng.sample(P.RESULT_FRAGMENTS, rng.randint(2, 5))
        ]
        opener = rng.choice(P.FACT_OPENERS).format(year=self.visit.year, place=self.place())
        return opener + "; ".join(facts) + "."

    def difficulty_paragraph(self) -> str:
        rng = self.rng
        opener = rng.choice(P.DIFFICULTY_OPENERS).format(
            ctx=rng.choice(self._difficulty_contexts()), place=self.place()
        )
        items = rng.sample(P.DIFFICULTIES, rng.randint(2, 4))
        return opener + "; ".join(items) + "..."

    def _difficulty_contexts(self) -> tuple[str, ...]:
        extra = ("vận hành theo mô hình chính quyền địa phương 2 cấp",) if self.reformed else ()
        return P.DIFFICULTY_CONTEXTS + extra

    def directive_paragraphs(self, count: int) -> list[str]:
        rng = self.rng
        lead = f"{self.lead.short} {self.lead.name}"
        out = [rng.choice(P.DIRECTIVE_OPENERS).format(lead=lead, place=self.place())]
        actions = [a for t in self.topics for a in P.TOPICS[t][2]]
        rng.shuffle(actions)
        for i in range(count):
            verb = rng.choice(P.DIRECTIVE_VERBS)
            subject = rng.choice(P.DIRECTIVE_SUBJECTS).format(place=self.place())
            chosen = [actions[(2 * i + k) % len(actions)] for k in range(rng.randint(1, 2))]
            if rng.random() < 0.4:
                chosen.append(rng.choice(P.DIRECTIVE_GENERIC))
            who = self.lead_later()
            who = who[0].upper() + who[1:]
            out.append(f"{who} {verb} {subject} {'; '.join(dict.fromkeys(chosen))}.")
        return out

    # -- the whole article ---------------------------------------------------------------
    def article(self) -> tuple[str, str]:
        rng = self.rng
        target = rng.randint(2200, 7400)  # bytes of UTF-8, like the crawled articles
        intro = [self.lead_paragraph()]
        if (d := self.delegation_paragraph()) is not None:
            intro.append(d)
        sections = [
            intro,
            self.site_paragraphs(),
            self.results_paragraphs(),
            [self.difficulty_paragraph()],
            self.directive_paragraphs(rng.randint(2, 4)),
        ]
        size = sum(len(p.encode()) for section in sections for p in section)
        for _ in range(14):
            if size >= target:
                break
            kind = rng.random()
            if kind < 0.35:  # a photo caption, anywhere after the lead
                section = rng.choice(sections[1:])
                piece = self.caption()
                section.insert(rng.randint(0, len(section)), piece)
            elif kind < 0.7:
                piece = self.directive_paragraphs(1)[-1]
                sections[4].append(piece)
            else:
                piece = self.result_facts()
                sections[2].insert(rng.randint(2, len(sections[2])), piece)
            size += len(piece.encode())
        body = [p for section in sections for p in section]
        if rng.random() < 0.3:
            body.append(
                f"Trước đó, {self.lead_later()} cùng đoàn công tác đã đi kiểm tra "
                f"thực địa {self._site()}, {self._one_commune()}."
            )
        return self.headline(), "\n\n".join(body)


def article(seed: int, index: int) -> SyntheticArticle:
    """Article number `index` of `seed`: the same text on every machine and every run."""
    writer = _Writer(seed, index)
    title, body = writer.article()
    rng = writer.rng
    if rng.random() < 0.85:
        text = f" date {writer.published.isoformat()} {title}\n\n{body}\n"
    else:
        text = f"{title}\n\n{body}\n"
    if rng.random() < 0.35:
        text = old_style_tones(text)
    if rng.random() < 0.03:
        text = unicodedata.normalize("NFD", text)
    return SyntheticArticle(f"{index:06d}_{seed}.txt", text)


def iter_articles(count: int, seed: int, start: int = 0) -> Iterator[SyntheticArticle]:
    for index in range(start, start + count):
        yield article(seed, index)


def generate(out_dir: str | Path, count: int, seed: int = 7) -> list[Path]:
    """Write `count` articles of `seed` into `out_dir` (created); returns their paths."""
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for item in iter_articles(count, seed):
        path = folder / item.name
        path.write_text(item.text, encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.synthetic", description=__doc__.splitlines()[0]
    )
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    paths = generate(args.out_dir, args.count, args.seed)
    print(f"wrote {len(paths)} articles to {args.out_dir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
