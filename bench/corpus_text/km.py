"""Khmer articles, shaped like the Khmer seeds: machine-translated Vietnamese party news.

As in the seeds, provinces are written in Khmer script or in Latin letters,
districts and lower units in Latin letters, people's names in Latin letters,
and numbers and dates in Khmer or ASCII digits. Generic filler sentences come
from the seeds themselves (``bench/data/filler_km.txt``: sentences without names
or numbers).
"""

from __future__ import annotations

from bench.corpus_text import Renderer, load_lines
from bench.places import fold

MONTHS = ("មករា", "កុម្ភៈ", "មីនា", "មេសា", "ឧសភា", "មិថុនា", "កក្កដា", "សីហា", "កញ្ញា", "តុលា", "វិច្ឆិកា", "ធ្នូ")


class Khmer(Renderer):
    lang = "km"
    digits = "០១២៣៤៥៦៧៨៩"
    native_digit_share = 0.6
    code_prefix = "លេខ"
    doc_types = {"resolution": "សេចក្តីសម្រេចចិត្ត", "conclusion": "សេចក្តីសន្និដ្ឋាន", "programme": "កម្មវិធីសកម្មភាព",
                 "plan": "ផែនការ", "directive": "សេចក្តីណែនាំ", "project": "គម្រោង", "other": "ក្រឹត្យ",
                 "official_letter": "លិខិត", "decision": "សេចក្តីសម្រេច"}
    templates = {
        "lead": (
            "នៅ{lead_date} {prov} បានរៀបចំសន្និសីទបូកសរុបការអនុវត្ត{res} របស់{central} {res_title}។ សមមិត្ត "
            "{prov_sec} លេខាធិការ{prov} បានធ្វើជាអធិបតីសន្និសីទ ដោយមានការចូលរួមពីសមមិត្ត {prov_dep} "
            "អនុលេខាធិការ{prov} និងជាប្រធាន{ppc}។",
            "{prov} បានបើកសន្និសីទនៅ{lead_date} ដើម្បីវាយតម្លៃរយៈពេល {years} ឆ្នាំនៃការអនុវត្ត{res} នៃ{central} "
            "{res_title}។ សមមិត្ត {prov_sec} លេខាធិការ{prov} ជាអធិបតី ហើយសមមិត្ត {prov_dep} អនុលេខាធិការ{prov} "
            "ប្រធាន{ppc} បានចូលរួម។",
        ),
        "programme": (
            "ភ្លាមៗបន្ទាប់ពី{central}ចេញ{res} ចុះ{res_date} {prov} បានចេញ{prog} ចុះ{prog_date} អំពីការអនុវត្ត{res} "
            "នៃគណៈកម្មាធិការមជ្ឈិមបក្ស (អាណត្តិទី {term})។",
            "ដើម្បីអនុវត្ត{res} {prov}បានចេញ{prog} ចុះ{prog_date} ដោយកំណត់ក្រុមភារកិច្ច និងដំណោះស្រាយចំនួន {n} "
            "សម្រាប់ខេត្ត{P}។",
        ),
        "district": (
            "អនុវត្ត{prog}របស់{prov} {district}ដែលជាអង្គភាពក្រោមឱវាទ{prov} បានចេញ{dplan} ចុះ{dplan_date} "
            "ដោយកំណត់គោលដៅជាក់លាក់សម្រាប់អង្គការបក្សមូលដ្ឋាននីមួយៗ។",
            "{district} ក្រោមឱវាទ{prov} បានចេញ{dplan} ចុះ{dplan_date} ដើម្បីអនុវត្ត{prog}។",
        ),
        "stats": (
            "បច្ចុប្បន្ន {district}មានអង្គការបក្សមូលដ្ឋានចំនួន {cells} និងសមាជិកបក្សចំនួន {members} នាក់ "
            "ហើយក្នុងឆ្នាំ {year} បានទទួលសមាជិកបក្សថ្មីចំនួន {new_members} នាក់។",
            "ដោយមានសមាជិកបក្ស {members} នាក់ក្នុងអង្គការបក្សមូលដ្ឋាន {cells} {district}មានអង្គការបក្ស {percent}% "
            "ដែលបានបំពេញភារកិច្ចបានល្អ។",
        ),
        "commune": (
            "{commune} ក្រោមឱវាទ{district} បានចេញ{cplan} ដើម្បីអនុវត្ត{dplan} ហើយកោសិកាបក្សទាំង {commune_cells} "
            "របស់ឃុំបានចុះឈ្មោះគោលដៅរៀងៗខ្លួន។",
            "អនុវត្ត{dplan}របស់{district} {commune}បានអនុម័ត{cplan} និងចាត់តាំងសមាជិកគណៈកម្មាធិការម្នាក់ "
            "ទទួលខុសត្រូវកោសិកាបក្សនីមួយៗក្នុងចំណោម {commune_cells}។",
        ),
        "cell_event": (
            "នៅ{cell_month} {cell} នៃ{commune} បានរៀបចំកិច្ចប្រជុំក្រឡាបក្សតាមប្រធានបទ “{topic}”។ "
            "សមាជិកបក្សនីមួយៗបានចែករំលែកលទ្ធផលនៃការពិនិត្យខ្លួនឯង និងវាយតម្លៃការបំពេញពាក្យសន្យា។",
            "{cell} ដែលស្ថិតក្រោម{commune} បានរៀបចំសកម្មភាពតាមប្រធានបទ “{topic}” នៅ{cell_month} "
            "ដោយមានការទស្សនាភាពយន្តឯកសារ និងការពិនិត្យខ្លួនឯងដោយស្មោះត្រង់។",
        ),
        "quote_district": ("សមមិត្ត {dist_sec} - លេខាធិការ{district} បាននិយាយថា “{quote}”។",),
        "quote_commune": ("យោងតាមសមមិត្ត {comm_sec} លេខាធិការ{commune} “{quote}”។",),
        "quote_cell": ("សមមិត្ត {cell_sec} - លេខាបក្សនៃ{cell} បានមានប្រសាសន៍ថា “{quote}”។",),
        "ppc_person": (
            "សមមិត្ត {prov_dep} អនុលេខាធិការ{prov} និងជាប្រធាន{ppc} បានស្នើឱ្យមន្ទីរ ស្ថាប័ន និងមូលដ្ឋាន "
            "បន្តពង្រឹងការងារកសាងបក្ស ភ្ជាប់នឹងការអភិវឌ្ឍន៍សេដ្ឋកិច្ចសង្គម។",
        ),
        "conclusion": ("ទន្ទឹមនឹង{prog_code} {district}បានផ្តោតលើការអនុវត្ត{concl} ចុះ{concl_date} នៃ{concl_issuer} "
                       "{concl_title}។",),
        "police": ("{police}បានអនុវត្ត{da} របស់{ministry} {da_title}។ សមមិត្ត {police_dir} នាយក{police} "
                   "បានមានប្រសាសន៍ថា “{quote}”។",),
        "decree": ("{ppc}បានចេញ{kh} ចុះ{kh_date} ដើម្បីអនុវត្ត{decree} របស់{government} {decree_title}។",),
        "source": ("ប្រភព៖ DOMAIN",),
    }
    quotes = (
        "នោះជាការប្រជុំជាក់ស្តែង កម្មាភិបាល និងសមាជិកបក្សនីមួយៗបានរិះគន់ និងរិះគន់ខ្លួនឯង ដើម្បីកែលម្អខ្លួនឯង",
        "យើងត្រូវបន្តច្នៃប្រឌិតខ្លឹមសារ និងវិធីសាស្ត្រនៃសកម្មភាពកោសិកាបក្ស ដើម្បីឱ្យកិច្ចប្រជុំកាន់តែទាក់ទាញ",
        "ការកសាងអង្គការចាត់តាំងមូលដ្ឋានបក្សស្អាតស្អំ និងរឹងមាំ គឺជាភារកិច្ចសំខាន់ និងជានិច្ចកាល",
        "សមាជិកបក្សគ្រប់រូបត្រូវជាគំរូ ហើយឈានមុខក្នុងការអនុវត្តភារកិច្ចនយោបាយនៅមូលដ្ឋាន",
    )
    filler = load_lines("filler_km.txt") + (
        "ក្នុងឆ្នាំ {year} អង្គការបក្សមូលដ្ឋានចំនួន {percent}% បានបំពេញភារកិច្ចបានល្អ ឬល្អប្រសើរ។",
        "គណៈកម្មាធិការបក្សបានរៀបចំវគ្គបណ្តុះបណ្តាលចំនួន {n} សម្រាប់លេខាបក្ស និងអនុលេខាបក្សនៃកោសិកា។",
        "ការងារត្រួតពិនិត្យ និងតាមដានត្រូវបានពង្រឹង ដោយបានត្រួតពិនិត្យអង្គការបក្សចំនួន {n} និងសមាជិកបក្ស {n} នាក់។",
    )
    boilerplate = ("Kommentar (0)", "ចែករំលែក")

    def date(self, iso: str) -> str:
        parts = [int(x) for x in iso.split("-")]
        year = self.num(parts[0])
        if len(parts) == 3:
            return f"ថ្ងៃទី {self.num(parts[2])} ខែ{MONTHS[parts[1] - 1]} ឆ្នាំ {year}"
        if len(parts) == 2:
            return f"ខែ{MONTHS[parts[1] - 1]} ឆ្នាំ {year}"
        return f"ឆ្នាំ {year}"

    def place(self, which: str) -> str:
        s = self.s
        if which == "P":
            return s.province.km if self.rng.random() < 0.7 else f" {s.province.ascii}"
        return fold({"D": s.district.vi, "C": s.commune_vi, "V": s.cell_vi}[which])

    def org(self, key: str) -> str:
        o, s = self.s.orgs[key], self.s
        p, d, c = self.place("P"), fold(s.district.vi), fold(s.commune_vi)
        forms = {
            "central": ("គណៈកម្មាធិការមជ្ឈិមបក្ស", "គណៈប្រតិបត្តិការមជ្ឈិមបក្ស"),
            "politburo": ("ការិយាល័យនយោបាយ",),
            "prov_pc": (f"គណៈកម្មាធិការបក្សខេត្ត{p}",),
            "district_pc": ({"district": f"គណៈកម្មាធិការបក្សស្រុក {d}", "town": f"គណៈកម្មាធិការបក្សក្រុង {d}",
                             "city": f"គណៈកម្មាធិការបក្សទីក្រុង {d}"}[s.district.kind],),
            "commune_pc": (f"គណៈកម្មាធិការបក្ស{'សង្កាត់' if s.is_ward else 'ឃុំ'} {c}",),
            "cell": {"village": (f"កោសិកាបក្សភូមិ {fold(s.cell_vi)}",),
                     "group": (f"កោសិកាបក្សក្រុមទី {self.num(s.cell_vi)}",),
                     "school": (f"កោសិកាបក្សសាលាបឋមសិក្សា {c}", f"សាលាបឋមសិក្សា {c} Party Cell")}[s.cell_kind],
            "school": (f"សាលាបឋមសិក្សា {c}",),
            "ppc": (f"គណៈកម្មាធិការប្រជាជនខេត្ត{p}",),
            "police": (f"នគរបាលខេត្ត{p}", f"ស្នងការដ្ឋាននគរបាលខេត្ត{p}"),
            "ministry": ("ក្រសួងសន្តិសុខសាធារណៈ",),
            "government": ("រដ្ឋាភិបាល",),
        }[o.shape]
        return self.rng.choice(forms)

    def join_ref(self, word: str, prefix: str, code: str) -> str:
        return f"{word}{prefix} {code}" if prefix else f"{word} {code}"


RENDERER = Khmer
