"""What the transparency report reads of a request and its review, beyond the country and the
process: the administrative subpoena's statute, whether it asks for content, whether for data
in real time, and whether the engine escalated it for anonymous speech. Kept on the case so
that the report stays one GROUP BY over one table. No Django here."""

from __future__ import annotations

from dataclasses import dataclass

from custodes.law.pack import load_pack
from custodes.law.request import Request
from custodes.law.vocab import Category, Code, Instrument

CONTENT = (Category.CONTENT, Category.REALTIME_CONTENT)
REAL_TIME = (Category.REALTIME_CONTENT, Category.REALTIME_NONCONTENT)
REAL_TIME_PROCESS = (Instrument.PEN_REGISTER_ORDER, Instrument.WIRETAP_ORDER)


@dataclass(frozen=True)
class Reported:
    statute: str  # the rule pack's citation of an administrative subpoena's statute, or ""
    asks_content: bool
    real_time: bool
    anonymous_speech: bool


def reported(request: Request, codes) -> Reported:
    """`codes`: the codes of the findings the engine raised on the request."""
    return Reported(
        statute=statute(request),
        asks_content=any(c in CONTENT for c in request.categories),
        real_time=request.instrument in REAL_TIME_PROCESS
        or any(c in REAL_TIME for c in request.categories),
        anonymous_speech=Code.ANONYMOUS_SPEECH_RISK in codes,
    )


def statute(request: Request) -> str:
    """The statute an administrative subpoena cites, as the rule pack names it ('8 U.S.C.
    § 1225(d)'); "" for any other process or a statute the pack does not know."""
    if request.instrument is not Instrument.ADMINISTRATIVE_SUBPOENA:
        return ""
    pack = load_pack()
    for authority in request.authority:
        found = pack.statute_field(authority)
        if found is not None:
            return found.cite
    return ""
