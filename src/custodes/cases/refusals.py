"""The documents a demand's requester sent that could not be read, as its audit record keeps
them: shown on the demand's page and in the API, beside the way to send another."""

from __future__ import annotations

from custodes.audit.models import Event

DOCUMENT_REFUSED = "custodes.document.refused"


def refused_documents(case) -> list[dict]:
    """Each refusal, oldest first: the document's name, why, and when."""
    events = Event.objects.filter(subject=case.subject, action=DOCUMENT_REFUSED)
    return [
        {"name": e.data.get("document", ""), "reason": e.data.get("reason", ""), "at": e.at}
        for e in events.order_by("sequence")
    ]
