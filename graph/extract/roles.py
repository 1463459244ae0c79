"""Role keys to the canonical English roles of the gold format, with the kind of body deciding "chair".

Why the body decides: Khmer ប្រធាន, Thai ประธาน/หัวหน้า and English "Head" are
one word for what Vietnamese keeps apart — Trưởng ban (Head) of a party
department, Giám đốc (Director) of the police or a state department, Chủ tịch
(Chairman) of a people's committee, council, front or association.

Example:
    >>> english_role("chair", "police"), english_role("chair", "peoples_council")
    ('Director', 'Chairman')
"""

from __future__ import annotations

FIXED = {
    "secretary": "Secretary",
    "deputy_secretary": "Deputy Secretary",
    "standing_deputy_secretary": "Standing Deputy Secretary",
    "general_secretary": "General Secretary",
    "chairman": "Chairman",
    "vice_chairman": "Vice Chairman",
    "director": "Director",
    "deputy_director": "Deputy Director",
    "member": "Member",
    "alternate_member": "Alternate Member",
    "standing_member": "Standing Member",
    "party_member": "Party Member",
    "minister": "Minister",
    "deputy_minister": "Deputy Minister",
    "delegate": "Delegate",
    "head_of_delegation": "Head of Delegation",
    "commander": "Commander",
    "deputy_commander": "Deputy Commander",
    "political_commissar": "Political Commissar",
    "deputy_political_commissar": "Deputy Political Commissar",
}

# "Hiệu trưởng", "Rector": the head of a university is its Rector, of a school its Principal.
_HEAD_OF_SCHOOL = {"rector": ("Rector", "Principal"), "vice_rector": ("Vice Rector", "Vice Principal")}

# "chair"/"deputy_chair" by the kind of body (gold FORMAT.md kinds).
_CHAIR = {
    "police": ("Director", "Deputy Director"),
    "military": ("Commander", "Deputy Commander"),
    "peoples_committee": ("Chairman", "Vice Chairman"),
    "peoples_council": ("Chairman", "Vice Chairman"),
    "fatherland_front": ("Chairman", "Vice Chairman"),
    "mass_organization": ("Chairman", "Vice Chairman"),
    "ministry": ("Chairman", "Vice Chairman"),
    "other": ("Director", "Deputy Director"),
    "school": ("Principal", "Vice Principal"),
    "enterprise": ("Director", "Deputy Director"),
}
# State departments and delegations are kind "other" but named differently.
_CHAIR_BY_NAME = (("Delegation", ("Head of Delegation", "Deputy Head of Delegation")),
                  ("Department of", ("Director", "Deputy Director")),
                  ("Newspaper", ("Editor-in-Chief", "Deputy Editor-in-Chief")),
                  ("Working Group", ("Head", "Deputy Head")),
                  ("Council", ("Chairman", "Vice Chairman")),
                  ("University", ("Director", "Deputy Director")),
                  ("Academy", ("Director", "Deputy Director")),
                  ("Company", ("Director", "Deputy Director")),
                  ("Corporation", ("Director", "Deputy Director")),
                  ("Group", ("Chairman", "Vice Chairman")))


def english_role(key: str, kind: str | None = None, org_name: str | None = None) -> str | None:
    """The canonical role for a role key and the kind (and name) of its body; None if unknown."""
    if key in FIXED:
        return FIXED[key]
    if key in _HEAD_OF_SCHOOL:
        university = org_name is not None and any(w in org_name for w in ("University", "Academy", "College"))
        return _HEAD_OF_SCHOOL[key][0 if university or kind != "school" else 1]
    if key not in ("chair", "deputy_chair"):
        return None
    deputy = key == "deputy_chair"
    if kind in (None, "other"):
        for marker, pair in _CHAIR_BY_NAME:
            if org_name and marker in org_name:
                return pair[deputy]
    pair = _CHAIR.get(kind or "", ("Head", "Deputy Head"))
    return pair[deputy]
