"""The reader on the failure classes of a demand read by its words instead of its structure,
each in wording written for this test."""

from __future__ import annotations

from datetime import date

from custodes.intake import extract_request


def categories(text: str) -> set[str]:
    return {str(c) for c in extract_request(text).categories}


def test_an_e_mail_address_on_file_is_subscriber_information_not_a_file():
    text = """GRAND JURY SUBPOENA
To: Lumen Photos Inc.
RECORDS TO BE PRODUCED
1. All e-mail addresses on file for the account jdoe_77.
"""
    assert categories(text) == {"subscriber"}


def test_the_providers_own_name_is_not_a_request_for_photos_or_chats():
    text = """SUBPOENA
To: Quillfeather Photo & Chat, Inc.
Please provide the subscriber name and address of the Quillfeather Photo & Chat account
@lantern.bay.
"""
    assert categories(text) == {"subscriber"}


def test_geolocation_metadata_of_photographs_is_location():
    text = """RECORDS REQUESTED
1. Geolocation metadata (GPS coordinates) attached to photographs the account uploaded.
"""
    assert categories(text) == {"location"}


def test_geotags_attached_to_posts_are_location():
    text = """ATTACHMENT B
Information to be disclosed
1. Geotags attached to posts made by the account between March 1 and March 9, 2026.
"""
    assert categories(text) == {"location"}


def test_narrative_is_not_the_ask():
    text = """BACKGROUND
The suspect told the victim to send photos and then posted messages about her.

RECORDS REQUESTED
(a) Subscriber information for the account.
"""
    assert categories(text) == {"subscriber"}


def test_a_title_over_two_lines_and_items_without_a_verb():
    text = """ATTACHMENT B
Particular Things to be Seized

For the period March 1 to May 2, 2026:

1. SUBSCRIBER RECORDS
2. LOGIN HISTORY
3. STORED PHOTOGRAPHS
"""
    assert categories(text) == {"subscriber", "transactional", "content"}


def test_a_bare_records_title():
    text = """RECORDS
- Login history with IP addresses
- Direct messages
"""
    assert categories(text) == {"transactional", "content"}


def test_an_unticked_box_and_a_refused_item_are_not_asked_for():
    text = """REQUESTED DATA (check all that apply)
[X] Subscriber information   [ ] Location history   [ ] Content
This request does not seek the contents of any message.
"""
    assert categories(text) == {"subscriber"}


def test_a_pen_register_introduction_makes_its_items_real_time():
    text = """ORDER
IT IS ORDERED that the provider install a pen register to capture, for sixty days, the
following information for the account:
  (1) the e-mail address of the sender and each recipient of every message;
  (2) the IP address of each login.
"""
    assert categories(text) == {"realtime_noncontent"}


def test_the_requested_items_are_kept_with_their_categories():
    text = """RECORDS TO BE PRODUCED
1. Subscriber information: names and addresses.
2. The contents of direct messages sent or received by the account.
"""
    items = {(i.category, i.text) for i in extract_request(text).items}
    assert ("subscriber", "Subscriber information: names and addresses.") in items
    assert (
        "content",
        "The contents of direct messages sent or received by the account.",
    ) in items


def test_a_warrant_that_states_its_own_period_has_its_execute_by_day():
    text = """SEARCH WARRANT
This warrant shall be executed within three (3) days from the time of its issuance.
Given under my hand and dated this 9th day of November, 2026.
"""
    request = extract_request(text)
    assert request.issued_on == date(2026, 11, 9)
    assert request.execute_by == date(2026, 11, 12)


def test_a_fax_cover_date_is_not_the_day_the_warrant_was_issued():
    text = """FACSIMILE COVER SHEET
Date: 11/20/2026
SEARCH WARRANT
Dated this 4th day of November, 2026.
"""
    assert extract_request(text).issued_on == date(2026, 11, 4)


def test_a_return_day_written_in_words():
    text = """GRAND JURY SUBPOENA
YOU ARE HEREBY COMMANDED to appear before the Grand Jury for the County of Essex, at the
County Courthouse, on MONDAY, THE TWENTY-SECOND DAY OF MARCH, 2027, at nine o'clock.
Dated this 1st day of March, 2027.
"""
    assert extract_request(text).return_by == date(2027, 3, 22)


