"""The day data left the provider, which the report's "some data produced" counts: the first
package that holds rows, never the move into production by itself."""

from __future__ import annotations

import pytest

from custodes.cases import services as cases
from custodes.cases.models import Case
from custodes.cases.workflow import State
from custodes.transparency.aggregate import compute
from custodes.transparency.periods import Period
from tests.production.test_packages import producing, sealed

pytestmark = pytest.mark.django_db


def _produced() -> int:
    return compute(Period.parse("2026H2")).total().produced


def test_a_case_in_production_has_disclosed_nothing_until_a_package_holds_rows(
    open_case, counsel, provider
):
    case = producing(open_case, counsel, selectors=[{"kind": "username", "value": "someone"}])
    assert Case.objects.get(pk=case.pk).disclosed_on is None and _produced() == 0
    sealed(case, counsel)
    assert Case.objects.get(pk=case.pk).disclosed_on is not None and _produced() == 1


def test_a_case_closed_with_no_records_disclosed_nothing(open_case, counsel, provider):
    case = producing(open_case, counsel, selectors=[{"kind": "username", "value": "no.such"}])
    cases.move(case, counsel, State.CLOSED, "no_records")
    assert Case.objects.get(pk=case.pk).disclosed_on is None and _produced() == 0


def test_closing_as_produced_records_the_day(open_case, counsel):
    case = producing(open_case, counsel)
    cases.move(case, counsel, State.CLOSED, "produced")
    assert Case.objects.get(pk=case.pk).disclosed_on is not None and _produced() == 1
