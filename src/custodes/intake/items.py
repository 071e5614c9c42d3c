"""The records a demand asks for, read one requested item at a time.

Items stand in the demand's schedule (a part titled for the records to produce, disclose,
preserve or seize, its title on one line or two), after an introduction that ends in a colon
("Kestrel shall disclose:"), or in a sentence that commands or asks the provider ("Please
provide …", "… is hereby ordered to disclose …"). Narrative, the letterhead and the provider's
own name are never read. Each item is read on its own: names, addresses, links and citations
are masked; an item that is unticked or that the demand says it does not want is dropped; its
head (the words before what modifies them: "geotags attached to posts" is about geotags)
decides its categories, and only where the head is a bare "records" or "information" do the
words that follow it decide. No Django here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache

from custodes.intake import roles
from custodes.intake.boxes import BOX, boxed, ticked
from custodes.intake.categories import (
    asks,
    category_of,
    is_ask_intro,
    term_spans,
    unit_categories,
    without_negations,
)
from custodes.intake.layout import LIST_MARKER, Layout, flat, folded, sentences_of
from custodes.intake.patterns import OnFirstUse
from custodes.law.request import Item
from custodes.law.vocab import STORED_CATEGORIES, Category

_I = re.IGNORECASE

# A title over the records the demand wants: "RECORDS TO BE PRODUCED", "Particular Things to
# be Seized", "Information to be disclosed by the provider", or a bare "RECORDS".
_RECORDS_NOUN = r"(?:records?|information|data|documents?|papers|things|items|materials?|property)"
# The words that point to another part for what is meant ("the records described in …").
_POINTING = r"(?:described|listed|identified|set forth|specified)"
_SCHEDULE_TITLE = re.compile(
    r"(?=^|\b[dimprst])(?:"  # the alternatives' first letters: other places are passed at once
    rf"\b{_RECORDS_NOUN}\b.{{0,60}}\b(?:produc|disclos|preserv|seiz|provid|request|sought|"
    rf"furnish|search|requir|captur|intercept)\w*|\b(?:request|sought|produc|disclos|preserv|seiz|requir)\w*\s+"
    rf"(?:\w+\s+)?"
    rf"{_RECORDS_NOUN}\b|^\W*{_RECORDS_NOUN}\W*$)",
    _I,
)
_TITLED_ATTACHMENT = re.compile(
    r"^\W*(?:attachment|schedule|exhibit|appendix|annex)\s+\w{1,3}\s*[-–—:.]\s*(?P<title>.+)$", _I
)
_ATTACHMENT = re.compile(
    r"^\W*(?:attachment|schedule|exhibit|appendix|annex)(?:\s+\w{1,3})?\W*$", _I
)
# The titles and labels of other parts, which end a schedule.
_OTHER_PART = re.compile(
    r"^\W*(?:attachment|schedule|exhibit|appendix|annex)\b|^\W*(?:definitions?|instructions?|"
    r"certificat\w*|declaration|affidavit|background|purpose|facts|reason|basis|summary|"
    r"circumstances|offen[cs]es?|grounds|data subjects?|(?:account )?identifiers?|selectors?|"
    r"issued by|contact|point of contact|signed|signature|dated|date(?=\s*:)|requested by|"
    r"submitted by|"
    r"delivery|return of service|notice|non-?disclosure|confidentiality|penalt\w*|"
    r"account[s(]|accounts? to be|targets?|subject account|"
    r"place to be searched|property to be searched)\b",
    _I,
)
_DOT_LEADERS = re.compile(r"\.{3,}|…{2,}")
# A line that is only a page's number or a rule ("Page 2 of 5", "- 3 -", "-----"), and a
# page's number that ends a line.
_FURNITURE_LINE = re.compile(
    r"\s*(?:page \d+(?: of \d+)?|-+\s*\d+\s*-+|\d+\s*/\s*\d+|[-=_]{5,})\s*$", _I
)
_PAGE_NUMBER = re.compile(r"\bpage \d+\s*(?:of|/)\s*\d+\s*$", _I)

# The sentences that ask the provider for records, and where their object begins.
_VERB = r"(?:produce|provide|disclose|preserve|furnish|deliver|supply|retain|bring|send|seize)"
_DETERMINERS = (
    "the",
    "this",
    "that",
    "a",
    "your",
    "our",
    "my",
    "its",
    "their",
    "his",
    "her",
    "such",
)
# The people an account's posts speak to, whom no demand commands.
_OTHERS = (
    r"(?:\w+\s+)?(?:buyers|users|customers|followers|victims|people|readers|viewers|members|"
    r"others|them|him|her)\b"
)
_NOT_AFTER_DETERMINER = "".join(rf"(?<!\b{word} )" for word in _DETERMINERS)
_VERB_AFTER_A_NOUN = (
    r"(?:is|was|are|were|has|have|had|also|will|would|shall|should|may|must|can|could|does|did|"
    r"seeks?|sought|asks?|asked|made|concerns?|relates?|dated)"
)
# Read against `folded` text: a pattern that minds case is far quicker. Every alternative
# starts at a comma, semicolon or colon, or at a word that starts with one of the letters in
# the lookahead (the verbs' and cue words' first letters; add the first letter of any new
# one): the lookahead drops every other place at once, and the words' one boundary is
# checked once for them all.
_COMMAND = re.compile(
    r"(?=[,;:]|\b[abcdfgiklmoprstwy])(?:"
    rf"(?:^|[,;:]\s*){_VERB}\b|\b(?:"
    rf"(?:please|kindly)\s+(?:\w+\s+){{0,2}}?(?:{_VERB}|forward)\b|"
    rf"(?:commanded|required|directed|ordered|requested|asked|summoned|subpoenaed)\s+"
    rf"(?:and\s+\w+\s+)?to\s+(?:\w+\s+){{0,2}}?{_VERB}\b|"
    rf"(?:ordered|directed|commanded|required|requests?)\s+that\s+(?:[\w.,&'-]+\s+){{1,6}}?"
    rf"(?:shall\s+|must\s+|will\s+)?{_VERB}\b|"
    rf"(?:shall|must|will)\s+(?:\w+\s+){{0,2}}?{_VERB}\b|"
    # (not what an account tells others to do: "… direct buyers to send messages")
    rf"(?:requires?|directs?|orders?|commands?|compels?)\s+(?!{_OTHERS})(?:[\w.,&'-]+\s+){{0,6}}?"
    rf"to\s+{_VERB}\b|"
    # "in response to Request 2" names another request; it asks for nothing. Nor does a
    # request that is a noun: after a determiner, or before a verb ("the Dutch request also
    # sought …", "this request is made by …").
    rf"(?:{_NOT_AFTER_DETERMINER}requests?(?!\s+{_VERB_AFTER_A_NOUN}\b)|requesting|ask|asks|"
    r"asking|seek|seeks|seeking)\s+(?!(?:nos?\.?\s*)?\d)"
    r"(?:that\s+(?:you|\w+)\s+)?(?:(?:provide|produce|disclose|preserve|furnish)\s+)?"
    r"(?:the\s+(?:following|preservation\s+of|disclosure\s+of|production\s+of)\s+)?|"
    r"to\s+be\s+(?:seized|disclosed|produced|preserved)\b\W*|"
    # as officers write without process: "all I'm looking for is …", "can you tell me …"
    r"looking\s+for(?:\s+is)?\b|(?:i'?m|i\s+am|we'?re|we\s+are)\s+after(?:\s+is)?\b|"
    r"(?:i|we)\s+(?:would\s+like|want|need)\s+(?:to\s+"
    r"(?:get|obtain|know|see|have)\s+)?|(?:can|could|would)\s+you\s+(?:please\s+)?"
    r"(?:tell|send|give|provide|get|let)\s+(?:me|us)\s+(?:know\s+)?|"
    r"(?:tell|let)\s+(?:me|us)\s+(?:know\s+)?(?=who|what|whose)|"
    r"you\s+(?:can|could)\s+(?:\w+\s+){0,2}?(?:send|give|get|pull|provide)\s+(?:me|us)?\s*|"
    # a foreign police letter's courtesy: "… grateful if you could inform us of the name …",
    # "We would be grateful to receive, for the period …:"
    r"if\s+you\s+(?:could|would|can)\s+(?:kindly\s+)?(?:inform|tell|advise|send|give|let)\s+"
    r"(?:us|me)\s+(?:know\s+)?(?:of\s+)?|(?:grateful|obliged|thankful)\s+to\s+receive\b|"
    # an order authorising capture: "… to record, on a prospective basis, the dialing …"
    r"to\s+(?:record|capture|intercept|collect)\b|to\s+seize\b|"
    # "shall notify the agent, within one hour, of every new login": capture going forward
    r"(?:shall|must|will)\s+notify\b[^.]{0,80}?\bof\s+(?=(?:every|each|any)\s+new\b)"
    r"))"
)


def _any_of(words: str) -> re.Pattern[str]:
    """Any of the words (parted by "|") anywhere, the words grouped by their first letter: the
    engine checks an alternative's first letter before it tries it, so at each place it tries
    only the words that start there."""
    by_letter: dict[str, list[str]] = {}
    for word in words.split("|"):
        by_letter.setdefault(word[0], []).append(re.escape(word[1:]))
    return re.compile(
        "|".join(f"{re.escape(a)}(?:{'|'.join(rest)})" for a, rest in by_letter.items())
    )


# Every sentence `_COMMAND` can match holds one of these.
_COMMAND_CUE = _any_of(
    "produc|provid|disclos|preserv|furnish|deliver|supply|retain|bring|send|seiz|request|ask|"
    "seek|looking for|after|want|need|like to|tell|let |record|captur|intercept|collect|"
    "please|kindly|forward|you can|you could|would be|notif|if you|to receive"
)
# Every match of `_COMMAND` in flat text (one space between words) holds one of these: a
# look for them spares the pattern most sentences that name records but ask for none.
_COMMAND_WORDS = _any_of(
    "produce|provide|disclose|preserve|furnish|deliver|supply|retain|bring|send|seize|please|"
    "kindly|request|ask|seek|looking|after|like|want|need|you|tell|let|receive|to record|"
    "to capture|to intercept|to collect|notify"
)
# What an item lists of what it asks for: each listed part is asked for too. (Read against
# `folded` text, as are `_CONJUNCTION` and `_HEAD_END`: a pattern that minds case is quicker.)
_LIST = re.compile(
    r"(?<!\d):(?!\d)|\b(?:including|included|includes|such as|namely|specifically|in particular|"
    r"giving|showing|stating|setting out|"
    r"consisting of|to include)\b"
)
# An acronym in brackets is the words before it shortened, no gloss: "Internet Protocol (IP)
# addresses" are IP addresses.
_ACRONYM = re.compile(r"\s*\(([A-Z]{2,6})\)")
# A gloss on what came before it: "Service address (the physical location of the service)".
_GLOSS = re.compile(r"[()]|\s(?:--?|[–—])\s")
# An introduction that asks for records captured as they happen, not stored ones. (Read
# against `folded` text.)
_CAPTURE = re.compile(
    r"\b(?=[acegiprt])"  # the first letters below, for a quick skip (as in the lookaheads below)
    r"(?:install\w*|captur\w*|intercept\w*|pen register|trap and trace|prospective\w*|"
    r"going forward|in real time|real-time|as (?:they|it) occurs?|each occurrence|"
    r"(?:every|each) new)\b"
)
# Where one asked-for thing ends and the next begins ("…, and the access logs").
_CONJUNCTION = re.compile(
    r";|,\s+(?:and|or|as well as|together with|plus)\s+|\s+(?:and|or|as well as|together with|"
    r"plus)\s+(?=(?:the|all|any|its|their|each|every|copies|a|an)\b)"
)
# Where a head ends: what follows modifies it ("geotags attached to posts", "on file").
_HEAD_END = re.compile(
    r"\b(?=[abcdefhikloprstuwy])"
    r"(?:associated with|attached to|embedded in|linked to|connected to|on file|"
    r"relat(?:ing|ed) to|pertaining to|concerning|in connection with|regarding|"
    r"for (?:the|each|any|all|this|that|said|which)|used (?:to|by|for|in)|that|which|who|"
    r"whose|from which|by which|in which|belonging to|registered to|described in|"
    r"identified in|listed in|uploaded to|posted to|sent from|stored (?:with|in|on|by)|"
    r"kept (?:with|in|by)|"
    # a relative clause without its "that": "the IP address they post from"
    r"(?:they|he|she|we|you)\s+(?=[a-z]))\b"
)
# Nouns that say which of something, not what: "means and source of payment".
_GENERIC_NOUN = r"(?:means|sources?|types?|kinds?|details|particulars|identity|identities)"
# Nouns for a record of something, which say no more than "records of" does: "a log of
# every IP address used", "a list of the e-mail addresses".
# So do a notice's words ("notice to the case agent of each new login"): its object says.
_RECORD_OF = (
    r"(?:logs?|lists?|listings?|registers?|(?:notices?|notifications?|alerts?)"
    r"(?:\s+to\s+[^,;()]{1,40})?)"
)
# A head that names no kind of record by itself: what follows it says which.
_BARE_HEAD = re.compile(
    rf"(?:(?:a|an|all|any|and|the|of|copies|copy|such|other|each|every|following|certain|"
    rf"stored|relevant|responsive|pertinent|available|existing)\s+)*"
    rf"(?:{_RECORDS_NOUN}|contents?|account records?|cop(?:y|ies)|{_GENERIC_NOUN}|{_RECORD_OF})"
    rf"(?:\s+and\s+(?:{_RECORDS_NOUN}|{_GENERIC_NOUN}))?"
    # "documents sufficient to show …": what they show is what is asked for
    rf"(?:\s+sufficient\s+to\s+(?:show|identify|establish|reflect|determine))?\W*",
    _I,
)
# "… produce the records to SA Ivers at the address …": how to deliver, not what.
_DELIVERY = re.compile(
    rf"\s*(?:(?:the|any|all|such|these|those|responsive|requested)\s+)*(?:{_RECORDS_NOUN}|"
    rf"them|it|this|response|responses)\s+(?:to|at|by|via|in|within|electronically|no later|"
    rf"on or before|with|under)\b",
    _I,
)
# The values a demand names its targets by, and its references to them ("the listed IP
# address"): a target, never a kind of record.
# (One word boundary before the alternatives that open with a word: the engine checks it once.)
_TARGET_VALUE = re.compile(
    r"(?=[\d@a-fipst])(?:\b(?:"
    r"ip\s+address(?:es)?\s+(?:of\s+)?(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f]{1,4}(?::[0-9a-f]{0,4}){2,7})|"
    r"\d{1,3}(?:\.\d{1,3}){3}\b|[0-9a-f]{1,4}(?::[0-9a-f]{0,4}){2,7}\b|"
    r"(?:source\s+)?ports?\s+(?:numbers?\s+)?\d+(?:\s*[-–]\s*\d+)?|"
    r"(?:the|this|that|said|such|these|those)\s+(?:listed|above|identified|target(?:ed)?|"
    r"subject|specified|referenced|same|following)\s+(?:ip\s+address(?:es)?|"
    r"(?:tele)?phone\s+numbers?|e-?mail\s+address(?:es)?|accounts?|ports?)\b)|"
    r"(?<![\w@])@[A-Za-z0-9_.]{2,})",
    _I,
)
# A look for what `_TARGET_VALUE` needs: a digit, a colon or an "@" of a value, or a word of
# a reference ("the listed accounts").
_DIGIT_COLON_AT = re.compile(r"[\d:@]")
_TARGETS_NAMED = (
    "listed",
    "above",
    "identified",
    "target",
    "subject",
    "specified",
    "referenced",
    "same",
    "following",
)
# "disclose, for the account … and the period …, subscriber information": where and when
# come first, then what.
# (A date's own comma, "March 1, 2026", stays inside the adverbial it dates.)
_LEADING_ADVERBIAL = re.compile(
    r"^(?:[\s,:;]*(?:for|within|on or before|no later than|by|to|from|in|during|at|"
    r"forthwith|immediately)\b(?:[^,:;]|,(?=\s*(?:19|20)\d\d\b))*[,:;])+\s*",
    _I,
)
# "all records of the account": everything it holds, where nothing narrower is named.
_WHOLE_ACCOUNT = re.compile(
    r"\ball\s+(?:records|information|data|content and records|records and information)\s+"
    r"(?:\w+\s+){0,3}?(?:associated with|relating to|pertaining to|of|for|concerning)\s+"
    r"(?:the|this|that|each|said)\s+accounts?\b",
    _I,
)
_OF = re.compile(r"\s+of\s+", _I)
# "the usernames of every account that sent a message to the account": its counterparts.
_COUNTERPARTS = re.compile(
    r"\b(?:of|for)\s+(?:every|each|all|any)\s+(?:other\s+)?(?:accounts?|users?|persons?|people|"
    r"parties|contacts)\s+(?:that|who|which|with\s+whom|to\s+whom)\s+(?:\w+\s+){0,2}?(?:sent|"
    r"received|messaged|contacted|called|followed|viewed|visited|shared|communicated|exchanged|"
    r"liked|commented)\b",
    _I,
)
_SCOPE_INTRO = re.compile(r"\W*(?:for|during|from|between|in respect of|with respect to)\b", _I)
# A colon ends it too: "For each message sent or received: the sender and the time".
_SCOPE = re.compile(
    r"^(?:\s*(?:for|upon|on|within|during|after|if|where|when)\b"
    r"(?:[^,:;()]|\([^)]*\)|,(?=\s*(?:19|20)\d\d\b))*[,:]\s*)+",
    _I,
)
_LABEL_VALUE = re.compile(r"^[^:]{2,40}:\s*\S")
# A table's row or rule: four columns or more, apart by wide gaps ("-----  ------").
_TABLE_LINE = re.compile(
    r"^\s*\S+(?:\s\S+)*(?:\s{2,}\S+(?:\s\S+)*){3,}\s*$|-{4,}\s+-{4,}|"
    r"^[^|\n]+\|[^|\n]+\|"  # cells parted by bars: "Doe | Video URL | Upload time"
)
_WIDE_GAP = re.compile(r"\s\s(?<=\S\s\s)")
_LOCATION_METADATA = re.compile(r"\b(?:geo\w*|location|gps|exif)\s+(?:\w+\s+)?metadata\b", _I)
# Where a thing was, said of a communication: "the geotag on the photo", "GPS data in posts".
_WHERE_IN = re.compile(
    r"\b(?:geo-?tags?|geolocation|locations?|gps|coordinates|exif)\b(?:\s+\w+){0,2}?\s+"
    r"(?:on|in|of|attached to|embedded in)\s",
    _I,
)


def _where_in_content(noun: str) -> bool:
    """Whether every communication the noun names is only where a location is said to be:
    "location tags on shared media", not "messages, photos and location data"."""
    where = _WHERE_IN.search(noun)
    if not where:
        return False
    lowered = noun.lower()
    content = [a for a, b in term_spans(lowered) if category_of(lowered[a:b]) is Category.CONTENT]
    return all(start > where.end() - 1 for start in content)


_TWO_COLUMNS = re.compile(r"\S\s{5,}\S")
_BRACKETED = re.compile(r"\s*\([^)]*\)")
_NOT_LETTERS = re.compile(r"[^A-Za-z]")
_SMALL_LETTER = re.compile(r"[a-z]")
_CAPITAL_LETTER = re.compile(r"[A-Z]")
# A head that points elsewhere for what it means.
_REFERENCE = re.compile(rf"{_POINTING} in\b", _I)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(r"\b(?=[hw])(?:https?://|www\.)\S+", _I)
_DIGIT_OR_SECTION = re.compile(r"[\d§]")
# (One word boundary, as in `_TARGET_VALUE`; "§" opens no word.)
_CITATION = re.compile(
    r"\b(?:\d+\s+U\.?\s?S\.?\s?C\.?\s*(?:A\.?\s*)?(?:§+|sec(?:tion|\.)?)?\s*[\w().-]+|"
    r"(?:Fed\.|Cal\.|N\.Y\.)\s*R\.\s*\w+\.?\s*P\.\s*[\w().]+|form\s+[A-Z]{0,4}-?\d[\w-]*|"
    r"(?:[A-Z][a-z]+\s+){0,2}(?:No|Nos|Number|#)\.?\s*:?\s*[\w-]*\d[\w-]*)|§+\s*[\w().-]+",
    _I,
)
_SUFFIX = re.compile(r",?\s+(?:Inc|LLC|L\.L\.C|Corp|Corporation|Co|Ltd|Limited|GmbH|PLC|LLP)\.?$")
_COMPANY = re.compile(
    r"\b(?:[A-Z][\w'&.-]*,?\s+(?:&\s+)?){1,5}?(?i:inc|llc|l\.l\.c|corp|corporation|co|ltd|"
    r"limited|gmbh|plc|llp)\b\.?"
)
# The law's and the form's own words, which name no kind of record.
_GENERIC = re.compile(
    r"(?=[aeimotw])(?:"
    r"\belectronically stored information\b|\bwith (?:its|their|any|all|the) metadata\b|"
    r"\b(?:in|as)\s+(?:native|searchable|electronic)\s+(?:format|form|pdf)\b[^.;]*|"
    # the demand itself and the sender's own: "reply to this e-mail", "my e-mail below"
    r"\b(?:this|my|our|the above|the below)\s+(?:e-?mail|message|letter|fax)(?:\s+address)?\b)",
    _I,
)


@dataclass(frozen=True)
class _Found:
    text: str
    ticked: bool | None = None  # a form's checkbox: None where the item has none
    prospective: bool = False  # under an introduction that asks for capture going forward
    listed: bool = False  # it stands in a list: numbered, lettered, bulleted or ticked


def requested_items(layout: Layout, own_names: Iterable[str] = ()) -> list[Item]:
    """Each item the demand asks for, once per category it names, in the demand's order."""
    variants = {
        v for n in own_names if n and n.strip() for v in (n.strip(), _SUFFIX.sub("", n.strip()))
    }
    longest_first = sorted(variants, key=len, reverse=True)
    names = re.compile("|".join(map(re.escape, longest_first)), _I) if variants else None
    out: list[Item] = []
    seen: set[tuple[str, Category]] = set()
    for found in _found_items(layout):
        plain = flat(found.text)
        if found.ticked is False or not (
            unit_categories(plain.lower()) or _WHOLE_ACCOUNT.search(plain)
        ):
            continue  # unticked, or naming no kind of record even before the masks
        text = _masked(plain, names)
        for category in item_categories(text, found.prospective):
            key = (found.text, category)
            if key not in seen:
                seen.add(key)
                out.append(Item(_clean(found.text), category))
    return out