def selectors(text: str) -> set[tuple[str, str]]:
    return {(str(s.kind), s.value) for s in extract_request(text).selectors}


def test_targets_behind_dot_leaders_and_blank_fields_left_unfilled():
    text = """SUBPOENA
SUBJECT ACCOUNT
   Username .................. harbor.lights_22
   Account ID ................ ____________________
   Phone on account .......... (503) 555-0117
"""
    assert selectors(text) == {("username", "harbor.lights_22"), ("phone", "+15035550117")}


def test_a_table_with_a_value_column_and_a_type_column():
    text = """GRAND JURY SUBPOENA
ACCOUNTS
| # | Value               | Type              |
|---|---------------------|-------------------|
| 1 | mill.creek.bakes    | Username          |
| 2 | 418800221973        | Account ID        |
"""
    assert selectors(text) == {("username", "mill.creek.bakes"), ("account_id", "418800221973")}


def test_a_demand_attached_as_octet_stream_is_read():
    from custodes.intake.mail import email_text

    message = (
        b"From: Det. R. Ames <rames@cityofexample.gov>\r\nTo: legal@provider.example\r\n"
        b"Subject: Subpoena\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: multipart/mixed; boundary="b"\r\n\r\n--b\r\n'
        b"Content-Type: text/plain\r\n\r\nSubpoena attached.\r\n--b\r\n"
        b"Content-Type: application/octet-stream\r\n"
        b'Content-Disposition: attachment; filename="subpoena.dat"\r\n\r\n'
        b"GRAND JURY SUBPOENA\r\nRECORDS TO BE PRODUCED\r\n1. Subscriber information.\r\n--b--\r\n"
    )
    text = email_text(message, "subpoena.eml")
    assert "GRAND JURY SUBPOENA" in text and categories(text) == {"subscriber"}


def test_a_demand_that_reaches_users_as_a_class_names_a_population():
    geofence = """SEARCH WARRANT
STEP 1. For every Quillfeather account whose device reported a location within 150 meters of
4400 Main Street between 1:00 and 2:00 a.m. on October 30, 2026, an anonymized list.
"""
    group = """ORDER
Produce the subscriber records of EVERY account that is or was a member of the group chat
"Eastside Renters".
"""
    named = """SUBPOENA
Produce the subscriber records of any account that is registered to the e-mail address
sam.example@example.com.
"""
    assert extract_request(geofence).population and extract_request(group).population
    assert extract_request(named).population is None


def test_a_handle_named_after_the_word_account_or_channel():
    text = """SUBPOENA
Please provide the subscriber information for the account bjorn.lakeside and for the
Quillfeather Chat account lt_knuckles775, and the channel "kaylee.in.midtown".
The account holder's e-mail is on file at example.com.
"""
    assert selectors(text) == {
        ("username", "bjorn.lakeside"),
        ("username", "lt_knuckles775"),
        ("username", "kaylee.in.midtown"),
    }


def test_the_addressee_below_a_custodian_line_beats_a_company_named_later():
    text = """TRIAL SUBPOENA DUCES TECUM
TO:       Custodian of Records / Subpoena Compliance
          Harborline Broadband Cooperative, Inc.

Records sufficient to identify the subscriber to whom the IP address 192.0.2.14 was assigned.
Note: a separate subpoena for the e-mail account has been issued to Quillfeather Mail LLC.
"""
    assert extract_request(text).addressed_to == "Harborline Broadband Cooperative, Inc."


def test_a_criminal_trial_subpoena_whose_caption_calls_the_state_plaintiff():
    text = """IN THE COURT OF COMMON PLEAS, CRIMINAL DIVISION
STATE OF OHIO,            Plaintiff,      Case No. CR-2026-0101
   v.
DALE ROURKE,              Defendant.
SUBPOENA DUCES TECUM - CRIMINAL TRIAL
YOU ARE COMMANDED to appear and to bring with you the subscriber records of the account
rourke.d_11.
"""
    assert str(extract_request(text).instrument) == "trial_subpoena"


