"""The published demands, public at /transparency/demands/: an index, each demand's page and
JSON record at a stable address, and an Atom feed. Only approved publications exist here; the
page shows only the redacted text, never the original."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from custodes.law import words
from custodes.provider import provider_name
from custodes.publishing.models import Publication
from custodes.publishing.services import published


def _published_or_404(slug: str) -> Publication:
    try:
        return published().select_related("case").get(slug=slug)
    except Publication.DoesNotExist:
        raise Http404("No published demand has that address.") from None


def _url(publication: Publication) -> str:
    return settings.CUSTODES_SITE_URL + reverse("publishing:demand", args=[publication.slug])


def title(publication: Publication) -> str:
    facts = publication.record
    process = words.label("instrument", facts.get("instrument", "unknown"))
    agency = facts.get("agency") or "an agency"
    outcome = words.label("outcome", facts.get("outcome") or "") or "closed"
    return f"{process.capitalize()} from {agency}, {outcome}"


def as_record(publication: Publication) -> dict:
    return {
        "slug": publication.slug,
        "url": _url(publication),
        "title": title(publication),
        "published_at": publication.published_at.isoformat(timespec="seconds"),
        **publication.record,
        "redactions": len(publication.spans),
        "text": publication.redacted_text,
    }


def index(request):
    items = [(p, title(p)) for p in published()]
    context = {"items": items, "provider": provider_name("This service")}
    return render(request, "publishing/index.html", context)


def demand_page(request, slug: str):
    publication = _published_or_404(slug)
    context = {
        "publication": publication,
        "title": title(publication),
        "facts": publication.record,
        "process": words.label("instrument", publication.record.get("instrument", "unknown")),
        "outcome": words.label("outcome", publication.record.get("outcome") or ""),
        "provider": provider_name("This service"),
    }
    return render(request, "publishing/demand.html", context)


def demand_json(request, slug: str):
    record = as_record(_published_or_404(slug))
    return JsonResponse(record, json_dumps_params={"indent": 2, "ensure_ascii": False})


def feed(request):
    site = settings.CUSTODES_SITE_URL
    atom = Atom1Feed(
        title=f"{provider_name('This service')}: published government demands",
        link=site + reverse("publishing:index"),
        description="Demands for users' data, published redacted once nothing forbids it.",
        feed_url=site + reverse("publishing:feed"),
        language="en",
    )
    for publication in published()[:50]:
        atom.add_item(
            title=title(publication),
            link=_url(publication),
            description=publication.redacted_text[:600],
            unique_id=_url(publication),
            pubdate=publication.published_at,
            updateddate=publication.published_at,
        )
    return HttpResponse(atom.writeString("utf-8"), content_type="application/atom+xml")
