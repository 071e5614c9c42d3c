"""The objection link: signed, so it cannot be forged, and holding the notice's secret nonce,
so that it names one notice and stops working once used. When it expires is the notice's
objection deadline, checked on the server, never trusted from the link."""

from __future__ import annotations

from django.core import signing

from custodes.notices.models import Notice

SALT = "custodes.notices.objection"


class BadLink(Exception):
    """A link that was altered, made up, or points to no notice."""


def token_for(notice: Notice) -> str:
    return signing.dumps({"n": notice.pk, "k": notice.nonce}, salt=SALT)


def notice_for(token: str) -> Notice:
    try:
        data = signing.loads(token, salt=SALT)
        notice = Notice.objects.select_related("case__demand", "mail").get(pk=int(data["n"]))
    except (signing.BadSignature, Notice.DoesNotExist, KeyError, TypeError, ValueError):
        raise BadLink() from None
    if not isinstance(data.get("k"), str) or data["k"] != notice.nonce:
        raise BadLink()
    return notice
