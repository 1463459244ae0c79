"""The English side of organisation names: body types, qualifiers and levels, and how a name is built.

Why a table rather than language data: canonical names are English in every
language (gold FORMAT.md), so the same type key ("peoples_council") found by a
Khmer, Thai, Vietnamese or English head word is named the same way here.

Styles:
- ``territorial``: "<Place> <Level> <Qualifiers> <Head>" — "Quang Ninh Provincial Police Party Committee".
- ``sub``: a body of another body — "Standing Committee of <Owner>", "Propaganda Department of <Owner>".
- ``cell``: "<Unit> Party Cell" — "Group 14 Party Cell", "Cam Vinh Primary School Party Cell".
- ``dept``: a state department or association named after its place — "<Place> Journalists' Association".
- ``unit``: a single institution — "<Place> Primary School", "<Place> Newspaper".
- ``same``: the owner itself ("executive committee of the district party committee" = that committee).

Example:
    >>> build_name("party_committee", place="Cam Xuyen", level="district")
    'Cam Xuyen District Party Committee'
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class OrgType:
    kind: str
    english: str
    style: str
    central_name: str | None = None


TYPES: dict[str, OrgType] = {
    "party_committee": OrgType("party_committee", "Party Committee", "territorial"),
    "party_cell": OrgType("party_cell", "Party Cell", "cell"),
    "standing_committee": OrgType("party_standing_committee", "Standing Committee", "sub"),
    "executive_committee": OrgType("party_committee", "", "same"),
    "peoples_committee": OrgType("peoples_committee", "People's Committee", "territorial"),
    "peoples_council": OrgType("peoples_council", "People's Council", "territorial"),
    "fatherland_front": OrgType("fatherland_front", "Fatherland Front Committee", "territorial"),
    "police": OrgType("police", "Police", "territorial"),
    "military": OrgType("military", "Military Command", "territorial"),
    "na_delegation": OrgType("other", "National Assembly Delegation", "territorial"),
    "propaganda_department": OrgType("party_department", "Propaganda Department", "sub",
                                     "Central Propaganda Department"),
    "organization_commission": OrgType("party_department", "Organization Commission", "sub",
                                       "Central Organization Commission"),
    "inspection_commission": OrgType("party_department", "Inspection Commission", "sub",
                                     "Central Inspection Commission"),
    "mass_mobilization_commission": OrgType("party_department", "Mass Mobilization Commission", "sub",
                                            "Central Mass Mobilization Commission"),
    "party_office": OrgType("party_department", "Office", "sub", "Central Party Office"),
    "internal_affairs_commission": OrgType("party_department", "Internal Affairs Commission", "sub",
                                          "Central Internal Affairs Commission"),
    "border_guard": OrgType("military", "Border Guard Command", "territorial"),
    "procuracy": OrgType("other", "People's Procuracy", "territorial"),
    "court": OrgType("other", "People's Court", "territorial"),
    "science_technology_department": OrgType("other", "Department of Science and Technology", "dept"),
    "education_department": OrgType("other", "Department of Education and Training", "dept"),
    "health_department": OrgType("other", "Department of Health", "dept"),
    "home_affairs_department": OrgType("other", "Department of Home Affairs", "dept"),
    "culture_department": OrgType("other", "Department of Culture, Sports and Tourism", "dept"),
    "information_department": OrgType("other", "Department of Information and Communications", "dept"),
    "finance_department": OrgType("other", "Department of Finance", "dept"),
    "justice_department": OrgType("other", "Department of Justice", "dept"),
    "agriculture_environment_department": OrgType("other", "Department of Agriculture and Environment", "dept"),
    "agriculture_department": OrgType("other", "Department of Agriculture and Rural Development", "dept"),
    "natural_resources_department": OrgType("other", "Department of Natural Resources and Environment", "dept"),
    "industry_trade_department": OrgType("other", "Department of Industry and Trade", "dept"),
    "construction_department": OrgType("other", "Department of Construction", "dept"),
    "transport_department": OrgType("other", "Department of Transport", "dept"),
    "labour_department": OrgType("other", "Department of Labour, Invalids and Social Affairs", "dept"),
    "planning_department": OrgType("other", "Department of Planning and Investment", "dept"),
    "ethnic_religious_department": OrgType("other", "Department of Ethnic and Religious Affairs", "dept"),
    # mass organisations are named like the Fatherland Front, with the level the text gives:
    # "Binh Dinh Provincial Farmers' Association", "Ho Chi Minh City Journalists' Association"
    "journalists_association": OrgType("mass_organization", "Journalists' Association", "territorial"),
    "farmers_association": OrgType("mass_organization", "Farmers' Association", "territorial"),
    "womens_union": OrgType("mass_organization", "Women's Union", "territorial"),
    "veterans_association": OrgType("mass_organization", "Veterans' Association", "territorial"),
    "youth_union": OrgType("mass_organization", "Youth Union", "territorial"),
    "labour_federation": OrgType("mass_organization", "Labour Federation", "territorial"),
    "trade_union": OrgType("mass_organization", "Trade Union", "territorial"),
    "red_cross": OrgType("mass_organization", "Red Cross Society", "territorial"),
    "primary_school": OrgType("school", "Primary School", "unit"),
    "secondary_school": OrgType("school", "Secondary School", "unit"),
    "high_school": OrgType("school", "High School", "unit"),
    "newspaper": OrgType("other", "Newspaper", "unit"),
}

# Whole names of national bodies: key -> (name, kind).
CENTRAL: dict[str, tuple[str, str]] = {
    "central_committee": ("Central Committee of the Communist Party of Vietnam", "party_committee"),
    "politburo": ("Politburo", "party_standing_committee"),
    "secretariat": ("Secretariat", "party_standing_committee"),
    "ministry_public_security": ("Ministry of Public Security", "ministry"),
    "ministry_defence": ("Ministry of National Defence", "ministry"),
    "ministry_home_affairs": ("Ministry of Home Affairs", "ministry"),
    "ministry_education": ("Ministry of Education and Training", "ministry"),
    "ministry_health": ("Ministry of Health", "ministry"),
    "ministry_finance": ("Ministry of Finance", "ministry"),
    "ministry_science": ("Ministry of Science and Technology", "ministry"),
    "ministry_justice": ("Ministry of Justice", "ministry"),
    "ministry_foreign_affairs": ("Ministry of Foreign Affairs", "ministry"),
    "ministry_industry_trade": ("Ministry of Industry and Trade", "ministry"),
    "ministry_agriculture_environment": ("Ministry of Agriculture and Environment", "ministry"),
    "ministry_agriculture": ("Ministry of Agriculture and Rural Development", "ministry"),
    "ministry_natural_resources": ("Ministry of Natural Resources and Environment", "ministry"),
    "ministry_construction": ("Ministry of Construction", "ministry"),
    "ministry_transport": ("Ministry of Transport", "ministry"),
    "ministry_labour": ("Ministry of Labour, Invalids and Social Affairs", "ministry"),
    "ministry_culture": ("Ministry of Culture, Sports and Tourism", "ministry"),
    "ministry_planning": ("Ministry of Planning and Investment", "ministry"),
    "ministry_information": ("Ministry of Information and Communications", "ministry"),
    "ministry_ethnic_religious": ("Ministry of Ethnic and Religious Affairs", "ministry"),
    "government_inspectorate": ("Government Inspectorate", "ministry"),
    "state_bank": ("State Bank of Vietnam", "ministry"),
    "general_confederation_of_labour": ("Vietnam General Confederation of Labour", "mass_organization"),
    "central_fatherland_front": ("Central Committee of the Vietnam Fatherland Front", "fatherland_front"),
    "fatherland_front_mass_orgs_party_committee": ("Fatherland Front and Central Mass Organizations Party Committee",
                                                   "party_committee"),
    "ethnic_committee": ("Committee for Ethnic Minority Affairs", "ministry"),
    "government": ("Government of Vietnam", "other"),
    "national_assembly": ("National Assembly", "other"),
    "central_party_office": ("Central Party Office", "party_department"),
    "party_building_commission": ("Party Building Commission", "party_department"),
    "central_organization_commission": ("Central Organization Commission", "party_department"),
    "central_propaganda_department": ("Central Propaganda Department", "party_department"),
    "central_inspection_commission": ("Central Inspection Commission", "party_department"),
    "central_mass_mobilization_commission": ("Central Mass Mobilization Commission", "party_department"),
    "central_theoretical_council": ("Central Theoretical Council", "other"),
    "central_internal_affairs_commission": ("Central Internal Affairs Commission", "party_department"),
    "central_economic_commission": ("Central Economic Commission", "party_department"),
    "central_policy_strategy_commission": ("Central Policy and Strategy Commission", "party_department"),
    "central_external_relations_commission": ("Central External Relations Commission", "party_department"),
    "government_party_committee": ("Government Party Committee", "party_committee"),
    "national_assembly_party_committee": ("National Assembly Party Committee", "party_committee"),
    "central_party_agencies_party_committee": ("Central Party Agencies Party Committee", "party_committee"),
    "central_agencies_bloc_party_committee": ("Central Agencies Bloc Party Committee", "party_committee"),
    "central_enterprises_bloc_party_committee": ("Central Enterprises Bloc Party Committee", "party_committee"),
}
# The body a central body belongs to, when both are named.
CENTRAL_PARENT = {"central_party_office": "central_committee",
                  # the four party committees directly under the Central Committee since 2025
                  "government_party_committee": "central_committee",
                  "national_assembly_party_committee": "central_committee",
                  "central_party_agencies_party_committee": "central_committee",
                  "fatherland_front_mass_orgs_party_committee": "central_committee"}

# Agency qualifiers of party committees: key -> (English, whether it sits under the territorial committee).
QUALIFIERS: dict[str, tuple[str, bool]] = {
    "police": ("Police", True),
    "military": ("Military", True),
    "peoples": ("People's", True),
    "peoples_council": ("People's Council", True),
    "government": ("Government", True),
    "state_treasury": ("State Treasury", False),
    "social_insurance": ("Social Insurance", False),
    "agencies_bloc": ("Agencies Bloc", False),
    "enterprises_bloc": ("Enterprises Bloc", False),
    "party_agencies": ("Party Agencies", False),
    "agencies": ("Agencies", False),
    "border_guard": ("Border Guard", True),
    # institutions: a party committee of one enterprise, hospital, school or agency, named after it
    "company": ("Company", False),
    "corporation": ("Corporation", False),
    "economic_group": ("Group", False),
    "hospital": ("Hospital", False),
    "general_hospital": ("General Hospital", False),
    "university": ("University", False),
    "college": ("College", False),
    "political_school": ("Political School", False),
    "tax_department": ("Tax Department", False),
    "customs_department": ("Customs Department", False),
    "bank": ("Bank", False),
}

LEVEL_ADJ = {"central": "Central", "provincial": "Provincial", "city": "City", "district": "District",
             "town": "Town", "commune": "Commune", "ward": "Ward", "village": "Village"}
# Where a level sits: higher levels have smaller ranks.
LEVEL_RANK = {"central": 0, "provincial": 1, "city": 2, "district": 2, "town": 3, "commune": 3, "ward": 3,
              "village": 4, "unit": 5}
# Place types a gazetteer or the text may give, as organisation levels.
PLACE_TYPE_LEVEL = {"province": "provincial", "municipality": "provincial", "city": "city",
                    "district": "district", "town": "town", "township": "town", "commune": "commune",
                    "ward": "ward", "village": "village", "residential_group": "village", "hamlet": "village"}

# Organisation levels as the place types a gazetteer uses.
LEVEL_PLACE_TYPE = {"provincial": "province", "city": "city", "district": "district", "town": "town",
                    "commune": "commune", "ward": "ward", "village": "village"}


def place_label(place: str | None, level: str | None) -> str:
    """The place and level part of a name: "Cam Xuyen District", "Tra Vinh City" (never "City City")."""
    adj = LEVEL_ADJ.get(level or "", "")
    if not place:
        return adj
    if adj and place.split()[-1].lower() == adj.lower():
        return place
    return f"{place} {adj}".strip()


def build_name(type_key: str, place: str | None = None, level: str | None = None,
               quals: tuple[str, ...] = (), owner: str | None = None, unit: str | None = None,
               owner_central: bool = False, proper: str | None = None) -> str:
    """The canonical English name of a body from its parts (see the module docstring)."""
    t = TYPES[type_key]
    q = " ".join(QUALIFIERS[k][0] for k in quals if k in QUALIFIERS)
    if t.style == "sub":
        if owner_central and t.central_name:
            return t.central_name
        return f"{t.english} of {owner}" if owner else t.english
    if t.style == "cell":
        return f"{unit} {t.english}" if unit else t.english
    if t.style in ("dept", "unit"):
        base = place_label(place, level) if (t.style == "dept" and place and level == "city") else (place or "")
        return f"{base} {t.english}".strip()
    return " ".join(p for p in (place_label(place, level), proper, q, t.english) if p)