def item_categories(text: str, prospective: bool = False) -> list[Category]:
    """The categories one masked item asks for. What it lists ("including …", "such as …",
    after a colon) is asked for too; a gloss in brackets or between dashes only says which
    records a bare "records" or "information" means. Under an introduction that asks for
    capture going forward, or in an item that asks for it ("intercept, in real time, …,
    together with …"), what the item names is captured as it happens, unless stored."""
    found: set[Category] = set()
    original = text
    whole = flat(without_negations(text))
    text = _unscoped(whole)
    # "For each message sent or received: the sender, the recipients and the time"
    of_each = _gone_through(whole[: len(whole) - len(text)]) if text != whole else None
    gone_through: set[Category] = set()  # the kinds of record it names what is known of each
    captured = bool(_CAPTURE.search(folded(text)))  # "intercept, in real time, …, together with …"
    for number, listed in enumerate(_outside_brackets(_LIST, text)):
        listed = _unscoped(listed) if number else listed
        if number and _PREPOSITION.match(listed):
            continue  # "payments, including for promoted posts": which payments, not posts
        for part in _outside_brackets(_CONJUNCTION, listed):
            head, *glosses = _GLOSS.split(_ACRONYM.sub(r" \1", part))
            named = _head_categories(head.strip(" ,.-–—"))
            if not named and _BARE_HEAD.fullmatch(head.strip() or "records"):
                named = {c for gloss in glosses for c in _head_categories(gloss)}
            elif not named and (kind := of_each or _of_each_record(head)):
                if _CONTENT_ATTRIBUTE.match(head):
                    named = {Category.CONTENT}  # "the text of each message"
                elif _RECORD_ATTRIBUTE.match(head):
                    gone_through.add(kind)  # "the sender and the time of each message"
            if (prospective or captured) and not _STORED.search(head):
                named = {_AS_IT_HAPPENS.get(c, c) for c in named}
            found |= named
    for kind in gone_through:
        if kind is Category.CONTENT and Category.CONTENT in found:
            continue  # "photos, with the time of each": which photos, not more
        known = Category.TRANSACTIONAL if kind is Category.CONTENT else kind
        found.add(_AS_IT_HAPPENS.get(known, known) if prospective or captured else known)
    if not found and _WHOLE_ACCOUNT.search(text):
        # all it holds, but what the item says it does not want ("(not including the contents
        # of communications)")
        found = set(STORED_CATEGORIES) - (unit_categories(original.lower()) - found)
    return [c for c in Category if c in found]


