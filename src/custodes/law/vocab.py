"""The closed vocabularies of the review contract (shared/spec/review.md).

Every value custodes prints comes from these enums; the web app, the API and the
transparency report use the same words. New members may be added, none may change.
"""

from enum import StrEnum


class Instrument(StrEnum):
    ADMINISTRATIVE_SUBPOENA = "administrative_subpoena"
    GRAND_JURY_SUBPOENA = "grand_jury_subpoena"
    TRIAL_SUBPOENA = "trial_subpoena"
    CIVIL_SUBPOENA = "civil_subpoena"
    COURT_ORDER_2703D = "court_order_2703d"
    SEARCH_WARRANT = "search_warrant"
    PEN_REGISTER_ORDER = "pen_register_order"
    WIRETAP_ORDER = "wiretap_order"
    EMERGENCY_REQUEST = "emergency_request"
    PRESERVATION_REQUEST = "preservation_request"
    NATIONAL_SECURITY_LETTER = "national_security_letter"
    FOREIGN_REQUEST = "foreign_request"
    CLOUD_ACT_ORDER = "cloud_act_order"
    INFORMAL_REQUEST = "informal_request"
    UNKNOWN = "unknown"


class Category(StrEnum):
    SUBSCRIBER = "subscriber"
    TRANSACTIONAL = "transactional"
    CONTENT = "content"
    LOCATION = "location"
    REALTIME_NONCONTENT = "realtime_noncontent"
    REALTIME_CONTENT = "realtime_content"


STORED_CATEGORIES = (
    Category.SUBSCRIBER,
    Category.TRANSACTIONAL,
    Category.CONTENT,
    Category.LOCATION,
)


class SelectorKind(StrEnum):
    ACCOUNT_ID = "account_id"
    USERNAME = "username"
    EMAIL = "email"
    PHONE = "phone"
    URL = "url"
    IP = "ip"
    PAYMENT = "payment"
    DEVICE = "device"


class Action(StrEnum):
    PRODUCE = "produce"
    PRODUCE_PARTIAL = "produce_partial"
    REJECT = "reject"
    CLARIFY = "clarify"
    ESCALATE = "escalate"
    PRESERVE = "preserve"


class NoticeAction(StrEnum):
    NOTIFY_BEFORE_PRODUCTION = "notify_before_production"
    DELAY = "delay"
    AFTER_EMERGENCY = "after_emergency"
    PROHIBITED = "prohibited"
    NONE = "none"


class Severity(StrEnum):
    BLOCK = "block"
    ESCALATE = "escalate"
    WARN = "warn"
    INFO = "info"


class Code(StrEnum):
    """Finding codes, in the contract's order: findings are printed in this order."""

    CONTENT_REQUIRES_WARRANT = "CONTENT_REQUIRES_WARRANT"
    LOCATION_REQUIRES_WARRANT = "LOCATION_REQUIRES_WARRANT"
    NONCONTENT_REQUIRES_ORDER = "NONCONTENT_REQUIRES_ORDER"
    REALTIME_REQUIRES_ORDER = "REALTIME_REQUIRES_ORDER"
    PRIVATE_PARTY_CONTENT = "PRIVATE_PARTY_CONTENT"
    NSL_SCOPE = "NSL_SCOPE"
    FOREIGN_NEEDS_MLAT = "FOREIGN_NEEDS_MLAT"
    NOT_SIGNED = "NOT_SIGNED"
    EXPIRED = "EXPIRED"
    WRONG_ADDRESSEE = "WRONG_ADDRESSEE"
    NO_SELECTORS = "NO_SELECTORS"
    NO_RECORDS_NAMED = "NO_RECORDS_NAMED"
    OVERBROAD_SELECTORS = "OVERBROAD_SELECTORS"
    OVERBROAD_DATE_RANGE = "OVERBROAD_DATE_RANGE"
    AUTHORITY_MISMATCH = "AUTHORITY_MISMATCH"
    ANONYMOUS_SPEECH_RISK = "ANONYMOUS_SPEECH_RISK"
    NDO_IN_FORCE = "NDO_IN_FORCE"
    NDO_UNBOUNDED = "NDO_UNBOUNDED"
    NDO_NOT_BINDING = "NDO_NOT_BINDING"
    EMERGENCY_UNSUPPORTED = "EMERGENCY_UNSUPPORTED"
    REQUESTER_UNVERIFIED = "REQUESTER_UNVERIFIED"
    CHILD_SAFETY_EXCEPTION = "CHILD_SAFETY_EXCEPTION"
    PRESERVATION_ONLY = "PRESERVATION_ONLY"
    NO_LEGAL_PROCESS = "NO_LEGAL_PROCESS"


CODE_ORDER = {code: index for index, code in enumerate(Code)}