def test_an_affiants_signature_does_not_sign_the_judges_warrant():
    unsigned = """SEARCH WARRANT
YOU ARE COMMANDED to search the records of the account pine.hollow_7 and to seize the
subscriber information.
                         /s/ Dana Ruiz
                         Affiant
                         ______________________________
                         Judge of the District Court
"""
    rule = "                         ______________________________\n"
    signed = unsigned.replace(rule, "                         /s/ Hon. L. Ortega\n" + rule)
    assert extract_request(unsigned).signed is False
    assert extract_request(signed).signed is True


def test_a_statute_cited_by_sec_and_a_capitalised_word_hyphenated_over_lines():
    text = """ADMINISTRATIVE SUBPOENA
THIS SUBPOENA IS ISSUED UNDER THE AUTHORITY OF 18 U.S.C.
SEC. 3486(a)(1)(A)(ii) IN AN INVESTIGATION OF COUNTERFEIT NOTES AD-
VERTISED BY THE ACCOUNT vegas.props_9.
"""
    request = extract_request(text)
    assert [a[:16] for a in request.authority] == ["18 U.S.C. § 3486"]
    assert "ADVERTISED" in (request.purpose or "")


def test_a_schedule_titled_in_headline_case_is_read_item_by_item():
    text = """SCHEDULE 1

                         Records to Be Furnished

     1.  Papers sufficient to show who opened the account marlow_tide, with the name
         and telephone number given at sign-up.

     2.  Every picture uploaded to the account in June 2026.

     3.  For each picture furnished under Request 2, the location (a GPS position or a
         geotag) where it was taken.
"""
    assert categories(text) == {"subscriber", "content", "location"}


def test_a_list_under_a_colon_ends_where_running_text_resumes():
    text = """     By this summons you are required to bring with you the following papers:

                              SEE THE SCHEDULE BELOW

     The agency issues this summons under its statute. Its posts and videos may be sent
by mail instead of appearing in person.

RECORDS REQUESTED:
  [X] Subscriber details: name, e-mail address and telephone number
  [ ] Contents of messages
"""
    assert categories(text) == {"subscriber"}


def test_an_introduction_that_commands_is_not_itself_an_item():
    text = """ATTACHMENT B
For the customer to whom the provider assigned the address at the times shown (and, for
rows 1 and 2, the port), produce:
  1. The customer's name and postal address;
  2. The customer's telephone number.
"""
    assert categories(text) == {"subscriber"}


def test_a_command_broken_by_its_list_of_targets_goes_on_after_it():
    text = """     IT IS ORDERED that the provider furnish to the agency forthwith the stored
messages of the account described as:

          handle:   north.quay.77

together with the routing and addressing information of each message.
"""
    assert categories(text) == {"content", "transactional"}


def test_a_targets_label_inside_the_list_asks_for_no_records():
    text = """The provider shall disclose the following for the account identified below:

      Account(s):   username       ferry_lights_2
                    e-mail on the account  ferry@example.org

      1.  Non-content message header records of every message sent by the account.
"""
    assert categories(text) == {"transactional"}


def test_the_reason_leaves_out_the_letterhead_and_the_signature():
    text = """STATE BOARD OF PHARMACY                                   INVESTIGATIVE SUBPOENA
Office of Investigations                                      Board Rule 12.4
Enforcement Unit

Issued at: Springfield                    Date: October 2, 2026

        /s/ Mara Quint
        ____________________________
        Mara Quint
        Chief Investigator, Enforcement Unit

I.  BACKGROUND

    The account sells prescription pills without a licence and ships them by post.
"""
    purpose = extract_request(text).purpose or ""
    assert purpose.startswith("The account sells prescription pills")
    assert "Mara Quint" not in purpose and "BOARD" not in purpose


def test_the_reason_in_an_informal_e_mail_is_what_the_account_did():
    text = """From: "Pike, Rowan" <rowan.pike@harlowcounty.gov>
To: legal@example.com
Subject: who is behind harlow.eyes?

Hello - I'm an investigator at the county attorney's office. The account @harlow.eyes
(https://example.com/harlow.eyes) keeps posting clips of our inspectors at restaurants and
mocking the county manager. The county manager considers this harassment.

Could you send me the name and phone number on the account?

Rowan Pike
Investigator, Harlow County Attorney
"""
    purpose = extract_request(text).purpose or ""
    assert "keeps posting clips" in purpose and "harassment" in purpose
    assert "I'm an investigator" not in purpose


