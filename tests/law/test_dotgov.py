"""The registered .gov domains: the snapshot custodes ships is CISA's file, and a refresh reads
the file as CISA publishes it, refusing a broken one by line without touching the snapshot."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from custodes.law import dotgov
from custodes.law.refusal import Refused

CISA = Path(__file__).resolve().parents[3] / "shared" / "data" / "dotgov" / "current-full.csv"
HEADER = (
    "Domain name,Domain type,Organization name,Suborganization name,City,State,"
    "Security contact email\n"
)


def _cisa(tmp_path: Path, *rows: str, header: str = HEADER) -> Path:
    path = tmp_path / "current-full.csv"
    path.write_text(header + "".join(row + "\n" for row in rows), encoding="utf-8")
    return path


def test_the_shipped_snapshot_keeps_its_date_source_and_holders():
    snapshot = dotgov.registered()
    assert snapshot.as_of == date(2026, 8, 22)
    assert "cisagov/dotgov-data" in snapshot.source
    assert len(snapshot.domains) > 16_000
    fbi = snapshot.domains["fbi.gov"]
    assert fbi.kind == "Federal - Executive"
    assert fbi.holder == "Department of Justice, Federal Bureau of Investigation (DC)"


@pytest.mark.skipif(not CISA.exists(), reason="shared/data/dotgov is not beside this checkout")
def test_the_shipped_snapshot_is_cisas_file():
    read = dotgov.read_cisa(CISA, date(2026, 8, 22))
    assert read.domains == dotgov.registered().domains
    assert not read.left_out


def test_a_refresh_writes_a_snapshot_that_reads_back(tmp_path):
    path = _cisa(
        tmp_path,
        "millbrookor.gov,City,City of Millbrook,Police Department,Millbrook,OR,(blank)",
        "Navajo-NSN.gov,Tribal,Navajo Nation,,Window Rock,AZ,(blank)",
        "fakeco.gov,Commercial,Fake Co,,,,",
    )
    read = dotgov.read_cisa(path, date(2026, 11, 30), "a test file")
    target = tmp_path / "dotgov.tsv"
    dotgov.write_snapshot(read, target)
    back = dotgov.read_snapshot(target)
    assert back.as_of == date(2026, 11, 30) and back.source == "a test file"
    assert set(back.domains) == {"millbrookor.gov", "navajo-nsn.gov"}
    assert back.domains["millbrookor.gov"].holder == "City of Millbrook, Police Department (OR)"
    assert read.left_out == {"Commercial": 1}  # not a government's type: left out, counted


@pytest.mark.parametrize(
    ("row", "said"),
    [
        ("fbi.com,Federal,FBI,,,DC,", "line 2: 'fbi.com' is not a domain directly under .gov"),
        ("a.fbi.gov,Federal,FBI,,,DC,", "line 2: 'a.fbi.gov' is not a domain directly under"),
        ("xn--zz.gov,City,X,,,OR,", "line 2: 'xn--zz.gov' is not a valid domain name"),
    ],
)
def test_a_bad_row_is_refused_by_its_line(tmp_path, row, said):
    path = _cisa(tmp_path, row, "ok.gov,City,City of OK,,,OK,")  # the bad row on line 2
    with pytest.raises(Refused, match=re.escape(said)):
        dotgov.read_cisa(path, date(2026, 11, 30))


def test_a_file_without_cisas_columns_says_which_are_missing(tmp_path):
    path = _cisa(tmp_path, "fbi.gov,Federal", header="Domain name,Kind\n")
    with pytest.raises(Refused, match="no column 'Domain type'"):
        dotgov.read_cisa(path, date(2026, 11, 30))


def test_a_file_that_is_not_utf8_is_refused_by_its_line(tmp_path):
    path = tmp_path / "current-full.csv"
    path.write_bytes(HEADER.encode() + b"ok.gov,City,Caf\xe9 City,,,OK,\n")
    with pytest.raises(Refused, match="line 2: not UTF-8"):
        dotgov.read_cisa(path, date(2026, 11, 30))


def test_a_file_with_no_government_domain_is_refused(tmp_path):
    path = _cisa(tmp_path, "fakeco.gov,Commercial,Fake Co,,,,")
    with pytest.raises(Refused, match=re.escape("no .gov domain of a government type")):
        dotgov.read_cisa(path, date(2026, 11, 30))


def test_a_domain_is_found_alike_before_and_after_the_whole_list_is_read():
    snapshot = dotgov.read_snapshot(dotgov.snapshot_path())
    asked = ("fbi.gov", "18f.gov", "ny.gov", "nosuch.gov", "", "fbi.gov\tFederal")
    one_by_one = [snapshot.domains.get(domain) for domain in asked]
    assert len(snapshot.domains) > 16_000  # every line read
    assert one_by_one == [snapshot.domains.get(domain) for domain in asked]
    assert one_by_one[0].holder.startswith("Department of Justice") and one_by_one[3] is None
