"""The contract's vocabularies in the words a user reads: in their notice, in a cover letter."""

from __future__ import annotations

INSTRUMENTS = {
    "administrative_subpoena": "an administrative subpoena (issued by an agency, not a judge)",
    "grand_jury_subpoena": "a grand jury subpoena",
    "trial_subpoena": "a trial subpoena",
    "civil_subpoena": "a subpoena in a civil lawsuit",
    "court_order_2703d": "a court order under 18 U.S.C. § 2703(d)",
    "search_warrant": "a search warrant",
    "pen_register_order": "a pen register or trap and trace order",
    "wiretap_order": "a wiretap order",
    "emergency_request": "an emergency request",
    "preservation_request": "a request to preserve records",
    "foreign_request": "a request from a foreign authority",
    "cloud_act_order": "a foreign order under a CLOUD Act agreement",
    "informal_request": "an informal request (no legal process)",
    "unknown": "a legal demand",
}

CATEGORIES = {
    "subscriber": "basic subscriber information (name, address, session times, phone, "
    "payment details, IP address at sign-up)",
    "transactional": "account records such as login history and IP addresses, message "
    "headers and device records",
    "content": "the content of your messages, posts and files",
    "location": "location history",
    "realtime_noncontent": "monitoring of your account's activity as it happens",
    "realtime_content": "interception of your communications as they happen",
}


def instrument(value: str) -> str:
    return INSTRUMENTS.get(value, INSTRUMENTS["unknown"])


def categories(values: list[str]) -> list[str]:
    return [CATEGORIES.get(value, value) for value in values]