def test_a_courts_numbered_findings_are_its_reason():
    text = """                                ORDER

     Having read the application, the Court FINDS:

     1.  On May 3, 2026, the town council met to vote on the zoning plan, and the meeting
was adjourned after the audience refused to leave.

     2.  The account listed below posted calls to fill the council chamber.

     IT IS ORDERED that the provider disclose the subscriber information of the account.
"""
    purpose = extract_request(text).purpose or ""
    assert "the town council met to vote" in purpose
    assert "posted calls to fill the council chamber" in purpose


def test_a_listed_scope_says_which_records_not_more_of_them():
    text = """SCHEDULE OF RECORDS TO BE PRODUCED
1. Records of every payment made for the account, including for boosted stories.
"""
    assert categories(text) == {"subscriber"}


def test_a_secrecy_requirement_the_demand_says_there_is_not_is_no_secrecy():
    for sentence in (
        "The magistrate did not include a non-disclosure requirement in this order.",
        "Confidentiality requirement (rule 9): none.",
        "No obligation of secrecy binds the witness, and nothing in this subpoena prohibits "
        "the provider from telling the account holder.",
    ):
        text = f"PRODUCTION ORDER\nRecords: subscriber name of the account river_gull.\n{sentence}"
        assert extract_request(text).nondisclosure.present is False, sentence


def test_a_courts_order_set_over_a_blank_line_is_an_order():
    text = """     Upon the motion of the State, and it appearing that notice would endanger the
investigation, it is hereby

      ORDERED that the provider shall not notify the subscriber, or any other person, of
this warrant until March 3, 2027.
"""
    found = extract_request(text).nondisclosure
    assert (found.present, found.court_ordered, found.expires_on) == (True, True, date(2027, 3, 3))


def test_a_narrative_paragraph_is_the_reason_whole_and_a_plea_for_silence_is_not():
    text = """Dear Custodian of Records:

     The subject was ordered deported by an immigration judge in 2023, and the order of
removal became final on appeal. He failed to report as directed and was listed as a
fugitive. Officers learned that he runs the account in the attachment, where he advertised
roofing work in May.

     The agency asks that you not tell the account holder of this subpoena, because he
could move and evade removal.
"""
    purpose = extract_request(text).purpose or ""
    assert "order of removal became final" in purpose and "advertised roofing" in purpose
    assert "not tell the account holder" not in purpose


def test_the_attachment_a_command_points_to_is_the_schedule_whatever_its_title():
    text = """YOU ARE ORDERED TO PRODUCE THE RECORDS LISTED IN EXHIBIT 3.

                                  EXHIBIT 3

Account:  channel "tern.and.tide"

(a) The name and telephone number of the holder of the account;

(b) Every comment and direct message the account sent in October 2026.
"""
    assert categories(text) == {"subscriber", "content"}


def test_definitions_and_an_excluded_label_ask_for_nothing():
    text = """RECORDS TO BE PRODUCED
1. "Record" includes photographs, location data and messages of every kind.
2. Documents sufficient to show the name and address of the holder of the account.
Excluded: the contents of any message.
"""
    assert categories(text) == {"subscriber"}


def test_a_scope_introducing_its_list_under_a_capture_title_is_no_item():
    text = """                                 SCHEDULE 2
                    (Information to Be Intercepted, Going Forward)

     For each call, chat or session of the target account during the authorised period:
       - the date, time and duration;
       - the IP address and port of each party.
"""
    assert categories(text) == {"realtime_noncontent"}


def test_the_instrument_follows_its_power_and_its_court():
    nsl = """Federal Bureau of Investigation
Dear Custodian: Under Title 18, United States Code, Section 2709, you are directed to
provide the name, address and length of service of the account harbor.wren.
"""
    criminal = """PEOPLE OF THE STATE OF OREGON v. DANA K. REYES        CASE NO. 26CR04411
                    SUBPOENA DUCES TECUM
YOU ARE ORDERED TO PRODUCE the records in the schedule: the name on the account slate.fox.
"""
    civil = """IN THE MATTER OF THE MARRIAGE OF A. LUND AND B. LUND
        SUBPOENA FOR PRODUCTION (Ariz. R. Civ. P. 45.2)
YOU ARE COMMANDED to produce the messages of the account b.lund.art.
"""
    kinds = [str(extract_request(t).instrument) for t in (nsl, criminal, civil)]
    assert kinds == ["national_security_letter", "trial_subpoena", "civil_subpoena"]


