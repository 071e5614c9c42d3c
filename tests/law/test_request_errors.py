"""A structured request that breaks the contract is refused naming its field: in the message,
as the contract writes it, and as `field`, the dotted path the API and the forms answer with."""

from __future__ import annotations

import pytest

from custodes.law import Request, RequestError

REFUSALS = [
    ({"selectors": [{"kind": "username"}]}, "selectors.0.value", "selectors[0].value: "),
    ({"items": [{"text": "messages"}]}, "items.0.category", "items[0].category: "),
    ({"country": "USA"}, "country", "country: "),
    ({"date_range": {"start": "2026-02-01", "end": "2026-01-01"}}, "date_range", "date_range: "),
    ({"requester": {"email": 7}}, "requester.email", "requester.email: "),
]


@pytest.mark.parametrize(("data", "field", "opening"), REFUSALS)
def test_a_refused_request_names_its_field(data, field, opening):
    with pytest.raises(RequestError) as refused:
        Request.from_dict(data)
    assert refused.value.field == field
    assert str(refused.value).startswith(opening)


def test_a_request_that_is_not_an_object_names_no_field():
    with pytest.raises(RequestError) as refused:
        Request.from_dict([])
    assert refused.value.field is None
