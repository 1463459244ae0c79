"""The facts of one synthetic article, independent of its language, and their ground truth.

Why facts first: the ground truth is derived from the same objects the text is
rendered from, so a document and its gold cannot disagree, whatever language,
sentence order or number spelling the renderer picks. Each article is drawn
from ``random.Random(f"{seed}:{index}")``: article *i* is the same in a corpus
of 300 and of 30,000, so the scaling benchmark's smaller corpora are prefixes
of the larger one.

The shape follows the seed articles: a provincial party committee turns a
central resolution into an action programme, a district (city, town) committee
plans its part, a commune (ward) committee and a party cell carry it out; posts
are named in quotes; optional blocks add the provincial police (a Ministry of
Public Security project), the people's committee (a government decree) and a
central conclusion.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

from bench import documents as docs
from bench.places import (
    COMMUNES,
    FAMILY_NAMES,
    GIVEN_NAMES,
    MIDDLE_NAMES,
    PROVINCES,
    VILLAGES,
    WARDS,
    District,
    Province,
    fold,
)

KIND_WORD = {"district": "District", "town": "Town", "city": "City"}
ISSUER_SUFFIX = {"district": "HU", "town": "TxU", "city": "ThU"}


@dataclass
class Org:
    name: str
    kind: str
    level: str | None
    place: str | None
    parent: str | None
    shape: str  # how renderers name it: prov_pc, district_pc, commune_pc, cell, school, standing, ppc, police, ...


@dataclass
class Doc:
    code: str
    type: str
    issuer: str  # an org key
    date: str | None
    titles: dict[str, str]


@dataclass
class PersonFact:
    vi: str  # with diacritics; gold and Latin-script texts use the folded form
    posts: list[tuple[str, str]]  # (role, org key)

    @property
    def name(self) -> str:
        return fold(self.vi)


@dataclass
class EventFact:
    label: str
    date: str
    organizer: str  # org key
    topic: dict[str, str] | None = None
    participants: list[str] = field(default_factory=list)  # person keys
    implements: list[str] = field(default_factory=list)  # doc keys


@dataclass
class Scenario:
    seed: int
    index: int
    province: Province
    district: District
    commune_vi: str
    is_ward: bool
    cell_kind: str  # village | group | school
    cell_vi: str  # village name, group number or commune (school)
    orgs: dict[str, Org] = field(default_factory=dict)
    docs: dict[str, Doc] = field(default_factory=dict)
    people: dict[str, PersonFact] = field(default_factory=dict)
    events: dict[str, EventFact] = field(default_factory=dict)
    implements: list[tuple[str, str]] = field(default_factory=list)  # (org or doc key, doc key)
    blocks: set[str] = field(default_factory=set)
    numbers: dict[str, int] = field(default_factory=dict)

    @property
    def district_place(self) -> str:
        """The district's canonical place name, suffixed when it would clash with its province."""
        name = self.district.ascii
        if name == self.province.ascii:
            name += " " + KIND_WORD[self.district.kind]
        return name

    def gold(self, doc_name: str, lang: str) -> dict[str, Any]:
        """The ground truth in the gold format of ``shared/gold/FORMAT.md``."""
        return _gold(self, doc_name, lang)


def _date_after(rng: random.Random, iso: str, low: int, high: int, limit: str = "2025-11-30") -> str:
    day = dt.date.fromisoformat(iso) + dt.timedelta(days=rng.randint(low, high))
    return min(day, dt.date.fromisoformat(limit)).isoformat()


def _names(rng: random.Random, count: int) -> list[str]:
    seen: set[str] = set()
    while len(seen) < count:
        seen.add(f"{rng.choice(FAMILY_NAMES)} {rng.choice(MIDDLE_NAMES)} {rng.choice(GIVEN_NAMES)}")
    names = sorted(seen)  # a set's order follows the string hash, which differs between processes
    rng.shuffle(names)
    return names


