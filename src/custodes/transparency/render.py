"""The report as CSV (the large providers' columns, then custodes' own), as JSON and as its HTML
page."""

from __future__ import annotations

import csv
import io
import json

from django.template.loader import render_to_string

from custodes.provider import provider_name
from custodes.transparency import breakdown, charts, schema
from custodes.transparency.aggregate import Figures, Report


def rows(report: Report) -> list[dict]:
    """One row per country and legal process, and an "All" row per country (preservation
    requests apart, as Google counts them); national security letters as bands."""
    out = []
    for country in report.countries:
        processes = [p for c, p in report.groups if c == country]
        for process in [schema.ALL, *sorted(processes)]:
            figures = report.total(country, None if process == schema.ALL else process)
            out.append(_row(report, country, process, figures))
    letters = report.national_security
    out.append(
        {
            **dict.fromkeys(schema.CSV_COLUMNS, ""),
            "Period Ending": report.period.end.isoformat(),
            "Country/Region": schema.country_name("US"),
            "CLDR Territory Code": "US",
            "Legal Process": "National Security Letters",
            "User Data Requests": letters["requests"],
            "Accounts": letters["accounts"],
        }
    )
    return out


def _row(report: Report, country: str, process: str, figures: Figures) -> dict:
    preservation = process == schema.PRESERVATION
    median = figures.median_days
    return {
        "Period Ending": report.period.end.isoformat(),
        "Country/Region": schema.country_name(country),
        "CLDR Territory Code": country,
        "Legal Process": process,
        "User Data Requests": figures.requests,
        "Percentage disclosed": "" if preservation else _blank(figures.percent_produced),
        "Accounts": figures.accounts,
        "Percentage with non-disclosure order": _blank(figures.percent_nondisclosure),
        "User notices sent": figures.notices_sent,
        "User notices delayed": figures.notices_delayed,
        "Objections": figures.objections,
        "Withdrawn": figures.withdrawn,
        "Quashed": figures.quashed,
        "Rejected": figures.rejected,
        "Median days to answer": "" if median is None else f"{median:g}",
        "Challenged by the provider": figures.challenged["provider"],
        "Challenged by users": figures.challenged["users"],
        "Challenges": sum(figures.rulings.values()),
        **{f"Challenges {r}": figures.rulings[r] for r, _ in schema.RULINGS},
    }


def _blank(value) -> str | int:
    return "" if value is None else value


OUTCOME_WORDS = {
    "produced": "produced",
    "partially_produced": "partly produced",
    "no_records": "no records",
    "rejected": "rejected",
    "withdrawn": "withdrawn",
    "quashed": "quashed",
    "open": "still open",
}


def _readable(found):
    """The breakdowns with each figure's outcomes in words ("2 produced, 1 withdrawn")."""
    if isinstance(found, list):
        return [_readable(item) for item in found]
    if not isinstance(found, dict):
        return found
    out = {key: _readable(value) for key, value in found.items()}
    if isinstance(found.get("outcomes"), dict):
        words = [f"{n} {OUTCOME_WORDS[o]}" for o, n in found["outcomes"].items() if n]
        out["outcomes_text"] = ", ".join(words) or "none"
    return out


def to_csv(report: Report) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=schema.CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows(report))
    return buffer.getvalue()


def summary(figures: Figures) -> dict:
    return {
        "requests": figures.requests,
        "accounts_specified": figures.accounts,
        "percent_some_data_produced": figures.percent_produced,
        "percent_with_nondisclosure_order": figures.percent_nondisclosure,
        "user_notices_sent_before_production": figures.notices_sent,
        "user_notices_delayed": figures.notices_delayed,
        "user_notices_waiting": figures.notices_waiting,
        "objections": figures.objections,
        "withdrawn": figures.withdrawn,
        "quashed": figures.quashed,
        "rejected": figures.rejected,
        "median_days_to_answer": figures.median_days,
        "challenges": challenges(figures),
    }


def challenges(figures: Figures) -> dict:
    """The demands each side challenged and how the challenges ended, in all and by side."""

    def side(name: str) -> dict:
        rulings = {word: figures.rulings_by_side[(name, r)] for r, word in schema.RULINGS}
        filed = sum(rulings.values())
        return {"demands_challenged": figures.challenged[name], "filed": filed, **rulings}

    return {
        "filed": sum(figures.rulings.values()),
        **{word: figures.rulings[r] for r, word in schema.RULINGS},
        "by_provider": side("provider"),
        "by_users": side("users"),
    }


def _summary_of(report: Report, process: str) -> dict:
    figures = summary(report.total(process=process))
    if process == schema.PRESERVATION:
        figures["percent_some_data_produced"] = None  # nothing is disclosed on a preservation
    return figures