def test_secrecy_asked_in_other_words_and_other_languages_and_denied_in_others():
    asked = [
        "Please don't let the account holder know we asked.",
        "It is further requested that the user of the account may not be intimated about this.",
        "Considerando o sigilo das investigações, solicita-se que o usuário não seja cientificado.",
        "Il vous est demandé de ne pas informer le titulaire du compte (secret de l'enquête).",
    ]
    denied = [
        "No such order has been sought, and the agency does not ask you to refrain from "
        "telling the subscriber.",
        "The order does not contain a requirement that you not disclose it to your customer.",
    ]
    for sentence, present in [*((s, True) for s in asked), *((s, False) for s in denied)]:
        text = f"REQUEST\nPlease provide the subscriber name of the account kelp.run.\n{sentence}\n"
        assert extract_request(text).nondisclosure.present is present, sentence


def test_an_untitled_schedule_the_command_names_and_a_tick_inside_a_name():
    text = """YOU ARE COMMANDED to produce the records described in the Schedule.

                               SCHEDULE

 1. "Account" means the account shown as "Harbour Deals ✔", which posted offers of
    boat parts for sale.
 2. Records:  (a) name of the subscriber;
              (b) telephone number(s) on the account.
"""
    assert categories(text) == {"subscriber"}


def test_a_scanned_m_read_as_rn_still_names_its_records():
    text = """ATTACHMENT C - RECORDS, June 1 through June 30, 2026
   1) All chat rnessages sent and received, with attachments.
"""
    assert categories(text) == {"content"}


def test_a_command_to_furnish_in_real_time_asks_for_capture():
    text = """     IT IS FURTHER ORDERED that, for thirty days, the provider shall furnish to the
agency, as they occur, the routing information of every message the account sends.
"""
    assert categories(text) == {"realtime_noncontent"}


def test_a_forms_prompt_opens_the_reason_and_a_told_crime_is_a_reason():
    form = """EMERGENCY DISCLOSURE REQUEST

EXPLAIN THE EMERGENCY (facts showing danger of death or serious injury):

   At 03:10 a caller said a man in a red van was holding his sister and would hurt her
   before dawn. Officers found the van empty.

RECORDS REQUESTED:
   [X]  Subscriber information
"""
    told = """Sir - forwarding the deputy's write-up.

At about 9 PM a man forced a woman into a car at gunpoint outside the station. Witnesses
heard a shot fired. She sent one message saying he had a knife and was driving north.
"""
    assert "holding his sister" in (extract_request(form).purpose or "")
    assert "forced a woman into a car at gunpoint" in (extract_request(told).purpose or "")


def test_who_wrote_to_the_account_is_transactional_and_payment_means_subscriber():
    text = """the following:

     For the account username gullwing.post, for May 1 through May 31, 2026:

     1.  Means and source of payment, if any;
     2.  The handles of every account that sent a message to the account, with dates.
"""
    assert categories(text) == {"subscriber", "transactional"}
    assert extract_request(text).population is None


def test_steps_of_a_warrant_are_items_and_a_time_is_no_list():
    text = """YOU ARE COMMANDED to obtain the following records:

STEP 1.  For every account whose device reported a position inside the area below between
         10:30 p.m. and 11:15 p.m. on June 2, 2026, a list giving, for each device, an
         identifier and the coordinates of each location point.

STEP 2.  Upon written request of the officer, for up to 3 of those identifiers, the
         subscriber information for the account.
"""
    assert categories(text) == {"location", "subscriber"}


def test_a_list_after_a_command_broken_by_its_targets_is_read():
    text = """     IT IS ORDERED that the provider disclose, within 48 hours of service, for the
account

          - username:  lantern.quay

for the period March 1, 2026 to March 31, 2026:

     (i)  subscriber names and telephone numbers; and
     (ii) all login records, including IP addresses.
"""
    assert categories(text) == {"subscriber", "transactional"}