def _orgs(s: Scenario, central: docs.CentralDocument) -> None:
    p, d = s.province.ascii, s.district
    prov = f"{p} Provincial Party Committee"
    dist = f"{d.ascii} {KIND_WORD[d.kind]} Party Committee"
    commune = fold(s.commune_vi)
    comm = f"{commune} {'Ward' if s.is_ward else 'Commune'} Party Committee"
    cell_place = {"village": fold(s.cell_vi), "group": f"Group {s.cell_vi}", "school": commune}[s.cell_kind]
    cell = f"{commune} Primary School Party Cell" if s.cell_kind == "school" else \
        f"{cell_place}{' Village' if s.cell_kind == 'village' else ''} Party Cell"
    s.orgs.update({
        "central": Org(central.issuer, "party_committee", "central", None, None,
                       "politburo" if central.issuer == docs.POLITBURO else "central"),
        "prov": Org(prov, "party_committee", "provincial", p, None, "prov_pc"),
        "district": Org(dist, "party_committee", d.kind, s.district_place, prov, "district_pc"),
        "commune": Org(comm, "party_committee", "ward" if s.is_ward else "commune", commune, dist, "commune_pc"),
        "cell": Org(cell, "party_cell", "unit" if s.cell_kind == "school" else "village", cell_place, comm, "cell"),
        "ppc": Org(f"{p} Provincial People's Committee", "peoples_committee", "provincial", p, None, "ppc"),
    })
    if s.cell_kind == "school":
        s.orgs["school"] = Org(f"{commune} Primary School", "school", "unit", commune, None, "school")


def build(seed: int, index: int) -> Scenario:
    """Draw the facts of article ``index`` of the corpus generated with ``seed``."""
    rng = random.Random(f"{seed}:{index}")
    province = rng.choice(PROVINCES)
    district = rng.choice(province.districts)
    is_ward = district.kind != "district" and rng.random() < 0.7
    commune_vi = rng.choice(WARDS if is_ward else COMMUNES)
    cell_kind = rng.choice(("group", "school") if is_ward else ("village", "village", "school"))
    villages = [v for v in VILLAGES if v != commune_vi]
    cell_vi = {"village": rng.choice(villages), "group": str(rng.randint(1, 40)), "school": commune_vi}[cell_kind]
    s = Scenario(seed, index, province, district, commune_vi, is_ward, cell_kind, cell_vi)
    central = rng.choice(docs.RESOLUTIONS)
    _orgs(s, central)
    _documents(s, rng, central)
    _people_and_events(s, rng)
    s.numbers = {"members": 2000 + index, "cells": rng.randint(12, 90), "commune_cells": rng.randint(6, 24),
                 "new_members": rng.randint(15, 240), "percent": rng.randint(82, 99), "years": rng.randint(1, 3)}
    return s


def _documents(s: Scenario, rng: random.Random, central: docs.CentralDocument) -> None:
    res = Doc(central.code, central.type, "central", central.date, central.titles)
    prog_date = _date_after(rng, central.date, 20, 150)
    prog = Doc(f"{rng.randint(1, 260)}-CTr/TU", "programme", "prov", prog_date,
               _implementing(central.code, "Resolution"))
    dplan_date = _date_after(rng, prog_date, 10, 90)
    dplan = Doc(f"{rng.randint(1, 180)}-KH/{ISSUER_SUFFIX[s.district.kind]}", "plan", "district", dplan_date,
                _implementing(prog.code, "Action Programme"))
    cplan = Doc(f"{rng.randint(1, 95)}-KH/ĐU", "plan", "commune", _date_after(rng, dplan_date, 5, 60),
                _implementing(dplan.code, "Plan"))
    s.docs.update({"res": res, "prog": prog, "dplan": dplan, "cplan": cplan})
    s.implements += [("prov", "res"), ("prog", "res"), ("district", "prog"), ("dplan", "prog"),
                     ("commune", "dplan"), ("cplan", "dplan")]
    if rng.random() < 0.5:
        s.blocks.add("conclusion")
        c = docs.CONCLUSION
        issuer = "central" if s.orgs["central"].name == c.issuer else "concl_issuer"
        s.docs["concl"] = Doc(c.code, c.type, issuer, c.date, c.titles)
        s.orgs.setdefault(issuer, Org(c.issuer, "party_committee", "central", None, None, "central"))
        s.implements.append(("district", "concl"))
    if rng.random() < 0.5:
        s.blocks.add("police")
        p = s.province.ascii
        s.orgs["police"] = Org(f"{p} Provincial Police", "police", "provincial", p, None, "police")
        s.orgs["ministry"] = Org(docs.MINISTRY, "ministry", "central", None, None, "ministry")
        s.docs["da"] = Doc(f"{rng.randint(1, 40):02d}/DA-BCA", "project", "ministry", None, docs.POLICE_PROJECT_TITLE)
        s.implements.append(("police", "da"))
    if rng.random() < 0.5:
        s.blocks.add("decree")
        year = rng.choice((2023, 2024, 2025))
        s.orgs["government"] = Org(docs.GOVERNMENT, "other", "central", None, None, "government")
        decree_date = f"{year}-{rng.randint(1, 6):02d}-{rng.randint(1, 28):02d}"
        s.docs["decree"] = Doc(f"{rng.randint(10, 180)}/{year}/NĐ-CP", "other", "government", decree_date,
                               rng.choice(docs.DECREE_TITLES))
        kh = Doc(f"{rng.randint(100, 4999)}/KH-UBND", "plan", "ppc", _date_after(rng, decree_date, 10, 90),
                 _implementing(s.docs["decree"].code, "Decree"))
        s.docs["kh"] = kh
        s.implements += [("ppc", "decree"), ("kh", "decree")]


