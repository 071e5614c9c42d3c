"""Government domains known from real lists: every domain on them is a government's and never
a look-alike; a demand from one is not held up as unverified, and one copying them is."""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest

from custodes.law import dotgov
from custodes.law.domain_names import ascii_form
from custodes.law.domains import (
    check_domain,
    curated,
    imitated_agencies,
    look_alike,
)
from custodes.law.vocab import Code
from tests.helpers import decide


def _curated_entries() -> list[dict]:
    path = resources.files("custodes.law") / "data" / "government.toml"
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    return data["suffixes"] + data["domains"]


@pytest.mark.parametrize(
    "entry", _curated_entries(), ids=lambda e: e.get("domain", e.get("suffix"))
)
def test_every_curated_entry_is_a_valid_domain_with_its_source(entry):
    name = entry.get("domain", entry.get("suffix"))
    assert ascii_form(name) == name
    assert entry["source"].strip()
    assert entry["country"] in ("", "EU") or len(entry["country"]) == 2


@pytest.mark.slow  # every domain on the .gov and curated lists
def test_no_domain_on_the_lists_is_a_look_alike():
    known = [*dotgov.registered().domains, *curated().domains]
    assert [domain for domain in known if look_alike(domain)] == []


def test_every_agency_judged_with_the_looser_rules_is_known():
    unknown = [a for a in imitated_agencies() if not check_domain(a).verified]
    assert unknown == []


@pytest.mark.parametrize(
    ("domain", "holder", "country"),
    [
        ("fbi.gov", "Federal Bureau of Investigation", "US"),
        ("oig.dol.gov", "Department of Labor", "US"),
        ("nypd.org", "New York City Police Department", "US"),
        ("polizei.bayern.de", "Bayerische Polizei", "DE"),
        ("ppmuc.polizei.bayern.de", "Bayerische Polizei", "DE"),
        ("scotland.police.uk", "Police Scotland", "GB"),
    ],
)
def test_a_listed_domain_is_known_by_its_holder_and_country(domain, holder, country):
    check = check_domain(domain)
    assert check.verified and check.listed
    assert holder in check.holder and check.country == country


def test_a_gov_domain_cisa_does_not_list_is_a_governments_but_not_known_by_name():
    check = check_domain("coldwatercountyor.gov")
    assert check.verified and not check.listed


@pytest.mark.parametrize(
    ("domain", "copied"),
    [
        ("xn--fb-ioc.gov", "fbi.gov"),
        ("rnet.police.uk", "met.police.uk"),
        ("fbi.gov.co", "fbi.gov"),
        ("polizei-bayern.de", "polizei.bayern.de"),
        ("nypd.org.ru", "nypd.org"),
        ("secure-nypdorg.com", "nypd.org"),
        ("kingcounty-gov.net", "kingcounty.gov"),
    ],
)
def test_a_domain_copying_a_listed_one_names_it(domain, copied):
    assert look_alike(domain) == copied


@pytest.mark.parametrize("domain", ["wa.gov.au", "police.wa.gov.au", "kent.ac.uk", "ohio.edu"])
def test_a_domain_that_merely_shares_a_name_copies_nothing(domain):
    assert look_alike(domain) is None


@pytest.mark.parametrize("email", ["det.okafor@nypd.org", "l.huber@polizei.bayern.de"])
def test_a_demand_from_a_police_domain_outside_gov_is_not_unverified(email):
    assert Code.REQUESTER_UNVERIFIED not in decide(requester={"email": email}).codes


def test_a_demand_from_a_copy_of_a_police_domain_names_what_it_copies():
    decision = decide(requester={"email": "det.okafor@nypd-org.us"})
    finding = next(f for f in decision.findings if f.code is Code.REQUESTER_UNVERIFIED)
    assert "imitates nypd.org" in finding.message


@pytest.mark.parametrize(
    ("email", "said"),
    [
        ("pc.evans@rnet.police.uk", "imitates met.police.uk"),  # under police.uk, a copy
        ("agent@xn--fb-ioc.gov", "imitates fbi.gov"),  # under .gov, a Cyrillic і
        ("agent@fbi.gov.co", "imitates fbi.gov"),
        ("agent@xn--zz.gov", "is not a known government domain"),  # punycode that is none
    ],
)
def test_a_government_zone_does_not_vouch_for_a_copy_or_a_broken_name(email, said):
    decision = decide(requester={"email": email})
    finding = next(f for f in decision.findings if f.code is Code.REQUESTER_UNVERIFIED)
    assert said in finding.message