_PREPOSITION = re.compile(r"\s*(?:for|in|on|at|by|from|during|within|to|with|under)\b", _I)


def _unscoped(text: str) -> str:
    """What is asked for, after the scope and conditions that come first ("For each photograph
    produced under Request 2, the location …", "Upon written request of the officer, for up to
    12 of the identifiers, the location points …"), where something is left to read."""
    rest = _SCOPE.sub("", text)
    if rest == text:
        return text
    if unit_categories(rest.lower()) or _gone_through(text[: len(text) - len(rest)]):
        return rest
    return text


# What is said of each communication that is its content, and what is its record; anything
# else said of each is left unread ("the substance of each message" is no record).
_CONTENT_ATTRIBUTE = re.compile(
    r"\W*(?:the\s+|its\s+|their\s+)?(?:text|body|bodies|substance|wording|words|contents?)\b", _I
)
_RECORD_ATTRIBUTE = re.compile(
    r"\W*(?:the\s+|its\s+|their\s+|each\s+)?(?:\w+\s+){0,3}?(?:senders?|recipients?|"
    r"addressees?|authors?|callers?|callees?|dates?|times?|timestamps?|hours?|sizes?|lengths?|"
    r"durations?|ip\s+address(?:es)?|ports?|devices?|status|ids?|identifiers?|usernames?|"
    r"part(?:y|ies)|direction)\b",
    _I,
)
# "for each message sent or received", "of every login": one record at a time.
_EACH = re.compile(r"\W*(?:for|of)\s+(?:each|every|all|any)\s", _I)


