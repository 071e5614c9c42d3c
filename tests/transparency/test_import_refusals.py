"""What the import cannot read it refuses with the file's line and what is wrong, and writes
nothing; every published file in the shared folder is either read or refused with what it is.
`custodes report import` on a fresh data folder migrates first."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from custodes.law.refusal import Refused
from custodes.transparency.importing import import_file
from custodes.transparency.models import PublishedTotal
from custodes.transparency.periods import Period
from tests.transparency.published_files import DATA, OURS

pytestmark = pytest.mark.django_db

GOOGLE_HEADER = (
    "Period Ending,Country/Region,CLDR Territory Code,Legal Process,User Data Requests,"
    "Percentage disclosed,Accounts\n"
)
NOT_TOTALS = {
    "google-usnationalsecurity-nsl-requests-released.csv",
    "user_notifications_of_legal_request_disclosures_by_calendar_year_half.csv",
}


def test_a_bad_row_is_named_by_its_line_and_nothing_is_imported(tmp_path):
    path = tmp_path / "totals.csv"
    path.write_text(
        GOOGLE_HEADER + "2025-06-30,Germany,DE,Other Legal Requests,120,71,140\n"
        "2025-06-30,France,FR,Other Legal Requests,80,60,95\n"
        "2025-06-30,Spain,ES,Other Legal Requests,many,60,95\n"
    )
    with pytest.raises(Refused, match=r"line 4: User Data Requests 'many'"):
        import_file(path)
    assert not PublishedTotal.objects.exists()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a,b,c\n1,2,3\n", "line 1: not a schema custodes reads"),
        ("year,half,count_accounts_affected\n2025,3,10\n", "line 2: half 3 of 2025"),
        (
            GOOGLE_HEADER + "2025-05-31,Germany,DE,All,1,2,3\n",
            "line 2: Period Ending 2025-05-31 does not end a half-year",
        ),
        (
            GOOGLE_HEADER + "31/11/2025,Germany,DE,All,1,2,3\n",
            r"line 2: Period Ending '31/11/2025' is not the last day of a half-year",
        ),
        (
            GOOGLE_HEADER + "2025-06-30,Germany,DE,All,1,250,3\n",
            "line 2: Percentage disclosed '250' is not between 0 and 100",
        ),
        (GOOGLE_HEADER + "2025-06-30,Germany,DE,All,1,2\n", "line 2: 6 cells, the header has 7"),
        (
            GOOGLE_HEADER + "2025-06-30,Germany,DE,All,1,2,3\n2025-06-30,Germany,DE,All,4,5,6\n",
            r"line 3: a second row for DE 'All' in 2025H1 \(the first at line 2\)",
        ),
    ],
)
def test_files_and_rows_custodes_cannot_read_are_refused(tmp_path, text, message):
    path = tmp_path / "totals.csv"
    path.write_text(text)
    with pytest.raises(Refused, match=message):
        import_file(path)
    assert not PublishedTotal.objects.exists()


def test_a_stray_byte_in_a_figure_is_refused_by_its_line_not_its_byte_offset(tmp_path):
    path = tmp_path / "totals.csv"
    path.write_bytes(GOOGLE_HEADER.encode() + b"2025-06-30,Germany,DE,All,1\x92,2,3\n")
    with pytest.raises(Refused, match=r"line 2: User Data Requests '1\ufffd'"):
        import_file(path)


def test_a_spreadsheet_saved_under_a_csv_name_is_refused(tmp_path):
    path = tmp_path / "totals.csv"
    path.write_bytes(b"PK\x03\x04\x00\x00binary")
    with pytest.raises(Refused, match="not a CSV text file"):
        import_file(path)


def test_a_period_that_is_no_half_year_or_quarter_is_refused():
    with pytest.raises(Refused, match=r"half-year \(2017H1\) or a quarter \(2023Q2\)"):
        import_file(OURS / "meta-government-requests-2017-H1.csv", Period.parse("2017"))


def test_a_refused_file_leaves_what_was_imported_before_untouched(tmp_path):
    import_file(OURS / "google-user-data-requests_2017.csv")
    before = list(PublishedTotal.objects.values_list("period", "country", "requests"))
    path = tmp_path / "google-2017.csv"
    text = (OURS / "google-user-data-requests_2017.csv").read_text()
    path.write_text(text.replace("31/12/09,Argentina,AR,All,98", "31/12/09,Argentina,AR,All,9 8"))
    with pytest.raises(Refused, match="line 2:"):
        import_file(path)
    assert list(PublishedTotal.objects.values_list("period", "country", "requests")) == before


@pytest.mark.parametrize(
    "path", sorted(DATA.rglob("*.csv")), ids=lambda path: str(path.relative_to(DATA))
)
def test_every_published_file_is_read_or_refused_with_what_it_is(path):
    if path.name in NOT_TOTALS:
        with pytest.raises(Refused, match=r"not totals|not of requests"):
            import_file(path)
        assert not PublishedTotal.objects.exists()
        return
    done = import_file(path)
    assert done.rows > 0
    assert PublishedTotal.objects.count() == done.rows


def _custodes(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    unset = ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")
    env = {k: v for k, v in os.environ.items() if k not in unset}
    env |= {"CUSTODES_DATA_DIR": str(tmp_path / "fresh"), "CUSTODES_DEBUG": "true"}
    command = [str(Path(sys.executable).with_name("custodes")), "report", "import", *args]
    return subprocess.run(command, env=env, capture_output=True, text=True, check=False)


@pytest.mark.slow  # a child process
def test_the_command_on_a_fresh_data_folder_migrates_first_and_says_what_it_read(tmp_path):
    done = _custodes(tmp_path, str(OURS / "google-user-data-requests_2014.csv"))
    assert done.returncode == 0, done.stderr
    assert "migrating it first" in done.stderr
    assert "google-user-data-requests_2014.csv: 13 rows imported." in done.stdout
    assert "note: Google: a blank Legal Process read as All" in done.stdout
    again = _custodes(tmp_path, str(OURS / "meta-government-requests-2017-H1.csv"))
    assert "migrating" not in again.stderr and "20 rows imported" in again.stdout


@pytest.mark.slow  # a child process
def test_the_command_refuses_a_bad_file_in_one_line(tmp_path):
    bad = tmp_path / "totals.csv"
    bad.write_text("a,b,c\n")
    done = _custodes(tmp_path, str(bad))
    assert done.returncode == 2
    said = [line for line in done.stderr.splitlines() if "migrating it first" not in line]
    assert len(said) == 1 and "Traceback" not in done.stderr
    assert "line 1: not a schema custodes reads" in done.stderr
    assert "Nothing from totals.csv was imported." in done.stderr


HEADERS = [
    GOOGLE_HEADER,
    "year,half,type,count_requests_received,count_disclosed\n",
    "Country,Total Data Requests,Total Users/Accounts Requested,"
    "Percent Requests Where Some Data Produced,Search Warrant,Search Warrant Accounts\n",
    "Government Information Requests,,\n,,\nCountry,Requests,Information Produced\n",
]
READABLE = st.sampled_from(["", "--", "0 - 499", "1,234", "85.00%", "12/31/09", "2025-06-30"])
CELL = st.one_of(
    READABLE,
    st.sampled_from(["1", "3", "50%", "Germany", "2025", "US", "All"]),
    st.text(st.characters(blacklist_categories=["Cs"]), max_size=12),
    st.integers(min_value=0, max_value=10**12).map(str),
)


@pytest.mark.slow  # 200 examples
@settings(max_examples=200, deadline=None)
@given(header=st.sampled_from(HEADERS), data=st.data(), junk=st.binary(max_size=8))
def test_whatever_a_file_holds_it_is_read_or_refused(tmp_path_factory, header, data, junk):
    width = header.splitlines()[-1].count(",") + 1
    rows = data.draw(st.lists(st.lists(CELL, min_size=width, max_size=width), max_size=6))
    path = tmp_path_factory.mktemp("fuzz") / "meta-2017-H1 2023-Q2.csv"
    body = "\n".join(",".join(f'"{c}"' if "," in c else c for c in row) for row in rows)
    path.write_bytes(header.encode() + body.encode("utf-8", "surrogatepass") + junk)
    try:
        done = import_file(path)
    except Refused as refusal:
        assert str(refusal).startswith(str(path))
        event("refused")
        return
    event("imported")
    assert done.rows <= PublishedTotal.objects.count()
