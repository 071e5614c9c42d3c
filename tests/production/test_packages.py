"""Sealed packages for the demo provider's accounts: exact rows, the manifest's hashes, the
key that opens them, what is left out and why, and a crash that leaves the case as it was."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import sqlite3
import zipfile

import pyrage
import pytest
from pyrage import x25519

from custodes.audit.models import Event
from custodes.cases import services as cases
from custodes.cases.models import Case
from custodes.cases.workflow import State
from custodes.production import package
from custodes.production import services as production
from custodes.production.models import Match, Production
from tests.notices.conftest import approve

pytestmark = pytest.mark.django_db

GAGGED = {"present": True, "court_ordered": True, "expires_on": "2027-05-22"}
AUTUMN = {"start": "2026-08-01", "end": "2026-11-15"}


def producing(open_case, counsel, **request):
    """A case cleared for production (a court's order delays notice, so none comes first)."""
    case = approve(open_case(nondisclosure=GAGGED, date_range=AUTUMN, **request), counsel)
    return cases.move(case, counsel, State.PRODUCING)


def sealed(case, counsel):
    production.resolve_targets(case, counsel)
    made, key = production.begin_seal(case, counsel)
    production.seal(made.pk)
    made.refresh_from_db()
    return made, key


def opened(made: Production, key: str) -> zipfile.ZipFile:
    with made.archive.open("rb") as handle:
        plain = pyrage.decrypt(handle.read(), [x25519.Identity.from_str(key)])
    return zipfile.ZipFile(io.BytesIO(plain))


def rows_of(archive: zipfile.ZipFile, name: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(archive.read(name).decode())))


def test_a_subpoena_produces_subscriber_records_and_lists_what_it_left_out(
    open_case, counsel, provider
):
    case = producing(
        open_case,
        counsel,
        selectors=[{"kind": "username", "value": "someone"}],
        categories=["subscriber", "content"],
    )
    made, key = sealed(case, counsel)
    assert made.status == Production.Status.SEALED
    archive = opened(made, key)
    assert archive.namelist() == [
        "subscriber/subscriber.csv",
        "subscriber/subscriber.json",
        "left-out.json",
        "cover-letter.pdf",
        "certificate-902-11.pdf",
        "manifest.json",
    ]
    assert rows_of(archive, "subscriber/subscriber.csv") == [
        [
            "account",
            "username",
            "display_name",
            "email",
            "phone",
            "address",
            "created_at",
            "created_ip",
            "payment",
        ],
        [
            "30000000002",
            "someone",
            "Some One",
            "someone@example.org",
            "+12025550123",
            "1 Main St, Springfield IL",
            "2024-06-11T09:01:44",
            "203.0.113.9",
            "none",
        ],
    ]
    as_json = json.loads(archive.read("subscriber/subscriber.json"))
    assert as_json["rows"] == [rows_of(archive, "subscriber/subscriber.csv")[1]]
    [left_out] = json.loads(archive.read("left-out.json"))
    assert left_out["what"] == "content" and "search warrant" in left_out["reason"]
    assert archive.read("cover-letter.pdf").startswith(b"%PDF")
    assert archive.read("certificate-902-11.pdf").startswith(b"%PDF")


def test_the_manifest_holds_the_hash_of_every_file_and_the_archive_its_own(
    open_case, counsel, provider
):
    case = producing(
        open_case,
        counsel,
        instrument="search_warrant",
        selectors=[{"kind": "username", "value": "river.city.plug"}],
        categories=["subscriber", "transactional", "content", "location"],
    )
    made, key = sealed(case, counsel)
    archive = opened(made, key)
    manifest = json.loads(archive.read("manifest.json"))
    listed = {entry["name"]: entry for entry in manifest["files"]}
    assert set(listed) == set(archive.namelist()) - {"manifest.json"}
    for name, entry in listed.items():
        data = archive.read(name)
        assert entry["sha256"] == hashlib.sha256(data).hexdigest() and entry["bytes"] == len(data)
    with made.archive.open("rb") as handle:
        assert hashlib.sha256(handle.read()).hexdigest() == made.sha256
    with sqlite3.connect(provider) as db:
        expected = db.execute(
            "SELECT account_id, at, ip, device FROM logins WHERE account_id = '55012876431' "
            "AND at >= '2026-08-01' AND at < '2026-11-16' ORDER BY at"
        ).fetchall()
    assert rows_of(archive, "transactional/logins.csv")[1:] == [list(r) for r in expected]
    assert listed["transactional/logins.csv"]["rows"] == len(expected)
    event = Event.objects.get(action="custodes.production.sealed")
    assert event.data["sha256"] == made.sha256 and event.data["rows"]["logins"] == len(expected)


