"""A requester's submission form, read into the contract's structured request.

Errors are collected per field so the form can show each beside its field and keep
everything the requester typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from custodes.cases.selector_lines import SelectorLinesError, parse_selector_lines
from custodes.law import Request, RequestError
from custodes.law.vocab import Category, Instrument
from custodes.provider import provider_name

INSTRUMENTS = [
    i.value for i in Instrument if i not in (Instrument.UNKNOWN, Instrument.INFORMAL_REQUEST)
]


@dataclass
class Submission:
    request: Request | None = None
    case_number: str = ""
    emergency_details: dict = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)


def read_submission(data, requester) -> Submission:
    out = Submission(case_number=data.get("case_number", "").strip())
    instrument = data.get("instrument", "")
    if instrument not in INSTRUMENTS:
        out.errors["instrument"] = "Choose the kind of process you are serving."
    try:
        selectors = parse_selector_lines(data.get("selectors", ""))
    except SelectorLinesError as error:
        selectors, out.errors["selectors"] = [], str(error)
    if not selectors and "selectors" not in out.errors:
        out.errors["selectors"] = (
            "Name at least one account: 'username: …', 'email: …', 'account_id: …'."
        )
    categories = [c for c in data.getlist("categories") if c in {x.value for x in Category}]
    if not categories:
        out.errors["categories"] = "Choose the data you ask for."
    purpose = data.get("purpose", "").strip()
    emergency = instrument == Instrument.EMERGENCY_REQUEST
    if emergency:
        out.emergency_details = {
            key: data.get(key, "").strip() for key in ("nature", "danger", "callback_number")
        }
        for key, message in (
            ("nature", "Describe the emergency."),
            ("danger", "Say who is in danger of death or serious physical injury, and why now."),
            ("callback_number", "Give a number at your agency where we can call you back."),
        ):
            if not out.emergency_details[key]:
                out.errors[key] = message
    if out.errors:
        return out
    fields = {
        "instrument": instrument,
        "authority": [
            a.strip() for a in re.split(r"[;\n]", data.get("authority", "")) if a.strip()
        ],
        "agency": data.get("agency", "").strip() or None,
        "issued_on": data.get("issued_on") or None,
        "return_by": data.get("return_by") or None,
        "signed": data.get("signed") == "on",
        "selectors": selectors,
        "categories": categories,
        "date_range": _date_range(data),
        "nondisclosure": {
            "present": data.get("ndo_present") == "on" or data.get("ndo_court_ordered") == "on",
            "court_ordered": data.get("ndo_court_ordered") == "on",
            "expires_on": data.get("ndo_expires_on") or None,
        },
        "purpose": purpose or None,
    }
    try:
        out.request = requester_request(fields, requester, out.emergency_details or None)
    except RequestError as error:
        name = str(error).split(":", 1)[0].split("[", 1)[0].split(".", 1)[0]
        out.errors[name if name in fields else "form"] = str(error)
    return out


def requester_request(fields: dict, requester, emergency: dict | None) -> Request:
    """The structured request of a requester's submission, by form or API: the sender is the
    signed-in account, it is addressed to this provider, and an emergency's nature and danger
    open its stated purpose. Raises RequestError naming the field that is wrong."""
    danger = [emergency.get("nature"), emergency.get("danger")] if emergency else []
    purpose = " ".join(filter(None, [*danger, fields.get("purpose")]))
    return Request.from_dict(
        {
            **fields,
            "agency": fields.get("agency") or requester.agency,
            "country": "US",
            "addressed_to": provider_name(None),
            "requester": {
                "name": requester.name,
                "email": requester.user.email,
                "phone": requester.phone or None,
            },
            "emergency": bool(emergency),
            "purpose": purpose or None,
        }
    )


def _date_range(data) -> dict | None:
    start, end = data.get("date_start") or None, data.get("date_end") or None
    return {"start": start, "end": end} if start or end else None


def requester_feedback(decision: dict) -> dict:
    """What the requester is told at once: what the process does not reach, and what is
    missing or wrong. Counsel's internal questions (escalations) are not theirs to read."""
    withheld = decision.get("withheld", [])
    said = {item["reason"] for item in withheld}
    problems = [
        f
        for f in decision.get("findings", [])
        if f["severity"] in ("block", "warn") and f["message"] not in said
    ]
    return {"withheld": withheld, "problems": problems}
