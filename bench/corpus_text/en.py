"""English articles, in the style of Vietnamese state media's English editions (names without diacritics)."""

from __future__ import annotations

from bench.corpus_text import Renderer
from bench.places import fold

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


class English(Renderer):
    lang = "en"
    code_prefix = "No."
    doc_types = {"resolution": "Resolution", "conclusion": "Conclusion", "programme": "Action Programme",
                 "plan": "Plan", "directive": "Directive", "project": "Project", "other": "Decree",
                 "official_letter": "Official Letter", "decision": "Decision"}
    templates = {
        "lead": (
            "On {lead_date}, the {prov} held a conference to review the implementation of {res} of the {central} "
            "{res_title}. Comrade {prov_sec}, Secretary of the {prov}, chaired the conference, which was attended "
            "by Comrade {prov_dep}, Deputy Secretary of the {prov} and Chairman of the {ppc}.",
            "The {prov} on {lead_date} organised a conference reviewing {years} years of carrying out {res}, issued "
            "by the {central} {res_title}. The conference was chaired by {prov_sec}, Secretary of the {prov}; "
            "{prov_dep}, Deputy Secretary of the {prov} and Chairman of the {ppc}, also attended.",
        ),
        "programme": (
            "Right after the {central} issued {res} on {res_date}, the {prov} issued {prog} dated {prog_date} on "
            "implementing {res} of the {term}th-term Central Committee.",
            "To implement {res}, the {prov} issued {prog} on {prog_date}, setting out {n} groups of tasks and "
            "solutions for {P} province.",
        ),
        "district": (
            "Implementing {prog} of the {prov}, the {district}, which is directly under the {prov}, issued {dplan} "
            "dated {dplan_date}, assigning specific targets to each grassroots party organisation.",
            "The {district}, under the {prov}, issued {dplan} on {dplan_date} to carry out {prog}.",
        ),
        "stats": (
            "The {district} currently has {cells} grassroots party organisations and {members} party members; in "
            "{year} it admitted {new_members} new members.",
            "With {members} party members in {cells} grassroots organisations, the {district} rated {percent}% of its "
            "party organisations as having completed their tasks well last year.",
        ),
        "commune": (
            "The {commune}, under the {district}, issued {cplan} to implement {dplan}; all {commune_cells} party "
            "cells of the commune have registered their own targets.",
            "Following {dplan} of the {district}, the {commune} (a grassroots committee of the {district}) adopted "
            "{cplan} and assigned each of its {commune_cells} party cells a member of the committee.",
        ),
        "cell_event": (
            "In {cell_month}, the {cell} of the {commune} organised a thematic meeting \"{topic}\". Every party "
            "member reviewed how they had kept the commitments they made when joining the party.",
            "The {cell}, which belongs to the {commune}, held its thematic activity \"{topic}\" in {cell_month}, "
            "with a documentary screening and a frank self-review by each member.",
        ),
        "quote_district": ("Comrade {dist_sec}, Secretary of the {district}, said: \"{quote}\"",
                           "\"{quote}\", said {dist_sec}, Secretary of the {district}."),
        "quote_commune": ("According to Comrade {comm_sec}, Secretary of the {commune}, \"{quote}\"",),
        "quote_cell": ("Comrade {cell_sec}, Secretary of the {cell}, said: \"{quote}\"",),
        "ppc_person": (
            "Comrade {prov_dep}, Deputy Secretary of the {prov} and Chairman of the {ppc}, asked departments and "
            "localities to keep strengthening party building together with socio-economic development.",
        ),
        "conclusion": (
            "Together with {prog_code}, the {district} has focused on carrying out {concl} dated {concl_date} of the "
            "{concl_issuer} {concl_title}.",
        ),
        "police": (
            "The {police} has carried out {da} of the {ministry} {da_title}. Comrade {police_dir}, Director of the "
            "{police}, said: \"{quote}\"",
        ),
        "decree": (
            "The {ppc} issued {kh} dated {kh_date} to implement {decree} of the {government} {decree_title}.",
        ),
        "source": ("Source: DOMAIN",),
    }
    quotes = (
        "Each party member must be a model and take the lead in carrying out political tasks at the grassroots.",
        "We keep renewing the content and methods of party cell meetings so that members want to attend.",
        "Building clean and strong grassroots party organisations is an important, regular and long-term task.",
        "The meeting was practical: every cadre and party member criticised themselves frankly to improve.",
        "The targets of the programme are ambitious, but the whole party organisation is determined to meet them.",
    )
    parts = {
        "subj": ("Party committees at all levels", "The grassroots party organisations of {P}",
                 "Party cells in residential areas", "The standing committees of district party committees",
                 "Cadres and party members", "Mass organisations and the Fatherland Front",
                 "Party secretaries of communes and wards", "The inspection commissions at all levels"),
        "act": ("have paid attention to", "have focused on", "have continued to promote", "have made efforts in",
                "have strictly carried out", "have renewed their approach to", "have regularly reviewed",
                "have strengthened"),
        "goal": ("the quality of regular party cell meetings", "political and ideological education",
                 "the admission of new party members, with {n} admitted this quarter",
                 "inspection and supervision of party members' tasks", "digital transformation in party work",
                 "the fight against corruption, waste and negativity", "the study of Ho Chi Minh's ideology and ethics",
                 "grassroots democracy and people's trust in the party", "training of {n} grassroots cadres",
                 "the annual assessment of party organisations, where {percent}% met their targets"),
    }
    filler = (
        "{subj} {act} {goal}.", "{subj} {act} {goal}, while {subj_l} {act} {goal}.",
        "In {year}, {subj_l} {act} {goal}.", "At the same time, {subj_l} {act} {goal}.",
        "Thanks to this, {subj_l} {act} {goal} and achieved clear results.",
        "Party building work in {P} has seen positive changes in recent years.",
        "The practical content of meetings has helped members understand their role in the locality.",
        "Many difficulties and obstacles at the grassroots were resolved promptly.",
        "Difficulties remain: in some places meetings are still formal and their content is repetitive.",
        "Members discussed frankly the causes of shortcomings and proposed concrete solutions.",
    )
    boilerplate = ("Comments (0)", "Related news")

    def slot(self, key: str) -> str:
        if key == "subj_l":
            text = self.slot("subj")
            return text[0].lower() + text[1:]
        return super().slot(key)

    def date(self, iso: str) -> str:
        parts = iso.split("-")
        month = MONTHS[int(parts[1]) - 1] if len(parts) > 1 else ""
        if len(parts) == 3:
            day = int(parts[2])
            return self.rng.choice((f"{day} {month} {parts[0]}", f"{month} {day}, {parts[0]}"))
        return f"{month} {parts[0]}" if month else parts[0]

    def place(self, which: str) -> str:
        s = self.s
        return {"P": s.province.ascii, "D": s.district.ascii, "C": self._commune(), "V": self._village()}[which]

    def _commune(self) -> str:
        return fold(self.s.commune_vi)

    def _village(self) -> str:
        return fold(self.s.cell_vi)

    def org(self, key: str) -> str:
        o, s = self.s.orgs[key], self.s
        kind = {"district": "District", "town": "Town", "city": "City"}[s.district.kind]
        forms = {
            "central": ("Party Central Committee", "Central Committee of the Communist Party of Vietnam"),
            "politburo": ("Politburo",),
            "prov_pc": (f"{s.province.ascii} Provincial Party Committee",),
            "district_pc": (f"{s.district.ascii} {kind} Party Committee",),
            "commune_pc": (f"{self._commune()} {'Ward' if s.is_ward else 'Commune'} Party Committee",),
            "cell": {"village": (f"{self._village()} Village Party Cell", f"party cell of {self._village()} village"),
                     "group": (f"Residential Group {s.cell_vi} Party Cell", f"Group {s.cell_vi} Party Cell"),
                     "school": (f"{self._commune()} Primary School Party Cell",)}[s.cell_kind],
            "school": (f"{self._commune()} Primary School",),
            "ppc": (f"{s.province.ascii} Provincial People's Committee",),
            "police": (f"{s.province.ascii} Provincial Police",),
            "ministry": ("Ministry of Public Security",),
            "government": ("Government",),
        }[o.shape]
        return self.rng.choice(forms)


RENDERER = English
