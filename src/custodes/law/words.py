"""The contract's vocabularies in the words people read.

Each value has a short label for pages (the queue, the case page, the portal, e-mails to
staff). Instruments and categories also have the longer phrase a user reads in their notice
and a cover letter: `{}` in it stands for the label, so the two never drift apart.
"""

from __future__ import annotations

INSTRUMENTS = {
    "administrative_subpoena": (
        "administrative subpoena",
        "an {} (issued by an agency, not a judge)",
    ),
    "grand_jury_subpoena": ("grand jury subpoena", "a {}"),
    "trial_subpoena": ("trial subpoena", "a {}"),
    "civil_subpoena": ("civil subpoena", "a {} (issued for a party to a lawsuit)"),
    "court_order_2703d": ("court order under 18 U.S.C. § 2703(d)", "a {}"),
    "search_warrant": ("search warrant", "a {}"),
    "pen_register_order": ("pen register or trap and trace order", "a {}"),
    "wiretap_order": ("wiretap order", "a {}"),
    "emergency_request": ("emergency request", "an {}"),
    "preservation_request": (
        "preservation request",
        "a {} (to keep records, not to hand them over)",
    ),
    "national_security_letter": ("national security letter", "a {}"),
    "foreign_request": ("request from a foreign authority", "a {}"),
    "cloud_act_order": ("foreign order under a CLOUD Act agreement", "a {}"),
    "informal_request": ("informal request", "an {} (no legal process)"),
    "unknown": ("unknown kind of demand", "a legal demand"),
}

CATEGORIES = {
    "subscriber": (
        "basic subscriber information",
        "{} (name, address, session times, phone, payment details, IP address at sign-up)",
    ),
    "transactional": (
        "account records",
        "{} such as login history and IP addresses, message headers and device records",
    ),
    "content": ("content", "the {} of your messages, posts and files"),
    "location": ("location history", "{}"),
    "realtime_noncontent": (
        "real-time monitoring",
        "{} of your account's activity as it happens",
    ),
    "realtime_content": ("interception", "{} of your communications as they happen"),
}

STATES = {
    "received": "received",
    "in_review": "in review",
    "awaiting_requester": "awaiting the requester",
    "escalated": "escalated to counsel",
    "approved": "approved",
    "notice_period": "notice period",
    "challenged": "challenged",
    "producing": "producing",
    "closed": "closed",
}

# The states as the requester reads them on the portal: what happens to their demand, not
# the desk's workflow.
REQUESTER_STATES = {
    "received": "received",
    "in_review": "under review",
    "awaiting_requester": "we need your answer",
    "escalated": "under review by counsel",
    "approved": "approved",
    "notice_period": "approved; the user's notice period is running",
    "challenged": "challenged by the user",
    "producing": "being produced",
    "closed": "closed",
}

OUTCOMES = {
    "produced": "produced",
    "partially_produced": "produced in part",
    "rejected": "rejected",
    "withdrawn": "withdrawn",
    "quashed": "quashed",
    "preserved": "preserved",
    "no_records": "no records",
    "duplicate": "duplicate",
    "entered_in_error": "entered in error",
}

ACTIONS = {
    "produce": "produce",
    "produce_partial": "produce in part",
    "reject": "reject",
    "clarify": "ask the requester",
    "escalate": "escalate to counsel",
    "preserve": "preserve only",
}

NOTICE_ACTIONS = {
    "notify_before_production": "tell the user before producing",
    "delay": "delay notice",
    "after_emergency": "tell the user after the emergency",
    "prohibited": "notice forbidden by law",
    "none": "no notice",
}

SEVERITIES = {
    "block": "blocks",
    "escalate": "needs counsel",
    "warn": "warning",
    "info": "for information",
}

SELECTOR_KINDS = {
    "account_id": "account ID",
    "username": "username",
    "email": "e-mail address",
    "phone": "phone number",
    "url": "profile URL",
    "ip": "IP address",
    "payment": "payment details",
    "device": "device",
}

FINDINGS = {
    "CONTENT_REQUIRES_WARRANT": "content needs a search warrant",
    "LOCATION_REQUIRES_WARRANT": "location needs a search warrant",
    "NONCONTENT_REQUIRES_ORDER": "account records need a court order",
    "REALTIME_REQUIRES_ORDER": "real-time monitoring needs a pen register or wiretap order",
    "PRIVATE_PARTY_CONTENT": "a private party cannot compel content",
    "NSL_SCOPE": "more than a national security letter reaches",
    "FOREIGN_NEEDS_MLAT": "a foreign authority needs a treaty request",
    "NOT_SIGNED": "not signed",
    "EXPIRED": "expired",
    "WRONG_ADDRESSEE": "addressed to another company",
    "NO_SELECTORS": "names no account",
    "NO_RECORDS_NAMED": "names no records",
    "OVERBROAD_SELECTORS": "reaches too many users",
    "OVERBROAD_DATE_RANGE": "dates missing or too long",
    "AUTHORITY_MISMATCH": "the statute does not reach the purpose",
    "ANONYMOUS_SPEECH_RISK": "would unmask an anonymous speaker",
    "NDO_IN_FORCE": "a court's non-disclosure order is in force",
    "NDO_UNBOUNDED": "the non-disclosure order has no end",
    "NDO_NOT_BINDING": "secrecy asked for, not ordered",
    "EMERGENCY_UNSUPPORTED": "no facts of an emergency",
    "REQUESTER_UNVERIFIED": "sender not verified",
    "CHILD_SAFETY_EXCEPTION": "telling could endanger a child",
    "PRESERVATION_ONLY": "preservation only",
    "NO_LEGAL_PROCESS": "no legal process",
}

CHANNELS = {
    "upload": "upload",
    "portal": "the portal",
    "api": "the API",
    "email": "e-mail",
    "typed": "a form staff typed in from its document",
}

LABELS = {
    "instrument": {value: label for value, (label, _) in INSTRUMENTS.items()},
    "category": {value: label for value, (label, _) in CATEGORIES.items()},
    "state": STATES,
    "outcome": OUTCOMES,
    "action": ACTIONS,
    "notice": NOTICE_ACTIONS,
    "severity": SEVERITIES,
    "selector": SELECTOR_KINDS,
    "finding": FINDINGS,
    "channel": CHANNELS,
}


def label(vocabulary: str, value: str) -> str:
    """The short label of `value`; a value not (yet) in the vocabulary is shown as it is."""
    return LABELS[vocabulary].get(value, value)


def instrument(value: str) -> str:
    """The phrase a user's notice and a cover letter use: 'an administrative subpoena (…)'."""
    return _phrase(INSTRUMENTS.get(value, INSTRUMENTS["unknown"]))


def categories(values: list[str]) -> list[str]:
    return [_phrase(CATEGORIES[v]) if v in CATEGORIES else v for v in values]


def _phrase(word: tuple[str, str]) -> str:
    short, phrase = word
    return phrase.format(short)
