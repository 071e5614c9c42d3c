"""Accounts specified are accounts: one account named three ways is one."""

from __future__ import annotations

import pytest

from custodes.cases.models import Case
from custodes.production import services as production
from custodes.transparency.aggregate import compute
from custodes.transparency.periods import Period
from tests.notices.conftest import approve

pytestmark = pytest.mark.django_db

ONE_ACCOUNT_THREE_WAYS = [
    {"kind": "account_id", "value": "30000000002"},
    {"kind": "username", "value": "someone"},
    {"kind": "url", "value": "https://parley.social/someone"},
]


def test_an_account_named_by_id_username_and_url_counts_once(open_case, counsel, provider):
    case = open_case(selectors=ONE_ACCOUNT_THREE_WAYS)
    assert Case.objects.get(pk=case.pk).accounts_named == 2  # the id is not yet joined
    production.resolve_targets(approve(case, counsel), counsel)
    assert Case.objects.get(pk=case.pk).accounts_named == 1
    total = compute(Period.parse("2026H2")).total()
    assert (total.requests, total.accounts) == (1, 1)


def test_a_username_and_its_profile_url_are_one_before_any_look_up(open_case):
    selectors = [*ONE_ACCOUNT_THREE_WAYS[1:], {"kind": "username", "value": "another"}]
    assert open_case(selectors=selectors).accounts_named == 2
