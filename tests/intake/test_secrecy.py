"""A sentence that asks the provider not to tell the account holder, and near misses that do
not (a permission to tell, a word of the same family about something else)."""

from __future__ import annotations

import pytest

from custodes.intake.boxes import unticked_struck
from custodes.intake.layout import Layout
from custodes.intake.secrecy import asks_silence, find_nondisclosure

ASKS = [
    "Do not disclose the existence of this subpoena to the subscriber.",
    "Please do not notify the account holder of this request.",
    "We ask that you not tell the user about this request.",
    "Kindly refrain from informing the account holder of this request.",
    "The agency requests that you not notify the obligor of this subpoena.",
    "Please do not contact the account holder; we are in touch with her family.",
    # a telling allowed and then taken back is still an ask
    "Nothing here prevents disclosure to your counsel, but do not notify the subscriber.",
    "You are not barred from telling counsel; you shall not, however, tell the user.",
    # a gag that allows telling a lawyer still forbids telling the user
    "The Provider shall not notify any person, including the subscriber, of this Order, which "
    "does not prohibit disclosure to an attorney.",
]

NEAR_MISSES = [
    "You may notify the subscriber of this request.",
    "Please disclose the records to our office.",
    "The subscriber was notified by the court.",
    "Do not delay the production.",
    "Please do not hesitate to notify me if you have questions.",
    "Please do not hesitate to contact me about the account.",
    "We could not contact the account holder before filing.",  # what happened, not an ask
    "Officers have not yet advised the suspects of their rights.",
    "Feel free to tell the user about this subpoena.",
    "You are not required to keep this request confidential.",
    "State law does not forbid you to tell the account holder of this summons.",
    "The provider is not prohibited from informing its customer.",
]


@pytest.mark.parametrize("sentence", ASKS)
def test_it_reads_a_request_for_silence(sentence):
    assert asks_silence(sentence)


@pytest.mark.parametrize("sentence", NEAR_MISSES)
def test_a_near_miss_asks_no_silence(sentence):
    assert not asks_silence(sentence)


def test_a_box_left_unticked_asks_no_silence_and_a_ticked_one_does():
    layout = Layout.of(
        "CONFIDENTIALITY\n"
        "  ☐  Our office asks that you refrain from informing the customer of\n"
        "      this request.\n"
        "  [ ] Do not tell the account holder.\n"
    )
    assert not find_nondisclosure(layout, None).present
    ticked = Layout.of("CONFIDENTIALITY\n  [x] Do not tell the account holder.\n")
    assert find_nondisclosure(ticked, None).present


def test_the_unticked_choice_of_a_pair_is_struck_and_the_ticked_one_kept():
    assert "not" not in unticked_struck("Notify the user: [X] yes  [ ] do not notify")
    assert "yes" not in unticked_struck("Notify the user: [ ] yes  [X] do not notify")


def test_round_bracket_boxes_and_radio_buttons_are_read():
    form = (
        "CONFIDENTIALITY (choose one)\n"
        "  (   ) The agency asks that you not notify the customer.\n"
        "  ( X ) You may notify the customer.\n"
    )
    assert not find_nondisclosure(Layout.of(form), None).present
    radio = "Notice:  (*) Do not tell the account holder   ( ) Notify as usual\n"
    assert find_nondisclosure(Layout.of(radio), None).present
    # a list's own "(x)" is no box
    assert "records" in unticked_struck("(x) records of each login")


def test_a_courts_done_and_ordered_makes_its_silence_an_order():
    order = Layout.of(
        "ORDER AUTHORIZING A PEN REGISTER\n\n"
        "The provider shall not disclose this order to the subscriber until March 1, 2027.\n\n"
        "DONE AND ORDERED in Chambers at Tampa, Florida, on June 2, 2026.\n"
    )
    found = find_nondisclosure(order, None)
    assert found.court_ordered and str(found.expires_on) == "2027-03-01"


@pytest.mark.parametrize(
    "sentence",
    [
        "*** SEGREDO DE JUSTIÇA ***",  # a sealed file's legend
        "Pedido de quebra de sigilo de dados telemáticos.",  # lifting a confidentiality
    ],
)
def test_a_legend_or_a_lifted_confidentiality_asks_no_silence(sentence):
    assert not asks_silence(sentence)


def test_a_foreign_request_that_the_user_not_be_told_asks_silence():
    assert asks_silence("Solicita-se que o titular da conta não seja informado desta requisição.")
