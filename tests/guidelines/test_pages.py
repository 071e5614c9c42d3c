"""/guidelines/ says every rule of the pack the desk applies, in the pack's words beside it,
with its citation; it changes when the pack does; it is public and holds nothing of any case.
Dana, a detective, reads it before she serves a demand; Priya, a journalist, reads the policy."""

from __future__ import annotations

import dataclasses
import html
import io
import json
import tomllib
from importlib import resources

import pytest
from django.test import Client
from pypdf import PdfReader

from custodes.law.guidelines import load_words
from custodes.law.pack import load_pack
from custodes.law.vocab import Code, Instrument

pytestmark = pytest.mark.django_db

# Every element of the frameworks the policy page answers (shared/reference/legal-research.md §5).
ELEMENTS = (
    [f"RDR P10a.{n}" for n in range(1, 8)]
    + [f"RDR P11a.{n}" for n in range(1, 11)]
    + [f"RDR P12.{n}" for n in range(1, 4)]
    + [f"EFF WHYB 2017.{n}" for n in range(1, 5)]
)


def _us_toml() -> dict:
    return tomllib.loads((resources.files("custodes.law") / "packs" / "us.toml").read_text())


def _rule_blocks(page: str) -> dict[str, str]:
    """Each rule's block on the page, by the pack row it says: `data-row="…"` to its end."""
    blocks = {}
    for part in page.split('<div class="rule"')[1:]:
        key = html.unescape(part.split('data-row="', 1)[1].split('"', 1)[0])
        blocks[key] = html.unescape(part.split("</div>", 1)[0])
    return blocks


def test_every_rule_of_the_us_pack_has_its_sentence_on_the_page():
    dana = Client()
    page = dana.get("/guidelines/").content.decode()
    blocks = _rule_blocks(page)
    pack, words = _us_toml(), load_words("us")
    rows = [("instruments", key, rule["citation"]) for key, rule in pack["instruments"].items()]
    rows += [("findings", key, rule["citation"]) for key, rule in pack["findings"].items()]
    rows += [("statutes", s["cite"], s["citation"]) for s in pack["statutes"]]
    assert len(rows) == len(blocks)
    for kind, key, citation in rows:
        block = blocks[f"{kind}.{key}"]
        assert words[kind][key]["text"] in block, f"{kind}.{key} has no sentence on /guidelines/"
        assert citation in block, f"{kind}.{key} is shown without its citation"


def test_a_change_of_the_pack_changes_the_page(monkeypatch):
    pack = load_pack()
    before = Client().get("/guidelines/").content.decode()
    order = pack.instruments[Instrument.COURT_ORDER_2703D]
    changed = dataclasses.replace(
        pack,
        version="2027-02-01",
        instruments={
            **pack.instruments,
            Instrument.COURT_ORDER_2703D: dataclasses.replace(
                order, citation="18 U.S.C. § 2703(d) (as amended 2027)"
            ),
        },
        findings={
            **pack.findings,
            Code.NDO_UNBOUNDED: dataclasses.replace(
                pack.findings[Code.NDO_UNBOUNDED], citation="Justice Manual 9-13.700 (2027)"
            ),
        },
    )
    monkeypatch.setattr("custodes.guidelines.document.load_pack", lambda: changed)
    after = Client().get("/guidelines/").content.decode()
    assert after != before
    blocks = _rule_blocks(after)
    assert "(as amended 2027)" in blocks["instruments.court_order_2703d"]
    assert "Justice Manual 9-13.700 (2027)" in blocks["findings.NDO_UNBOUNDED"]
    assert "version 2027-02-01" in after and "1 February 2027" in after


def test_the_page_names_the_provider_its_address_and_contact_from_settings(settings):
    settings.CUSTODES_PROVIDER = ("Parley Social, Inc.",)
    settings.CUSTODES_PROVIDER_ADDRESS = "Legal Process, 100 Pier Street, Oakland, CA 94607"
    settings.CUSTODES_PROVIDER_CONTACT = "lawenforcement@parley.example"
    settings.CUSTODES_SITE_URL = "https://desk.parley.example"
    settings.CUSTODES_CHALLENGE_WINDOW_DAYS = 10
    settings.CUSTODES_GOVERNMENT_DOMAINS = ("sheriff.example.org",)
    page = html.unescape(Client().get("/guidelines/").content.decode())
    assert "Parley Social, Inc.: Guidelines for law enforcement" in page
    assert "Service by post: Legal Process, 100 Pier Street, Oakland, CA 94607." in page
    assert "Contact: lawenforcement@parley.example." in page
    assert "https://desk.parley.example/portal/signup/" in page
    assert "has 10 days to object" in page
    assert (
        "those known are sheriff.example.org; the .gov domains CISA lists, mil, fed.us (US); "
        "gov.uk," in page
    )


def test_json_and_pdf_say_the_same_rules_with_the_version(settings):
    client = Client()
    data = json.loads(client.get("/guidelines/guidelines.json").content)
    assert data["version"] == load_pack().version and data["dated"] == load_pack().version
    rows = {row["key"]: row for section in data["sections"] for row in section["rows"]}
    assert rows["instruments.search_warrant"]["reaches"][-1] == "location history"
    assert {f"{c['framework']} {c['element']}" for c in data["commitments"]} == set(ELEMENTS)
    response = client.get("/guidelines/guidelines.pdf")
    name = f"guidelines-us-{load_pack().version}.pdf"
    assert response["Content-Disposition"] == f'attachment; filename="{name}"'
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    text = " ".join(text.split())
    assert "Content and location history are produced only on a search warrant" in text
    assert "RDR P12.3" in text and "EFF WHYB 2017.4" in text


def test_on_its_defaults_the_policy_shows_every_element_with_what_keeps_it():
    priya = Client()
    page = html.unescape(priya.get("/guidelines/policy/").content.decode())
    for element in ELEMENTS:
        assert f">{element}</span>" in page, f"{element} is not on the policy page"
    assert page.count('<article class="commitment"') == len(ELEMENTS)
    assert "the setting CUSTODES_REPORT_DELAY_DAYS</code> = 30" in page.replace("<code>", "")
    assert "each half-year is published 30 days after it ends".lower() in page.lower()
    assert "the rule findings.NDO_UNBOUNDED</code>" in page.replace("<code>", "")


def test_it_is_public_read_only_and_says_nothing_of_any_case(open_case):
    open_case(
        agency="Homeland Security Investigations",
        selectors=[{"kind": "username", "value": "quiet_neighbour_77"}],
    )
    stranger = Client(enforce_csrf_checks=True)
    for path in ("/guidelines/", "/guidelines/policy/", "/guidelines/guidelines.json"):
        response = stranger.get(path)
        assert response.status_code == 200
        assert b"quiet_neighbour_77" not in response.content
        assert b"Homeland Security Investigations" not in response.content
    assert Client().post("/guidelines/").status_code == 405


def test_the_portal_and_the_report_lead_to_the_guidelines():
    dana = Client()
    assert b'href="/guidelines/"' in dana.get("/portal/signup/").content
    assert b'href="/guidelines/"' in dana.get("/transparency/").content
