"""Sign-up domains: government ones on the real lists accepted, free-mail and look-alikes refused
with the reason, anything else (a .gov domain CISA does not list among them) held for staff."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from custodes.law.vetting import ACCEPT, HOLD, REFUSE, vet_domain


@pytest.mark.parametrize(
    "domain",
    [
        "fbi.gov",
        "ny.fbi.gov",
        "kingcounty.gov",
        "fec.gov",
        "troopers.ny.gov",
        "met.police.uk",
        "bka.bund.de",
        "co.kern.ca.us",
        "army.mil",
        "nypd.org",  # New York's police write from .org, and nypd.gov is no one's
        "polizei.bayern.de",  # a German state police, under .de
        "scotland.police.uk",
        "29palms.gov",  # a city on CISA's list
    ],
)
def test_a_government_domain_is_accepted(domain):
    assert vet_domain(domain).verdict == ACCEPT


def test_the_reason_names_who_holds_the_domain():
    assert "Federal Bureau of Investigation" in vet_domain("fbi.gov").reason
    assert "Bayerische Polizei" in vet_domain("polizei.bayern.de").reason


@pytest.mark.parametrize("domain", ["gmail.com", "outlook.com", "proton.me", "gmx.de", "mail.ru"])
def test_free_mail_is_refused(domain):
    vetting = vet_domain(domain)
    assert vetting.verdict == REFUSE and "free-mail" in vetting.reason


LOOK_ALIKES = [
    ("fbi-gov.com", "fbi.gov"),  # the agency's name and "gov" as words
    ("fbigov.net", "fbi.gov"),  # run together
    ("fbi.com", "fbi.gov"),  # wrong top-level domain
    ("fbi.gov.co", "fbi.gov"),  # a real government suffix appended
    ("fbi.qov", "fbi.gov"),  # one letter off
    ("fib.gov.us", "fbi.gov"),  # letters swapped
    ("usd0j.gov.us", "usdoj.gov"),  # a digit for a letter
    ("xn--fb-ioc.gov", "fbi.gov"),  # a Cyrillic і, as it arrives in punycode
    ("rnet.police.uk", "met.police.uk"),  # rn for m
    ("secure-fbi.net", "fbi.gov"),  # a word added
    ("dhs-gov.net", "dhs.gov"),
    ("met-police.uk", "met.police.uk"),
    ("bka-bund.de", "bka.bund.de"),
    ("atf.gov.us", "atf.gov"),
    ("usmarshals.co", "usmarshals.gov"),
    ("troopers-ny.gov.com", "troopers.ny.gov"),
    ("nypd.com", "nypd.org"),  # the real-list domains have their look-alikes too
    ("nypd.gov", "nypd.org"),  # registered to no one: New York writes from nyc.gov and nypd.org
    ("nypd-org.us", "nypd.org"),
    ("polizei-bayern.de", "polizei.bayern.de"),
    ("po1izei.bayern.de", "polizei.bayern.de"),
    ("polizei.bayern.de.com", "polizei.bayern.de"),
    ("chicag0police.org", "chicagopolice.org"),
    ("scottsdaleaz-gov.com", "scottsdaleaz.gov"),  # any city on CISA's list
    ("29palmsgov.net", "29palms.gov"),
    ("xn--scottsdleaz-4ij.gov", "scottsdaleaz.gov"),  # a Cyrillic а,
]


@pytest.mark.parametrize(("domain", "imitated"), LOOK_ALIKES)
def test_a_look_alike_is_refused_naming_what_it_imitates(domain, imitated):
    vetting = vet_domain(domain)
    assert vetting.verdict == REFUSE
    assert f"looks like {imitated}" in vetting.reason


def test_a_domain_imitating_no_agency_but_claiming_government_is_refused():
    assert vet_domain("county-police.net").verdict == REFUSE


@pytest.mark.parametrize("domain", ["millbrookpd.org", "cookcountysao.org", "coldwatercounty.us"])
def test_an_unlisted_domain_is_held_for_staff(domain):
    vetting = vet_domain(domain)
    assert vetting.verdict == HOLD and "Staff will confirm" in vetting.reason


def test_a_gov_domain_cisa_does_not_list_is_held_not_accepted():
    vetting = vet_domain("coldwatercountyor.gov")
    assert vetting.verdict == HOLD
    assert "CISA's list of registered .gov domains as of 2026-08-22" in vetting.reason


@pytest.mark.parametrize("domain", ["xn--zz.gov", "xn--fbi-.gov", "fbi..gov", "-fbi.gov"])
def test_a_domain_whose_punycode_or_labels_are_broken_is_refused(domain):
    vetting = vet_domain(domain)
    assert vetting.verdict == REFUSE and "not a valid domain name" in vetting.reason


@pytest.mark.parametrize("domain", ["wa.gov.au", "police.wa.gov.au", "nsw.gov.au"])
def test_a_government_zone_abroad_is_no_copy_of_a_gov_domain(domain):
    # wa.gov is Washington State's; wa.gov.au is Western Australia's own
    assert vet_domain(domain).verdict == ACCEPT


def test_a_deployments_allowlist_is_accepted():
    assert vet_domain("millbrookpd.org", ("millbrookpd.org",)).verdict == ACCEPT


@given(st.text(max_size=60))
def test_any_domain_text_gets_a_verdict_and_a_reason(text):
    vetting = vet_domain(text)
    assert vetting.verdict in (ACCEPT, HOLD, REFUSE) and vetting.reason