def _of_each_record(head: str) -> Category | None:
    """ "the date and time of each message": the kind of record of which it names what is
    known of each, by words that name no kind of record."""
    noun = _OF.split(head, maxsplit=1)[0]
    return _gone_through(head[len(noun) :]) if noun != head else None


def _gone_through(frame: str) -> Category | None:
    """The one kind of record `frame` goes through one by one ("for each login", "of every
    post"). What an item names of each that is no kind of record by itself (the time of a
    login, the sender of a message) is of that kind, and of a communication its record, not
    its content: content would be named."""
    if not _EACH.match(frame):
        return None
    kinds = unit_categories(frame.lower())
    return next(iter(kinds)) if len(kinds) == 1 else None


# Records that already exist, whatever the introduction captures going forward.
_STORED = re.compile(r"\b(?:stored|historical|existing|past|archived|retained)\b", _I)


_AS_IT_HAPPENS = {
    Category.SUBSCRIBER: Category.REALTIME_NONCONTENT,
    Category.TRANSACTIONAL: Category.REALTIME_NONCONTENT,
    Category.LOCATION: Category.REALTIME_NONCONTENT,
    Category.CONTENT: Category.REALTIME_CONTENT,
}


def _outside_brackets(pattern: re.Pattern[str], text: str) -> list[str]:
    """`text` split where `pattern`, read against `folded` text, matches outside brackets."""
    cuts = [0]
    bracketed = _bracket_spans(text) if "(" in text else []
    for match in pattern.finditer(folded(text)):
        inside = any(a < match.start() < b for a, b in bracketed)
        if not inside and match.group(0) != "(":
            cuts += [match.start(), match.end()]
    cuts.append(len(text))
    return [text[a:b] for a, b in zip(cuts[::2], cuts[1::2], strict=True)]