def test_another_key_opens_nothing(open_case, counsel, provider):
    case = producing(open_case, counsel, selectors=[{"kind": "username", "value": "someone"}])
    made, _ = sealed(case, counsel)
    with made.archive.open("rb") as handle, pytest.raises(pyrage.DecryptError):
        pyrage.decrypt(handle.read(), [x25519.Identity.generate()])


def test_a_target_naming_several_accounts_waits_for_a_person(open_case, counsel, provider):
    case = producing(
        open_case, counsel, selectors=[{"kind": "username", "value": "riverside.mutual.aid"}]
    )
    [match] = production.resolve_targets(case, counsel)
    assert match.status == Match.Status.AMBIGUOUS
    assert match.candidates == ["30000000003", "30000000004"]
    with pytest.raises(cases.Refused, match=r"riverside\.mutual\.aid named several accounts"):
        production.begin_seal(case, counsel)
    with pytest.raises(cases.Refused, match="Say why"):
        production.choose_account(match, counsel, "30000000003", "")
    production.choose_account(match, counsel, "30000000003", "The demand quotes its bio.")
    made, key = production.begin_seal(case, counsel)
    production.seal(made.pk)
    made.refresh_from_db()
    accounts = {row[0] for row in rows_of(opened(made, key), "subscriber/subscriber.csv")[1:]}
    assert accounts == {"30000000003"}


def test_a_target_with_no_records_is_listed_as_such(open_case, counsel, provider):
    case = producing(
        open_case,
        counsel,
        selectors=[
            {"kind": "username", "value": "someone"},
            {"kind": "email", "value": "nobody@nowhere.example"},
        ],
    )
    made, key = sealed(case, counsel)
    left_out = json.loads(opened(made, key).read("left-out.json"))
    assert {"what": "email nobody@nowhere.example", "reason": "no records"} in left_out


def test_a_crash_while_sealing_leaves_the_case_as_it_was(open_case, counsel, provider, monkeypatch):
    case = producing(open_case, counsel, selectors=[{"kind": "username", "value": "someone"}])
    production.resolve_targets(case, counsel)
    made, _ = production.begin_seal(case, counsel)

    def broken(output, *args, **kwargs):
        output.write(b"half a package")
        raise OSError("disk full")

    monkeypatch.setattr(package, "write", broken)
    with pytest.raises(OSError, match="disk full"):
        production.seal(made.pk)
    made.refresh_from_db()
    assert made.status == Production.Status.FAILED and "disk full" in made.error
    assert not made.archive
    assert Case.objects.get(pk=case.pk).state == State.PRODUCING
    assert Event.objects.filter(action="custodes.production.failed").count() == 1
    partial = made.archive.storage.path("productions/partial")
    assert list(__import__("pathlib").Path(partial).iterdir()) == []


def test_a_package_is_sealed_only_when_producing(open_case, counsel, provider):
    case = approve(open_case(nondisclosure=GAGGED, date_range=AUTUMN), counsel)
    production.resolve_targets(case, counsel)
    with pytest.raises(cases.Refused, match="only once the case is producing"):
        production.begin_seal(case, counsel)


@pytest.mark.django_db(transaction=True)
def test_the_background_worker_seals_the_package(open_case, counsel, provider):
    from custodes.worker import tick

    case = producing(open_case, counsel, selectors=[{"kind": "username", "value": "someone"}])
    production.resolve_targets(case, counsel)
    made, key = production.begin_seal(case, counsel)
    tick()
    made.refresh_from_db()
    assert made.status == Production.Status.SEALED
    assert "subscriber/subscriber.csv" in opened(made, key).namelist()
