"""The documents a demand's requester sent that could not be read, as its audit record keeps
them: shown on the demand's page and in the API, beside the way to send another."""

from __future__ import annotations

from custodes import sql

DOCUMENT_REFUSED = "custodes.document.refused"


def refused_documents(case) -> list[dict]:
    """Each refusal, oldest first: the document's name, why, and when."""
    return [
        {"name": data.get("document", ""), "reason": data.get("reason", ""), "at": at}
        for data, at in sql.events(case.subject, DOCUMENT_REFUSED)
    ]