def test_a_numbered_part_titled_with_its_records_is_a_schedule():
    text = """   II.  PERIOD:  May 1, 2026 through May 31, 2026

   III. RECORDS, for each account listed in Part I:

        1. Name of the account holder;
        2. Telephone number(s).

        Do not produce message content.
"""
    assert categories(text) == {"subscriber"}


def test_an_officers_asks_in_plain_words():
    text = """From: Officer Lane <lane@example.gov>
To: lerts@example.com
Subject: Re: account pier.nine

If you can at least send me the name on the account and the IP addresses it used since
May 1, I can take it from there. The chats between him and the victim would be great too.
Please reply directly to this e-mail with whatever you find.

Requested, for the past 24 hours:
    - Last known location of the device
"""
    assert categories(text) == {"subscriber", "transactional", "content", "location"}


def test_a_form_s_targets_and_circumstances_are_no_items_and_a_statute_is_no_title():
    text = """REQUEST FOR THE DISCLOSURE OF PERSONAL DATA
Data Protection Act 2018, Schedule 2, Part 1, Paragraph 2

Circumstances:
    Victims were sent chat messages from the account below.

Data subject(s) / account identifiers:
    (a) Chat handle:     quay_warden_7

Information requested (period 01/09/2026 to 15/11/2026):
    1. Registration details: name and telephone number of the account.
"""
    assert categories(text) == {"subscriber"}


def test_the_ip_address_an_account_was_opened_from_is_subscriber_information():
    text = """RECORDS TO BE PRODUCED
1. The date the account was opened and the IP address used to register it.
"""
    assert categories(text) == {"subscriber"}


def test_the_details_of_a_channel_are_no_reason_section():
    text = """Sir,

The channel below has been posting videos of the town's planning meetings.

Details of the channel:

    Channel : dune_notes

You are directed to furnish the registration details of the channel.
"""
    purpose = extract_request(text).purpose or ""
    assert "posting videos" in purpose and "furnish" not in purpose


def test_wrapping_does_not_make_titles_or_lose_lists():
    wrapped_intro = """     For June 2026, the provider is required to disclose the following
records for the account listed in
Attachment A:

     a. Basic subscriber records: the names and telephone numbers of the account.
"""
    wrapped_noun = """The FBI directs you to provide the name and address of the subscriber, but not
information (not to include message content or location), for the
account below.

     Account: reed.warbler
"""
    assert categories(wrapped_intro) == {"subscriber"}
    assert categories(wrapped_noun) == {"subscriber"}


def test_a_return_date_wrapped_over_two_lines_is_read():
    text = """SUBPOENA issued October 1, 2026. Produce the subscriber name of the account on or
before November 2, 2026.
"""
    assert extract_request(text).return_by == date(2026, 11, 2)


def test_a_lettered_paragraph_that_tells_what_happened_is_a_reason():
    text = """REQUEST FOR ASSISTANCE

a.   Between 2 and 9 May 2026 a 13-year-old girl was the victim of sextortion by the user
     of the account below.

b.   Please provide the subscriber information of the account.
"""
    assert "13-year-old girl was the victim" in (extract_request(text).purpose or "")


def test_a_command_paragraph_ending_in_a_colon_opens_its_list_and_targets_are_no_items():
    text = """     YOU ARE COMMANDED to execute this warrant by serving it on the provider, which
shall disclose, for the period May 1, 2026 through the date of service:

     1.  All login and IP address records of the account;
     2.  All records of other accounts with which the account exchanged messages.

     IT IS FURTHER ORDERED that, for thirty days, the provider shall notify the agent
within one hour of every new login to the account, with its IP address.
"""
    targets = """The Bureau directs the provider to disclose the name and address of the subscriber
of the account below, for the period from January 1, 2026 to June 1, 2026:

        Chat username ......... @ivo_tern
        Telephone number on account ... +1 201.555.0177
"""
    assert categories(text) == {"transactional", "realtime_noncontent"}
    assert categories(targets) == {"subscriber"}