def _bracket_spans(text: str) -> list[tuple[int, int]]:
    """Where each outermost bracket opens and closes (an unclosed one runs to the end)."""
    spans, depth, opened = [], 0, 0
    for match in _BRACKET.finditer(text):
        if match.group(0) == "(":
            opened = match.start() if depth == 0 else opened
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                spans.append((opened, match.end()))
    if depth:
        spans.append((opened, len(text) + 1))
    return spans


_BRACKET = re.compile(r"[()]")


def _head_categories(part: str) -> set[Category]:
    if not part:
        return set()
    if _COUNTERPARTS.search(part):
        return {Category.TRANSACTIONAL}  # who wrote to, called or viewed the account
    head_end = _HEAD_END.search(folded(part), 1)
    if head_end and any(a < head_end.start() < b for a, b in term_spans(part.lower())):
        head_end = None  # "the IP address used to create it" is one term, not a head and more
    head = part[: head_end.start()] if head_end else part
    # The noun before "of" is the head where it names a kind of record ("the e-mail
    # address of the sender of every message"); "records of", "means and source of" say
    # nothing, and what follows "of" does.
    noun = _OF.split(head, maxsplit=1)[0]
    found = unit_categories(noun.lower())
    if _LOCATION_METADATA.search(noun):
        found -= {Category.TRANSACTIONAL}  # metadata of where: location, not logs
    if Category.CONTENT in found and _where_in_content(noun):
        found -= {Category.CONTENT}  # "the geotag on tonight's photo": where, not the photo
    if not found and noun != head and _BARE_HEAD.fullmatch(noun.strip()):
        found = unit_categories(head.lower())
    if found or not head_end or _REFERENCE.match(part, head_end.start()):
        return found  # "the records listed in Attachment B" says where, not what
    if _BARE_HEAD.fullmatch(head.strip()):
        return unit_categories(part[head_end.start() :].lower())
    return found


def _found_items(layout: Layout) -> Iterator[_Found]:
    lines = [_unfurnished(line.text) for line in layout.lines]
    in_schedules: set[int] = set()
    # read only where an attachment's title asks: few texts have one
    referenced = cache(lambda: _referenced_schedules(layout.body))
    yield from _schedule_items(lines, in_schedules, referenced)
    for number, line in enumerate(lines):  # a form's boxes, wherever they stand
        if number not in in_schedules and boxed(line) and not _names_targets(lines, number):
            yield from _split_item(line.strip())
    yield from _commanded(layout)


def _commanded(layout: Layout) -> Iterator[_Found]:
    """What each sentence that commands or asks the provider asks for. A command broken by
    a list of targets ("… the account identified as:" / the list / "together with the
    dialing information …") goes on in the paragraph after the list."""
    broken: _Found | None = None
    for _, sentences in layout.sentences_by_paragraph:
        if broken and sentences and sentences[0][:1].islower():
            yield replace(broken, text=sentences[0])
        broken = None
        for sentence in sentences:
            found = _command_object(sentence)
            if found:
                yield found
                broken = found if sentence.endswith(":") else None


def _command_object(sentence: str) -> _Found | None:
    lowered = sentence.lower()
    if not _COMMAND_CUE.search(lowered):
        return None  # a cheap look first: most sentences ask for nothing
    if _recites_law(sentence):
        return None
    asked = flat(without_negations(sentence))  # "does not seek …" asks for nothing
    lowered_as_read = folded(asked)
    wished = _WISHED().match(asked) if "would" in lowered_as_read else None  # a look first
    if wished:
        return _Found(wished["what"])
    if not _COMMAND_WORDS.search(lowered_as_read):
        return None
    match = next(
        (m for m in _COMMAND.finditer(lowered_as_read) if not _opens_a_persons_label(asked, m)),
        None,
    )
    if not match:
        return None
    rest = _without_recipient(asked[match.end() :])
    what = _LEADING_ADVERBIAL.sub("", rest)
    if not unit_categories(what.lower()):
        what = rest  # "disclose to the FBI all videos stored …, going back 45 days"
    if not what or _DELIVERY.match(what) or _REFERRED.match(what) or _PROCESS.match(what):
        return None
    # "shall furnish, in real time, all dialing …": how it is asked says it is captured
    asking = asked[: match.end() + len(rest) - len(what)]
    return _Found(what, prospective=bool(_CAPTURE.search(folded(asking))))


# A sentence whose subject is a law and whose verb says what that law provides ("Section
# 2709(a) provides that a provider shall comply with a request for …", "The Act permits …"):
# it recites the law, and what it names is what the law reaches, not what is asked. The
# subject is made only of a citation's words (capitals, numbers, "§", brackets, "of the") and
# holds a word that names a law; a command's subject ("Kestrel", "You", "This Order") holds none,
# and a law said to require "you" to act is the ask.
_LAW_WORD = (
    r"(?:title|section|subsection|paragraph|clause|article|chapter|rule|act|statute|law|code|"
    r"regulation|provision|u\.s\.c\.?|§+)s?"
)
_CITATION_WORD = (
    rf"(?:{_LAW_WORD}|[A-Z][\w.'-]*|\d[\w().-]*|\([\w.()-]+\)|§+|of|the|and|this|that|its|"
    r"federal|state|united|states|as amended|\(as amended\))"
)
_RECITAL = re.compile(
    rf"^(?:[A-Z][a-z]+,\s+)?(?P<subject>(?:{_CITATION_WORD},?\s+){{1,14}}?)"
    r"(?:also\s+|further\s+|expressly\s+)?"
    r"(?:provides?|authori[sz]es?|permits?|allows?|requires?|empowers?|states?|reads?)\b"
    r"(?!\s+(?:that\s+)?(?:you|your)\b)"  # "§ 2703(f) requires you to preserve …" asks
)
_NAMES_LAW = OnFirstUse(rf"(?<![\w§]){_LAW_WORD}(?![\w§])|§", _I)


def _recites_law(sentence: str) -> bool:
    recital = _RECITAL.match(sentence)
    return bool(recital and _NAMES_LAW().search(recital["subject"]))


def _opens_a_persons_label(text: str, match: re.Match[str]) -> bool:
    """Whether the words matched open the label of a person's part ("REQUESTING OFFICER
    Name / rank: …", "Requested by:"): who asks, not what is asked for."""
    words = " ".join(text[match.start() : match.start() + 40].lower().split())
    labels = _persons_labels()
    return words.startswith(labels) and any(
        words.startswith(label) and not words[len(label) : len(label) + 1].isalnum()
        for label in labels
    )


@cache
def _persons_labels() -> tuple[str, ...]:
    return tuple(label for label, role in roles.labels() if role in ("contact", "signature"))


# "produce the business records described in item 3, as follows: To …, On (date): …": the
# records are the ones another part lists, and what follows here is how to deliver them.
_REFERRED = re.compile(
    rf"\W*(?:(?:the|all|any|such|business)\s+)*{_RECORDS_NOUN}\s+{_POINTING}\s+(?:in|on|at)\b",
    _I,
)
# What a sentence says will be sought is legal process, not records: "it will seek a search
# warrant for content if warranted" asks for nothing now.
_PROCESS = re.compile(
    r"\s*(?:an?|another|further|separate|additional|new)\s+(?:[\w().§-]+\s+){0,3}?"
    r"(?:warrants?|orders?|subpoenas?|legal\s+process|applications?)\b",
    _I,
)