def _implementing(code: str, what: str) -> dict[str, str]:
    return {"en": f"on implementing {what} No. {code}", "vi": f"thực hiện {code}", "km": f"អនុវត្ត {code}",
            "th": f"การดำเนินการตาม {code}"}


def _people_and_events(s: Scenario, rng: random.Random) -> None:
    names = _names(rng, 6)
    s.people = {
        "prov_sec": PersonFact(names[0], [("Secretary", "prov")]),
        "prov_dep": PersonFact(names[1], [("Deputy Secretary", "prov"), ("Chairman", "ppc")]),
        "dist_sec": PersonFact(names[2], [("Secretary", "district")]),
        "comm_sec": PersonFact(names[3], [("Secretary", "commune")]),
        "cell_sec": PersonFact(names[4], [("Secretary", "cell")]),
    }
    if "police" in s.blocks:
        s.people["police_dir"] = PersonFact(names[5], [("Director", "police")])
    lead_date = _date_after(rng, s.docs["prog"].date or "2024-01-01", 60, 700)
    code = s.docs["res"].code
    s.events["lead"] = EventFact(f"Conference reviewing the implementation of {code} in {s.province.ascii}",
                                 lead_date, "prov", participants=["prov_sec", "prov_dep"], implements=["res"])
    month = _date_after(rng, s.docs["cplan"].date or lead_date, 15, 200)[:7]
    topic = rng.choice(docs.EVENT_TOPICS)
    s.events["cell"] = EventFact(f"Thematic party cell meeting '{topic['en']}'", month, "cell", topic=topic)


def _gold(s: Scenario, doc_name: str, lang: str) -> dict[str, Any]:
    orgs = [{"name": o.name, "aliases": [], "kind": o.kind, "level": o.level, "place": o.place, "parent": o.parent}
            for o in s.orgs.values()]
    people = [{"name": p.name, "posts": [{"role": r, "organization": s.orgs[k].name} for r, k in p.posts]}
              for p in s.people.values()]
    documents = [{"code": d.code, "type": d.type, "issuer": s.orgs[d.issuer].name, "date": d.date,
                  "title": d.titles["en"]} for d in s.docs.values()]
    places = _places(s)

    def ref(key: str) -> str:
        return s.docs[key].code if key in s.docs else s.orgs[key].name

    events = [{"label": e.label, "date": e.date, "organizer": s.orgs[e.organizer].name,
               "participants": [s.people[k].name for k in e.participants],
               "implements": [s.docs[k].code for k in e.implements]} for e in s.events.values()]
    return {
        "doc": doc_name, "lang": lang, "source": "synthetic",
        "organizations": orgs, "people": people, "documents": documents, "places": places, "events": events,
        "relations": {
            "implements": [[ref(a), ref(b)] for a, b in s.implements],
            "sub_organization_of": [[o["name"], o["parent"]] for o in orgs if o["parent"]],
            "located_in": [[p["name"], p["parent"]] for p in places if p["parent"]],
        },
        "implicit": {"implements": []},
        "notes": f"synthetic article (bench.corpus, seed {s.seed}, index {s.index}); for throughput, not accuracy",
    }


def _places(s: Scenario) -> list[dict[str, Any]]:
    p, d, c = s.province.ascii, s.district_place, fold(s.commune_vi)
    out: list[dict[str, Any]] = [{"name": p, "type": "province", "parent": None},
                                 {"name": d, "type": s.district.kind, "parent": p},
                                 {"name": c, "type": "ward" if s.is_ward else "commune", "parent": d}]
    if s.cell_kind == "village":
        out.append({"name": fold(s.cell_vi), "type": "village", "parent": c})
    elif s.cell_kind == "group":
        out.append({"name": f"Group {s.cell_vi}", "type": "residential_group", "parent": c})
    return out
