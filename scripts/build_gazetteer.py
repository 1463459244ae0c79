"""Build graph/data/gazetteer/units.tsv from the vietnamadminunits dataset (MIT licence).

usage: python scripts/build_gazetteer.py

The dataset ships the Vietnamese names of every province, district and commune-level unit before the July 2025
reorganisation (63 provinces, with districts) and after it (34 provinces, no district level). The TSV keeps
what the extractor needs: id, Vietnamese name, type, parent id and era ("legacy", "2025" or "both"), so the
runtime never opens the 7 MB database. Khmer and Thai spellings are curated separately (scripts.yaml).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import vietnamadminunits

OUT = Path(__file__).resolve().parents[1] / "graph" / "data" / "gazetteer" / "units.tsv"
DB = Path(vietnamadminunits.__file__).parent / "data" / "dataset.db"
PROVINCE_TYPES = {"Tỉnh": "province", "Thành phố": "city"}
DISTRICT_TYPES = {"Quận": "district", "Huyện": "district", "Thị xã": "town", "Thành phố": "city"}
WARD_TYPES = {"Phường": "ward", "Xã": "commune", "Thị trấn": "town", "Đặc khu": "commune"}


def main() -> None:
    con = sqlite3.connect(DB)
    rows: list[tuple[int, str, str, int, str]] = []
    ids: dict[tuple, int] = {}

    def add(key: tuple, name: str, typ: str, parent: int, era: str) -> int:
        if key in ids:
            return ids[key]
        ids[key] = len(rows) + 1
        rows.append((ids[key], name, typ, parent, era))
        return ids[key]

    legacy_prov = {p for (p,) in con.execute("select distinct province from admin_units_legacy")}
    new_prov = {p for (p,) in con.execute("select distinct province from admin_units")}
    for full in sorted(legacy_prov | new_prov):
        short = full.removeprefix("Thành phố ").removeprefix("Tỉnh ")
        typ = PROVINCE_TYPES["Thành phố" if full.startswith("Thành phố") else "Tỉnh"]
        era = "both" if full in legacy_prov and full in new_prov else ("legacy" if full in legacy_prov else "2025")
        add(("p", full), short, typ, 0, era)
    q = ("select province, district, districtShort, districtType, ward, wardShort, wardType "
         "from admin_units_legacy order by provinceCode, districtCode, wardCode")
    for prov, dist, dshort, dtype, ward, wshort, wtype in con.execute(q):
        pid = ids[("p", prov)]
        did = add(("d", prov, dist), dshort, DISTRICT_TYPES.get(dtype, "district"), pid, "legacy")
        if ward and wshort:
            add(("w", prov, dist, ward), wshort, WARD_TYPES.get(wtype, "commune"), did, "legacy")
    q = "select province, ward, wardShort, wardType from admin_units order by provinceCode, wardCode"
    for prov, ward, wshort, wtype in con.execute(q):
        add(("n", prov, ward), wshort, WARD_TYPES.get(wtype, "commune"), ids[("p", prov)], "2025")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as f:
        f.write("# Vietnamese administrative units before (legacy) and after (2025) the July 2025 reorganisation.\n")
        f.write("# Built by scripts/build_gazetteer.py from vietnamadminunits (MIT licence).\n")
        f.write("# id\tname\ttype\tparent\tera\n")
        for row in rows:
            f.write("\t".join(str(x) for x in row) + "\n")
    print(f"{len(rows)} units -> {OUT}")


if __name__ == "__main__":
    main()