def test_a_return_date_after_an_abbreviated_address_and_a_signature_placeholder():
    text = """Dated: November 2, 2026
You are commanded to appear before the County Grand Jury at the Courthouse, 200 N. Main
Street, Harwell, on Wednesday, December 9, 2026, at 1:30 p.m., and to bring the records.
Records may be sent to the detective on or before the date above.

                                   [signature]
"""
    found = extract_request(text)
    assert (found.return_by, found.signed) == (date(2026, 12, 9), True)


def test_an_inquiry_is_a_reason_and_ordered_not_to_disclose_is_an_order():
    text = """     The Grand Jury is inquiring into a rally held without a permit outside the town
hall. The group was used to call residents to the rally and to publish statements
criticizing the mayor.

     The provider is ORDERED not to disclose this subpoena to any person until June 1, 2027.
"""
    found = extract_request(text)
    assert "inquiring into a rally" in (found.purpose or "")
    assert (found.nondisclosure.present, found.nondisclosure.court_ordered) == (True, True)


def test_a_sentence_that_tells_what_the_videos_show_asks_for_nothing():
    text = """Hi, I'm with the city's code office.

The videos show the cabin but never give the owner's name. Could you send me the name and
phone number on the account?
"""
    assert categories(text) == {"subscriber"}


def test_a_table_with_its_cells_parted_by_bars_asks_for_nothing():
    text = """The provider shall produce documents sufficient to identify the name of the
account holder who uploaded each of the following videos:

  Doe | Video URL                              | Upload time
  ----+----------------------------------------+------------------------
   1  | https://example.com/v/Qx81mZr0         | 10/03/2026 22:18:40 MDT
"""
    assert categories(text) == {"subscriber"}


def test_a_courteous_foreign_letter_asks_in_its_own_way():
    text = """Dear Sir or Madam,

We would be most grateful if you could inform us of the name and the telephone number
registered with the account "tide_pool_88". We do not ask for the contents of its messages.
"""
    assert categories(text) == {"subscriber"}


def test_a_letter_that_would_be_grateful_to_receive_a_list_asks_for_it():
    text = """We would be grateful to receive, for the period 1 May 2026 to 1 June 2026:

   (1)  the registration details of the account: name and telephone number;
   (2)  the IP address log of the account.
"""
    assert categories(text) == {"subscriber", "transactional"}


def test_pleading_paper_line_numbers_are_no_part_of_the_text():
    numbers = "\n".join(f"{n:>2}" for n in range(1, 6))
    text = (
        numbers
        + """
 6                       UNITED STATES DISTRICT COURT
 7   IT IS ORDERED that the provider disclose the records in Attachment B.
 8
 9                              ATTACHMENT B
10   1.  Location records: geotag coordinates stored with uploaded photographs.
11   2.  Username: harbor.wren (the account's own name, for the records above)
"""
    )
    found = extract_request(text)
    assert {str(c) for c in found.categories} == {"location"}
    assert [s.value for s in found.selectors] == ["harbor.wren"]


def test_the_providers_own_reply_quoted_in_an_e_mail_is_not_the_demand():
    text = """From: Officer Lane <lane@county.gov>
To: Quill LERS <lers@quill.example>
Subject: RE: Automatic reply

Can you send me the name on the account gull.point? Nobody is in danger.

________________________________
From: Quill LERS <lers@quill.example>
Sent: Friday, November 20, 2026 9:31 AM
Subject: Automatic reply

We disclose user records only on legal process or a qualifying emergency request, and
never the messages or photos of an account without a warrant.
"""
    found = extract_request(text)
    assert str(found.instrument) == "informal_request"
    assert categories(text) == {"subscriber"}


def test_an_item_that_negates_nothing_keeps_its_parts():
    # "anonymized" and "November" hold "no": no negation, so the list's semicolons stay and
    # each part is read on its own.
    text = """Step 1.  For each account whose location the provider recorded inside the area in
November 2026, the provider shall provide an anonymized list containing, for each location
record: an anonymized identifier for the account; the date and time; the latitude and
longitude.
"""
    items = extract_request(text).items
    assert {item.category.value for item in items} == {"location"}
    assert any("identifier for the account; the date and time;" in item.text for item in items)