# The words `_REFERRED` needs, for a quick first look in `folded` text: most items refer to
# nothing.
_REFERRING = re.compile(_POINTING)


def _refers_elsewhere(text: str) -> bool:
    """Whether an item commands the records another part lists ("1. YOU ARE ORDERED TO
    PRODUCE THE BUSINESS RECORDS described in item 3, as follows: …")."""
    if not _REFERRING.search(folded(text)):
        return False
    match = _COMMAND.search(folded(text))
    return bool(match and _REFERRED.match(_LEADING_ADVERBIAL.sub("", text[match.end() :])))


# "provide the Federal Bureau of Investigation (FBI) the name, …": to whom, then what.
_RECIPIENT = re.compile(
    r"^\s*(?:the\s+)?(?:[A-Z][\w.&'-]*\s+(?:(?:of|and)\s+)?){1,8}(?:\([A-Z]{2,8}\)\s+)?"
    r"(?=(?:the|all|any|each|every)\s)"
)


def _without_recipient(rest: str) -> str:
    recipient = _RECIPIENT.match(rest)
    if not recipient or unit_categories(recipient[0].lower()):
        return rest  # "the Subscriber Information of …" is what is asked for
    return rest[recipient.end() :]


# "The chats between him and the victim would be great too": what is wished for comes first.
_WISHED = OnFirstUse(
    r"(?P<what>.+?)\s+would\s+(?:also\s+)?be\s+(?:great|helpful|very helpful|appreciated|useful)\b",
    _I,
)
_TARGETS_LABEL = re.compile(
    r"^\W*(?:(?:subject|target)\s+)?(?:accounts?|account\(s\)|targets?|identifiers?|"
    r"selectors?)\s*:",
    _I,
)
# '"Document" has the broadest meaning …': what a word means, not what is asked for.
_DEFINITION = re.compile(
    r"^\W*[\"“][^\"”]{1,40}[\"”]\s+(?:means|shall mean|has the|includes|refers to|is defined)\b",
    _I,
)
_TARGETS_PART = OnFirstUse(
    r"\b(?:accounts?|identifiers?|targets?|subjects?|selectors?)\b(?:\(s\))?[^.]{0,40}$", _I
)


def _names_targets(lines: list[str], number: int) -> bool:
    """Whether a form's line of boxes stands in the part that names the accounts."""
    for earlier in range(number - 1, max(-1, number - 10), -1):
        text = lines[earlier].strip()
        if text and not boxed(text) and (_is_title(text) or text.endswith(":")):
            return bool(_TARGETS_PART().search(text.rstrip(":")))
    return False


# The line an e-mail program sets above a message quoted or forwarded in another.
_QUOTED_MESSAGE = re.compile(
    r"^[>\s]*-{2,}\s*(?:forwarded|original)\s+message\s*-{2,}\s*$|^[>\s]*begin forwarded message",
    _I,
)


def _unfurnished(line: str) -> str:
    if _furniture(line):
        return ""
    # most lines have no leader: a look for its dots is far quicker than the substitution
    return _DOT_LEADERS.sub(" ", line) if "..." in line or "……" in line else line


def _furniture(line: str) -> bool:
    """A page's number or a rule, or the line above a quoted message. A look at how the line
    opens and for the words comes first: far quicker than the patterns, and most lines are
    none of these."""
    opening = line.lstrip()[:1]
    lowered = line.lower()
    return bool(
        (
            (opening in ("p", "P", "-", "=", "_") or opening.isdecimal())
            and _FURNITURE_LINE.match(line)
        )
        or ("page" in lowered and _PAGE_NUMBER.search(line))
        or (" message" in lowered and _QUOTED_MESSAGE.match(line))
    )


# "produce the records described in Attachment 2": that attachment is the schedule,
# whatever its title. (Read against `folded` text.)
_RECORDS_IN = re.compile(
    r"\b(?=[dimprt])"  # the nouns' first letters: the engine passes over other places at once
    rf"{_RECORDS_NOUN}(?:\s+(?:\w+\s+){{0,2}}?(?:{_POINTING}\s+)?(?:in|on)\s+|"
    r"[:,]?\s+see\s+)"  # "… the material: SEE SCHEDULE A."
    r"(?:the\s+)?(?:attached\s+)?"
    r"(?P<name>(?:attachment|schedule|exhibit|appendix|"
    r"annex)(?:\s+(?!to\b|and\b|of\b|for\b)\w{1,3})?)\b"
)


# (a French label puts a space before its colon: "le compte Halyard Chat : villa_pyla_resa")
_FIELD_LABEL = re.compile(r"(?:^|\s)[A-Za-z][\w .'/()&-]{1,40}?\s?:(?=\s)")
_VALUE_TOKEN = re.compile(r"[\w.+-]*[\d@_][\w.@+-]*|[+()]+")


def _labels_values(text: str) -> bool:
    """Whether an item is only fields and their values, as targets are listed ("Chat
    username: @mira_k Telephone number on account: +1 201.555.0163")."""
    if not _FIELD_LABEL.match(text):
        return False
    values = _FIELD_LABEL.sub(" ", text).split()
    return bool(values) and all(_VALUE_TOKEN.fullmatch(v.strip(",;")) for v in values)


def _introduces(found: _Found, following: _Found | None) -> bool:
    """Whether an item is the introduction of the list that follows it: it ends in a colon,
    it commands or sets a scope ("For each session …:"), and a listed item comes next."""
    return (
        found.text.rstrip().endswith(":")
        and bool(
            _COMMAND.search(folded(found.text))
            or _SCOPE_INTRO.match(found.text)
            or _LIST_TO_FOLLOW.search(found.text)
        )
        and following is not None
        and following.listed
    )


# "B. All records … relating to the Account, including:" / "1. …": what is listed says which.
_LIST_TO_FOLLOW = re.compile(
    r"\b(?:including|includes|include|namely|as follows|following|such as|specifically)\s*:\s*$",
    _I,
)


def _referenced_schedules(body: str) -> set[str]:
    names = (body[m.start("name") : m.end("name")] for m in _RECORDS_IN.finditer(folded(body)))
    return {flat(name).lower() for name in names}


def _schedule_items(
    lines: list[str], taken: set[int], referenced: Callable[[], set[str]]
) -> Iterator[_Found]:
    """The items of every schedule and every list introduced by a colon; `taken` gathers
    the numbers of the lines read."""
    index = 0
    while index < len(lines):
        start = _schedule_start(lines, index, referenced)
        if start is None:
            index += 1
            continue
        prospective = bool(_CAPTURE.search(folded(" ".join(lines[max(0, start - 3) : start]))))
        index = start
        listed = start > 0 and lines[start - 1].rstrip().endswith(":")
        block: list[str] = []
        while index < len(lines) and not _ends_schedule(lines[index], block):
            if listed and _prose_after(lines, index, block):
                break  # a list under a colon ends where running text begins again
            block.append(lines[index])
            taken.add(index)
            index += 1
        founds = list(_items_of(block))
        # under "PRODUCE THE RECORDS described in item 3, as follows:", its own line or not
        delivering = listed and _refers_elsewhere(lines[start - 1])
        for found, following in zip(founds, [*founds[1:], None], strict=False):
            if _refers_elsewhere(found.text):
                delivering = found.text.rstrip().endswith(":")
                continue  # what it commands is listed in that other part
            if delivering and not found.listed:
                continue  # how and where to deliver them: "To …:", "Location: …"
            delivering = False
            if _introduces(found, following):
                continue  # "…, produce:", "For each call …:" introduce the items under them
            if (
                _TARGETS_LABEL.match(found.text)
                or _DEFINITION.match(found.text)
                or _labels_values(found.text)
            ):
                continue  # "Account(s): username …" names whose records, not which
            yield replace(found, prospective=prospective) if prospective else found


