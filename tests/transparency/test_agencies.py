"""The requesting agency's name as read, grouped under a canonical agency and its parent."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from custodes.transparency.agencies import OTHER, Agency, TableError, load, normalise

HSI = Agency("Homeland Security Investigations", "Department of Homeland Security")


@pytest.mark.parametrize(
    "name",
    [
        "HSI",
        "hsi",
        "Homeland Security Investigations",
        "ICE HSI",
        "ICE/HSI",
        "ICE-HSI",
        "U.S. Immigration and Customs Enforcement – Homeland Security Investigations",
        "US Immigration & Customs Enforcement - Homeland Security Investigations",
        "United States Immigration and Customs Enforcement, Homeland Security Investigations",
        "the Homeland Security Investigations",
        "  Homeland   Security Investigations. ",
        "Homeland Security Investigations (HSI)",
    ],
)
def test_every_spelling_of_hsi_is_one_agency_under_dhs(name):
    assert load().canonical(name) == HSI


@pytest.mark.parametrize(
    ("name", "agency", "parent"),
    [
        ("FBI", "Federal Bureau of Investigation", "Department of Justice"),
        (
            "Federal Bureau of Investigation (FBI)",
            "Federal Bureau of Investigation",
            "Department of Justice",
        ),
        ("The U.S. Dept. of Justice", "Department of Justice", "Department of Justice"),
        ("United States Department of Justice", "Department of Justice", "Department of Justice"),
        ("ICE", "Immigration and Customs Enforcement", "Department of Homeland Security"),
        (
            "U.S. Immigration and Customs Enforcement",
            "Immigration and Customs Enforcement",
            "Department of Homeland Security",
        ),
        (
            "Dep't of Homeland Security",
            "Department of Homeland Security",
            "Department of Homeland Security",
        ),
        (
            "U. S. Customs and Border Protection",
            "Customs and Border Protection",
            "Department of Homeland Security",
        ),
        ("United States Secret Service", "Secret Service", "Department of Homeland Security"),
        (
            "Drug Enforcement Administration",
            "Drug Enforcement Administration",
            "Department of Justice",
        ),
        (
            "Bureau of Alcohol, Tobacco, Firearms & Explosives",
            "Bureau of Alcohol, Tobacco, Firearms and Explosives",
            "Department of Justice",
        ),
        ("Department of Treasury", "Department of the Treasury", "Department of the Treasury"),
        (
            "HHS-OIG",
            "Office of Inspector General, Health and Human Services",
            "Department of Health and Human Services",
        ),
        (
            "U.S. Attorney's Office for the Southern District of New York",
            "United States Attorney's Office",
            "Department of Justice",
        ),
        (
            "Springfield Police Department",
            "City or county police",
            "State and local law enforcement",
        ),
        ("Cook County Sheriff's Office", "County sheriff", "State and local law enforcement"),
        ("Texas Attorney General", "State attorney general", "State and local law enforcement"),
        (
            "Office of the Attorney General of Texas",
            "State attorney general",
            "State and local law enforcement",
        ),
        (
            "Pennsylvania State Police",
            "State police or highway patrol",
            "State and local law enforcement",
        ),
        (
            "California Highway Patrol",
            "State police or highway patrol",
            "State and local law enforcement",
        ),
        (
            "Kings County District Attorney's Office",
            "District or county attorney",
            "State and local law enforcement",
        ),
        ("Superior Court of California, County of Los Angeles", "Court", "Courts"),
    ],
)
def test_names_are_grouped_under_their_canonical_agency(name, agency, parent):
    assert load().canonical(name) == Agency(agency, parent)


def test_a_name_in_no_table_is_reported_as_read_under_other():
    assert load().canonical("  Bureau of  Lunar Affairs ") == Agency(
        "Bureau of Lunar Affairs", OTHER
    )
    assert load().canonical(None).parent == OTHER
    assert load().canonical("").name == "Not stated"


def test_normalisation_folds_case_punctuation_us_dept_and_the():
    assert normalise("The U.S. Dept. of Justice") == "us department of justice"
    assert normalise("United States Department of Justice") == "us department of justice"
    assert normalise("ICE/HSI") == normalise("ice hsi") == "ice hsi"
    assert normalise("Alcohol, Tobacco & Firearms") == "alcohol tobacco and firearms"
    # "us" inside a word is no abbreviation
    assert normalise("USCIS") == "uscis" and normalise("Bus Authority") == "bus authority"


def test_distinct_names_are_mapped_once():
    grouped = load().group(["HSI", "ICE HSI", "HSI", "FBI"])
    assert set(grouped) == {"HSI", "ICE HSI", "FBI"}
    assert grouped["HSI"] == grouped["ICE HSI"] == HSI


def test_the_table_has_thirty_to_forty_kinds_of_agency():
    table = load()
    kinds = set(table.spellings.values()) | {agency for _, agency in table.patterns}
    assert 30 <= len(kinds) <= 45


def test_staff_extend_the_table_with_their_own_file(tmp_path):
    extra = tmp_path / "ours.toml"
    extra.write_text(
        """
[[agency]]
name = "Bureau of Lunar Affairs"
parent = "Department of Space"
names = ["BLA", "Lunar Bureau"]
patterns = ["* lunar police"]

[[agency]]
name = "Homeland Security Investigations"
parent = "Department of Homeland Security"
names = ["Homeland Sec. Investigations Unit"]
""",
        encoding="utf-8",
    )
    table = load((str(extra),))
    lunar = Agency("Bureau of Lunar Affairs", "Department of Space")
    assert table.canonical("BLA") == table.canonical("the lunar bureau") == lunar
    assert table.canonical("Tranquility Base Lunar Police") == lunar
    assert table.canonical("Homeland Sec Investigations Unit") == HSI
    assert table.canonical("ICE HSI") == HSI  # the built-in table still holds
    assert load().canonical("BLA").parent == OTHER  # and is untouched


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("[[agency]\nname=", "not valid TOML"),
        ("title = 'no agencies'", "no [[agency]] entries"),
        ("[[agency]]\nname = 'X'", "has no parent"),
        ("[[agency]]\nname = 'X'\nparent = 'Y'\nnames = 'X'", "must be a list of strings"),
        ("[[agency]]\nname = 'X'\nparent = 'Y'\npatterns = ['*']", "matches everything"),
        ("[[agency]]\nname = 'X'\nparent = 'Y'\nspelling = ['X']", "unknown keys"),
    ],
)
def test_a_bad_table_fails_loudly_naming_the_file(tmp_path, text, problem):
    bad = tmp_path / "bad.toml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(TableError, match=re.escape(problem)) as raised:
        load((str(bad),))
    assert "bad.toml" in str(raised.value)


def test_a_missing_table_fails_loudly(tmp_path):
    with pytest.raises(TableError, match="cannot be read"):
        load((str(tmp_path / "nowhere.toml"),))


@pytest.mark.slow
def test_the_setting_naming_a_missing_file_stops_the_start(tmp_path):
    env = {
        "CUSTODES_AGENCY_TABLES": str(tmp_path / "nowhere.toml"),
        "SECRET_KEY": "test",
        "CUSTODES_DATA_DIR": str(tmp_path),
        "PATH": "/usr/bin:/bin",
    }
    run = subprocess.run(
        [sys.executable, "-c", "import custodes.settings"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode != 0
    assert "CUSTODES_AGENCY_TABLES" in run.stderr and "cannot be read" in run.stderr
