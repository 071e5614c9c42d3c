"""How custodes names what it counts, in the large providers' words (Google's legal-process
labels), and the bands the law allows for national security process. No Django here."""

from __future__ import annotations

# Google's "Legal Process" values, which GitHub's and Meta's categories map onto.
LEGAL_PROCESS = {
    "administrative_subpoena": "Subpoenas",
    "grand_jury_subpoena": "Subpoenas",
    "trial_subpoena": "Subpoenas",
    "civil_subpoena": "Subpoenas",
    "court_order_2703d": "Court Orders",
    "search_warrant": "Search Warrants",
    "pen_register_order": "Pen Register Orders",
    "wiretap_order": "Wiretap Orders",
    "emergency_request": "Emergency Disclosure Requests",
    "preservation_request": "Preservation Requests",
    "foreign_request": "Other Legal Requests",
    "cloud_act_order": "Other Court Orders",
    "informal_request": "Other Legal Requests",
    "unknown": "Other Legal Requests",
}
ALL = "All"
EMERGENCY = "Emergency Disclosure Requests"
PRESERVATION = "Preservation Requests"
NATIONAL_SECURITY = ("national_security_letter",)

# 50 U.S.C. § 1874(a): the options a provider may choose to report national security
# process, as the size of the band. The default is the one GitHub's published files use.
NSL_BANDS = (1000, 500, 250, 100)
NSL_CITATION = "50 U.S.C. § 1874(a)"


def legal_process(instrument: str) -> str:
    return LEGAL_PROCESS.get(instrument, "Other Legal Requests")


def band(count: int, size: int) -> str:
    """The band a count falls in, never the count: 0–249, 250–499, …"""
    if size not in NSL_BANDS:
        raise ValueError(f"bands are {', '.join(map(str, NSL_BANDS))} wide, not {size}")
    low = (count // size) * size
    return f"{low}-{low + size - 1}"


# The CSV's columns: Google's seven first, then what custodes adds. The README documents each.
CSV_COLUMNS = (
    "Period Ending",
    "Country/Region",
    "CLDR Territory Code",
    "Legal Process",
    "User Data Requests",
    "Percentage disclosed",
    "Accounts",
    "Percentage with non-disclosure order",
    "User notices sent",
    "User notices delayed",
    "Objections",
    "Withdrawn",
    "Quashed",
    "Rejected",
    "Median days to answer",
    "Challenged by the provider",
    "Challenged by users",
    "Challenges",
    "Challenges pending",
    "Challenges quashed",
    "Challenges narrowed",
    "Challenges denied",
    "Challenges withdrawn",
    "Challenges dropped",
)

# How a challenge ended, in the report's words (the ruling's values in custodes.challenges).
RULINGS = (
    ("pending", "pending"),
    ("quashed", "quashed"),
    ("narrowed", "narrowed"),
    ("denied", "denied"),
    ("withdrawn", "withdrawn_by_the_agency"),
    ("dropped", "dropped"),
)

# The breakdowns' CSV (breakdowns.csv): one row per agency, statute, content or not, stored
# or real-time, and the demands escalated for anonymous speech. The README documents each.
BREAKDOWN_COLUMNS = (
    "Period Ending",
    "Breakdown",
    "Group",
    "Name",
    "Names as read",
    "User Data Requests",
    "Accounts",
    "Percentage disclosed",
    "User notices sent",
    "User notices delayed",
    "Objections",
    "Produced",
    "Partially produced",
    "No records",
    "Rejected",
    "Withdrawn",
    "Quashed",
    "Open",
)
OUTCOME_COLUMNS = {
    "produced": "Produced",
    "partially_produced": "Partially produced",
    "no_records": "No records",
    "rejected": "Rejected",
    "withdrawn": "Withdrawn",
    "quashed": "Quashed",
    "open": "Open",
}

COUNTRIES = {
    "AR": "Argentina",
    "AU": "Australia",
    "AT": "Austria",
    "BE": "Belgium",
    "BR": "Brazil",
    "CA": "Canada",
    "CL": "Chile",
    "CO": "Colombia",
    "CZ": "Czechia",
    "DE": "Germany",
    "DK": "Denmark",
    "ES": "Spain",
    "FI": "Finland",
    "FR": "France",
    "GB": "United Kingdom",
    "GR": "Greece",
    "HU": "Hungary",
    "IE": "Ireland",
    "IL": "Israel",
    "IN": "India",
    "IT": "Italy",
    "JP": "Japan",
    "KR": "South Korea",
    "MX": "Mexico",
    "NL": "Netherlands",
    "NO": "Norway",
    "NZ": "New Zealand",
    "PL": "Poland",
    "PT": "Portugal",
    "SE": "Sweden",
    "SG": "Singapore",
    "CH": "Switzerland",
    "TR": "Turkey",
    "TW": "Taiwan",
    "UA": "Ukraine",
    "US": "United States",
    "ZA": "South Africa",
}


def country_name(code: str) -> str:
    return COUNTRIES.get(code, code or "Unknown")