def _schedule_start(lines: list[str], index: int, referenced: Callable[[], set[str]]) -> int | None:
    """Where the items begin, if a schedule's title or an introduction stands at `index`."""
    line = lines[index].strip()
    if not line or boxed(line):
        return None
    long = len(line) > 100 or len(line.split()) > 12
    if long and not line.endswith(":") and not _OPENS_PART.match(line):
        return None  # running text: no title, no introduction, no label
    following = _next_text(lines, index) if _ATTACHMENT.match(line) else None
    if following is not None and not _ends_sentence(lines, index):
        title = lines[following].strip()
        if _SCHEDULE_TITLE.search(title) and len(title) < 90 and not _opens_other_part(title):
            return following + 1
        if title.endswith(":") and not _OTHER_PART.match(title):
            return following + 1  # "ATTACHMENT B" / "For the period …:" / the items
        return index + 1 if flat(line.strip(" -–—:.")).lower() in referenced() else None
    # A records title or label names records: a quick look rules out most lines at once.
    lowered_as_read = folded(line)
    names_records = any(stem in lowered_as_read for stem in _RECORDS_STEMS)
    if (
        names_records
        and (
            _SCHEDULE_TITLE.search(line) or _RECORDS_TITLE.match(LIST_MARKER.sub("", line, count=1))
        )
        and _is_title(line)  # the patterns first: they rule out most lines, and sooner
        and not _SUBJECT.match(line)
    ):
        return index + 1
    titled = _TITLED_ATTACHMENT.match(line)  # "ATTACHMENT B - RECORDS, October 1 …"
    if titled and (
        _SCHEDULE_TITLE.search(titled["title"])
        or re.match(rf"\W*{_RECORDS_NOUN}\b", titled["title"], _I)
        or flat(line[: titled.start("title")].strip(" -–—:.")).lower() in referenced()
    ):
        return index + 1
    label = _RECORDS_LABEL.match(line) if names_records else None
    if label and line[label.end() :].strip():
        lines[index] = line[label.end() :]  # "Records: the name, e-mail …" holds its own item
        return index
    if not line.endswith(":"):
        return None
    intro = _paragraph_to(lines, index)  # an introduction may wrap over lines
    if (
        is_ask_intro(line)
        or asks(intro)
        or _FOLLOWING.search(intro)
        or _RECORDS_INTRO.match(intro)
        or _command_goes_on(lines, index, intro)
        or bool(_COMMAND.search(folded(intro)))  # "… which shall disclose, for the period …:"
    ) and not _labels_other_part(lines, index):
        return index + 1
    return None


def _ends_sentence(lines: list[str], index: int) -> bool:
    """Whether a line that looks like an attachment's title ends a sentence wrapped onto it
    ("… for the account listed in" / "Attachment A:")."""
    before = lines[index - 1].rstrip() if index else ""
    return (
        lines[index].rstrip().endswith(":")
        and len(before.strip()) > 40
        and not before.endswith((".", ":", ";"))
    )


def _labels_other_part(lines: list[str], index: int) -> bool:
    """Whether the paragraph ending at `index` opens with another part's label ("Purpose:",
    "Accounts to be searched:"); an attachment's title above it is no such label, nor is the
    last line of a wrapped sentence ("… for the" / "purpose of investigation:")."""
    start = _paragraph_start(lines, index)
    first = next(
        (line for line in lines[start : index + 1] if not _ATTACHMENT.match(line)), lines[index]
    )
    return bool(_OTHER_PART.match(first.strip()))


def _command_goes_on(lines: list[str], index: int, intro: str) -> bool:
    """Whether a paragraph in lower case ("for the period … to November 18, 2026:") goes on
    with a command that a list of targets broke ("IT IS ORDERED that … disclose, for the
    accounts" / the accounts / this paragraph)."""
    if not intro[:1].islower():
        return False
    before = " ".join(x.strip() for x in lines[max(0, index - 14) : index])
    return bool(_COMMAND.search(folded(before)))


# "Records to be preserved, for the period … through the date of this letter:"
_RECORDS_INTRO = re.compile(
    rf"\W*(?:{_RECORDS_NOUN}\s+(?:to\s+(?:be|remain)\s+\w+|requested|sought|required)|"
    r"(?:requested|required|sought|needed|wanted)[,:\s])",
    _I,
)


def _paragraph_to(lines: list[str], index: int) -> str:
    """The lines of the paragraph that ends at `index`, up to six, joined."""
    return " ".join(x.strip() for x in lines[_paragraph_start(lines, index) : index + 1])


def _paragraph_start(lines: list[str], index: int) -> int:
    start = index
    while start > max(0, index - 5) and lines[start - 1].strip():
        start -= 1
    return start


# A letter's subject line says what the letter is about: "Re: Request for Preservation …".
_SUBJECT = re.compile(r"\W*(?:re|subject|subj|betreff|objet)\s*:", _I)
# What each of `_RECORDS_NOUN`'s words holds, for a quick look in `folded` text.
_RECORDS_STEMS = (
    "record",
    "information",
    "data",
    "document",
    "papers",
    "things",
    "items",
    "material",
    "property",
)
# "III. RECORDS, for each account listed in Part I:": a title that opens with its records.
_RECORDS_TITLE = re.compile(rf"\W*{_RECORDS_NOUN}\s*(?:[,:(]|$)", _I)
_FOLLOWING = re.compile(r"\bfollowing\b", _I)
# How a long line that opens a schedule begins: "ATTACHMENT B - RECORDS …", "Records: …".
_OPENS_PART = re.compile(
    rf"\W*(?:attachment|schedule|exhibit|appendix|annex|requested|required|{_RECORDS_NOUN})\b",
    _I,
)
_RECORDS_LABEL = re.compile(
    rf"^\W*(?:(?:requested|required)\s+)?{_RECORDS_NOUN}(?:\s+(?:requested|sought|to be "
    rf"(?:produced|disclosed|preserved)))?\s*:",
    _I,
)


def _next_text(lines: list[str], index: int) -> int | None:
    for later in range(index + 1, min(index + 4, len(lines))):
        if lines[later].strip():
            return later
    return None