def to_dict(report: Report) -> dict:
    emergency = report.total(process=schema.EMERGENCY)
    preservation = report.total(process=schema.PRESERVATION)
    return {
        "period": {
            "label": report.period.label,
            "start": report.period.start.isoformat(),
            "end": report.period.end.isoformat(),
        },
        "generated_at": report.generated_at.isoformat(timespec="seconds"),
        "ledger": report.ledger,
        "totals": summary(report.total()),
        "by_legal_process": {p: _summary_of(report, p) for p in report.processes},
        "emergency": {
            "requests": emergency.requests,
            "percent_some_data_produced": emergency.percent_produced,
        },
        "preservation": {
            "requests": preservation.requests,
            "accounts_preserved": preservation.preserved_accounts,
        },
        "rejected_by_finding": report.rejected_by,
        "national_security_letters": {
            **report.national_security,
            "band_width": report.band_size,
            "citation": schema.NSL_CITATION,
        },
        "breakdowns": breakdowns(report),
        "rows": rows(report),
    }


def brief(figures: Figures) -> dict:
    """A breakdown's figures: what was asked, what was produced, who was told, what became
    of it."""
    return {
        "requests": figures.requests,
        "accounts_specified": figures.accounts,
        "percent_some_data_produced": figures.percent_produced,
        "user_notices_sent_before_production": figures.notices_sent,
        "user_notices_delayed": figures.notices_delayed,
        "user_notices_waiting": figures.notices_waiting,
        "objections": figures.objections,
        "outcomes": {o: figures.outcomes.get(o, 0) for o in breakdown.OUTCOMES},
    }


def breakdowns(report: Report) -> dict:
    found = report.breakdowns
    return {
        "by_agency": [
            {
                "parent": row.parent,
                "agency": row.agency,
                "names_as_read": list(row.names_read),
                **brief(row.figures),
            }
            for row in found.agencies
        ],
        "administrative_subpoenas_by_statute": {
            cite: brief(figures) for cite, figures in found.statutes.items()
        },
        "content": {name: brief(figures) for name, figures in found.content.items()},
        "stored_or_real_time": {name: brief(figures) for name, figures in found.timing.items()},
        "escalated_for_anonymous_speech": brief(found.anonymous_speech),
        "not_included": "National security letters (reported in bands only, "
        f"{schema.NSL_CITATION}) and preservation requests (counted apart).",
    }


def breakdown_rows(report: Report) -> list[dict]:
    found, end = report.breakdowns, report.period.end.isoformat()

    def row(kind: str, group: str, name: str, figures: Figures, read: tuple = ()) -> dict:
        return {
            "Period Ending": end,
            "Breakdown": kind,
            "Group": group,
            "Name": name,
            "Names as read": "; ".join(read),
            "User Data Requests": figures.requests,
            "Accounts": figures.accounts,
            "Percentage disclosed": _blank(figures.percent_produced),
            "User notices sent": figures.notices_sent,
            "User notices delayed": figures.notices_delayed,
            "Objections": figures.objections,
            **{
                column: figures.outcomes.get(outcome, 0)
                for outcome, column in schema.OUTCOME_COLUMNS.items()
            },
        }

    subpoenas = schema.LEGAL_PROCESS["administrative_subpoena"]
    return [
        *(row("Agency", r.parent, r.agency, r.figures, r.names_read) for r in found.agencies),
        *(row("Statute", subpoenas, c, f) for c, f in found.statutes.items()),
        *(row("Content", "", n, f) for n, f in found.content.items()),
        *(row("Timing", "", n, f) for n, f in found.timing.items()),
        row("Anonymous speech", "", "Escalated for anonymous speech", found.anonymous_speech),
    ]


def to_breakdowns_csv(report: Report) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=schema.BREAKDOWN_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(breakdown_rows(report))
    return buffer.getvalue()


def to_json(report: Report) -> str:
    return json.dumps(to_dict(report), indent=2, ensure_ascii=False)


def to_html(report: Report, history: list[tuple[str, int]]) -> str:
    """The report's page: its figures, the split by legal process and the trend as charts."""
    data = to_dict(report)
    split = [(p, report.total(process=p).requests) for p in report.processes]
    context = {
        "report": report,
        "data": data,
        "totals": data["totals"],
        "by_process": sorted(split, key=lambda item: -item[1]),
        "split_chart": charts.bars(
            sorted(split, key=lambda item: -item[1]), "Requests by legal process"
        ),
        "trend_chart": charts.trend(history, "Requests per half-year"),
        "history": history,
        "breakdowns": _readable(data["breakdowns"]),
        "challenge_sides": [
            ("Us, the provider", data["totals"]["challenges"]["by_provider"]),
            ("Users", data["totals"]["challenges"]["by_users"]),
            ("All", data["totals"]["challenges"]),
        ],
        "provider": provider_name("This service"),
        "previous": report.period.previous(),
    }
    return render_to_string("transparency/report.html", context)
