"""Cases in bulk for the report's tests: each with the fields the report reads."""

from __future__ import annotations

from datetime import date, timedelta

from custodes.cases.models import Case, Demand

REQUEST = {"instrument": "grand_jury_subpoena", "selectors": []}


def cases(count: int, received_on: date = date(2026, 3, 2), **fields) -> list[Case]:
    """`count` cases received on that day; `fields` set on each (a callable gets the index)."""
    demands = Demand.objects.bulk_create(
        Demand(channel="api", received_on=received_on, extracted=REQUEST, request=REQUEST)
        for _ in range(count)
    )
    made = []
    for index, demand in enumerate(demands):
        values = {"instrument": "grand_jury_subpoena", "country": "US", "accounts_named": 1}
        values |= {k: (v(index) if callable(v) else v) for k, v in fields.items()}
        made.append(Case(demand=demand, received_on=received_on, **values))
    return Case.objects.bulk_create(made, batch_size=2000)


def closed_after(days: int, received_on: date = date(2026, 3, 2)) -> dict:
    return {
        "state": "closed",
        "closed_on": received_on + timedelta(days=days),
        "days_to_answer": days,
    }