def _is_title(line: str) -> bool:
    """A part's title: short, not a sentence, in capitals or title case or ending in a colon
    (an enumerator before it, "C. Records to be produced", is no matter)."""
    if _TWO_COLUMNS.search(line.strip()):
        return False  # two columns of a letterhead or caption, not a title
    unnumbered = LIST_MARKER.sub("", line.strip(), count=1)
    body = _BRACKETED.sub("", unnumbered)
    if not body or len(body.split()) > 12 or body.endswith((";", ",")) or body[0].islower():
        return False
    if body.endswith(".") and not _in_capitals(body):
        return False  # a sentence; a title in capitals may end in a full stop ("DEFINITIONS.")
    numbered = unnumbered != line.strip()
    return _in_capitals(body) or body.endswith(":") or _title_case(body) or numbered


def _in_capitals(text: str) -> bool:
    """Whether the letters of `text` (A to Z) are all capitals, and there are some: where one
    is small, a look for it says so at once."""
    return not _SMALL_LETTER.search(text) and bool(_CAPITAL_LETTER.search(text))


# The words a title in headline style leaves in lower case ("Documents to Be Produced").
_MINOR_WORDS = frozenset(
    {"a", "an", "and", "as", "at", "be", "by", "for", "from", "in", "into", "of", "on"}
    | {"or", "per", "the", "to", "under", "upon", "with"}
)


def _title_case(text: str) -> bool:
    words = re.findall(r"[A-Za-z][\w'’-]*", text)
    return (
        bool(words)
        and words[0][0].isupper()
        and all(w[0].isupper() or w.lower() in _MINOR_WORDS for w in words[1:])
    )


def _prose_after(lines: list[str], index: int, block: list[str]) -> bool:
    """Whether a paragraph of running text starts at `index`, after a blank line that
    follows what the list has read: no item (no number, no box), its first line indented
    and the next back at the margin, as prose is set and a list's items are not."""
    line = lines[index]
    if not line.strip() or lines[index - 1].strip() or not any(b.strip() for b in block):
        return False
    if LIST_MARKER.match(line) or boxed(line) or index + 1 >= len(lines):
        return False
    following = lines[index + 1]
    return bool(following.strip()) and _indent(following) + 2 <= _indent(line)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _wraps_on(line: str, last: str) -> bool:
    """Whether `line` goes on with the item on the line before it, unended, set in as that
    line or its text after a list's marker is: "   … used to access the" / "   TARGET
    ACCOUNT." is no title."""
    if not last.strip() or last.rstrip().endswith((".", ":", ";")):
        return False
    marker = LIST_MARKER.match(last)
    return 0 < _indent(line) in (_indent(last), marker.end() if marker else -1)


def _ends_schedule(line: str, block: list[str]) -> bool:
    stripped = line.strip()
    if not stripped or not any(b.strip() for b in block):
        return False
    if _wraps_on(line, block[-1]):
        return False
    body = LIST_MARKER.sub("", stripped, count=1)
    if _OTHER_PART.match(body) and (_is_title(stripped) or ":" in body[:40]):
        return True
    if LIST_MARKER.match(line) or BOX.match(stripped):
        return False
    if _LABEL_VALUE.match(stripped):
        return False  # "PHONE NUMBER: (713) 555-0126" is a label with its value, no heading
    return (
        _in_capitals(stripped)
        and len(_NOT_LETTERS.sub("", stripped)) >= 4
        and len(stripped.split()) <= 8
    )


def _items_of(block: list[str]) -> Iterator[_Found]:
    """A schedule's lines as items: each enumerated or ticked line with the lines wrapped
    under it, each checkbox on a line of several, and each sentence of a plain paragraph."""
    current: list[str] = []
    for raw in [*block, ""]:
        if _table_line(raw) and not boxed(raw):
            raw = ""  # a table of targets (value, port, time) asks for nothing
        stripped = raw.strip()
        starts = bool(LIST_MARKER.match(raw) or BOX.match(stripped))
        if current and (starts or not stripped):
            yield from _split_item(" ".join(current))
            current = []
        if not stripped:
            continue
        if current and current[-1].endswith("-") and stripped[:1].islower():
            current[-1] = current[-1][:-1] + stripped  # a word hyphenated over two lines
        else:
            current.append(stripped)


def _table_line(raw: str) -> bool:
    # a look for what every table line holds comes first: a bar, a rule, or a wide gap after
    # a word (most lines have none, and the whole pattern is slow to fail)
    return ("|" in raw or "----" in raw or bool(_WIDE_GAP.search(raw))) and bool(
        _TABLE_LINE.search(raw)
    )


# A paragraph's title run in before its text: "INSTRUCTIONS. Produce each record …".
_RUN_IN_TITLE = re.compile(r"\W*(?P<title>[A-Z][A-Z -]{2,40})[.:]\s")


def _opens_other_part(paragraph: str) -> bool:
    """Whether a paragraph opens with the run-in title of another part than the items
    ("DEFINITIONS. …", "BACKGROUND: …"): what it says is no item."""
    title = _RUN_IN_TITLE.match(paragraph)
    return bool(title) and bool(_OTHER_PART.match(title["title"]))


def _split_item(text: str) -> Iterator[_Found]:
    boxes = list(BOX.finditer(text))
    if not boxes:
        stripped = LIST_MARKER.sub("", text, count=1)
        if LIST_MARKER.match(text):
            yield _Found(stripped, listed=True)
        elif not _opens_other_part(stripped):
            sentences = sentences_of(stripped)
            yield from (_Found(s) for s in sentences if not _tells(s) and not _recites_law(s))
        return
    for number, box in enumerate(boxes):
        end = boxes[number + 1].start() if number + 1 < len(boxes) else len(text)
        yield _Found(text[box.end() : end], ticked(box.group(0)), listed=True)


# A sentence that tells what happened ("The account has posted videos …") rather than
# naming records or asking for them. (Read against `folded` text.)
_TELLING = re.compile(
    r"(?=[abdhistw])"
    r"(?<!\bwho )(?<!\bthat )(?<!\bwhich )(?<!\bwhom )(?<!\bwhere )(?<!\bwhen )"
    r"\b(?:has|have|had|was|were|is|are|show|shows|showed|depicts?|depicted|told|said|appears|"
    r"appeared|believes?|advertises?|advertised)\b"
)


def _tells(sentence: str) -> bool:
    """A verb of its own, not one inside a relative clause ("users who were located")."""
    lowered_as_read = folded(sentence)
    return bool(_TELLING.search(lowered_as_read)) and not _COMMAND.search(lowered_as_read)


def _masked(text: str, names: re.Pattern[str] | None) -> str:
    """Names, addresses, links and citations blanked, so that none is read as a record."""
    if names is not None:
        text = names.sub(" ", text)
    # a look for what each of the first three needs: most items hold no address, link or number
    if "@" in text:
        text = _EMAIL.sub(" ", text)
    if "://" in text or "www." in text.lower():
        text = _URL.sub(" ", text)
    if _DIGIT_OR_SECTION.search(text) or "r." in text.lower():  # "Fed. R. Crim. P. 17"
        text = _CITATION.sub(" ", text)
    text = _COMPANY.sub(" ", text)
    if _DIGIT_COLON_AT.search(text) or any(word in folded(text) for word in _TARGETS_NAMED):
        text = _TARGET_VALUE.sub(" ", text)
    return _GENERIC.sub(" ", text)


def _clean(text: str) -> str:
    return flat(text)[:300]
