"""Support actions: distress safety net and talking to a coach, per city and language."""

from __future__ import annotations

import asyncio

import pytest

from actions.support import ActionHandleDistress, coach_message


def test_distress_message_in_finnish_for_espoo(make_tracker, dispatcher, domain) -> None:
    tracker = make_tracker(slots={"language": "fi", "city": "Espoo"}, intent="express_distress")
    events = asyncio.run(ActionHandleDistress().run(dispatcher, tracker, domain))
    assert events == []
    assert [m["text"] for m in dispatcher.messages] == [
        "Olen pahoillani, että sinulla on näin raskasta. Sinun ei tarvitse jäädä tämän kanssa yksin.\n"
        "Jos olet nyt vaarassa, soita hätänumeroon 112.\n"
        "Voit puhua jonkun kanssa: MIELI Kriisipuhelin 09 2525 0111 (auki ympäri vuorokauden). https://mieli.fi\n"
        "Voit myös pyytää täällä, että saat jutella työllisyyspalvelujen ihmisen kanssa."
    ]


@pytest.mark.parametrize(("lang", "phone"), [("en", "09 2525 0116"), ("sv", "09 2525 0112")])
def test_distress_line_follows_the_language_without_a_city(
    make_tracker, dispatcher, domain, lang, phone
) -> None:
    asyncio.run(ActionHandleDistress().run(dispatcher, make_tracker(slots={"language": lang}), domain))
    text = dispatcher.messages[0]["text"]
    assert "112" in text
    assert phone in text


def test_coach_contacts_of_turku_in_swedish() -> None:
    # Part of what action_handoff_to_coach says (tests/coach for the handoff itself).
    assert coach_message("Turku", "sv").splitlines() == [
        "En handledare från Åbo sysselsättningstjänster kan hjälpa dig.",
        "Telefon: 02 330 000 (vardagar under tjänstetid). Webb: https://www.turku.fi/sv",
        "Du kan också komma på besök: Monitori, Salutorget.",
        "Vad händer sedan: en handledare ser en sammanfattning av vår chatt bara om du godkänner det. "
        "När du kontaktar tjänsten kan du säga att du har använt DigiPoint.",
    ]


def test_coach_contacts_default_when_no_city() -> None:
    lines = coach_message("online", "en").splitlines()
    assert lines[0] == "A coach from Job Market Finland (Työmarkkinatori) can help you."
    assert lines[1] == "Phone: 0295 025 505 (weekdays, office hours). Web: https://tyomarkkinatori.fi/en"
    assert len(lines) == 3
