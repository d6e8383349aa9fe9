"""CrisisGuard (rasa_addons/crisis_guard.py): crisis words force express_distress; without them
a weak express_distress is demoted. Both sides, in fi/sv/en, no model needed."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("rasa")

import yaml  # noqa: E402
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT  # noqa: E402
from rasa.shared.nlu.training_data.message import Message  # noqa: E402

from rasa_addons.crisis_guard import CrisisGuard, crisis_signal  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]

CRISIS = [
    "i want to kill myself", "im gonna kill myself", "I'm feeling SUICIDAL", "i don't want to live anymore",
    "i wish i could just die", "everyone would be better off without me", "i've been cutting myself again",
    "haluun kuolla", "mä haluun vaan kuolla pois", "en jaksa enää elää", "mietin itsemurhaa",
    "tapan itteni", "haluun satuttaa itseäni", "en halua elaa enaa",
    "jag vill dö", "jag vill inte leva längre", "jag tänker ta livet av mig", "självmordstankar",
    "jag vill skada mig själv", "det är ingen idé att leva",
    # issue 12 additions
    "i just want to unalive", "i want to stop existing", "i'm a burden to everyone", "i want to drown myself",
    "i can't go on living", "my life is pointless", "haluun vaan kadota ikuisesti", "oon vaan taakka",
    "en kestä enää elää", "mun elämä on ihan turhaa", "haluun lopettaa tän kaiken",
    "jag vill sluta finnas", "jag är bara en börda", "det finns ingen mening med livet",
    # fifth pass: means at hand, a plan for tonight, spoken forms
    "i swallowed a handful of pills", "got the rope ready", "im going to do something to myself",
    "haluan kuolla", "mietin itsaria", "oon viillelly taas", "otin liikaa pillereitä",
    "aion tehdä itelleni jotain tänä yönä", "en jaksa tätä elämää enää", "oisin mielummin kuollu",
    "vill döö", "jag tog en massa tabletter", "vad är poängen med att leva",
    # sixth pass: a newcomer probe's "done with life" got feel_discouraged or the fallback
    "im so done with life", "done with life", "ive had enough of life", "mä oon niin loppu elämään",
    "oon saanu tarpeeks elämästä", "mun elämä saa loppua nyt", "jag är så färdig med livet",
    "har fått nog av att leva",
    # seventh pass: new training phrases the lexicon did not cover
    "no reason to go on living", "ois parempi jos en ois olemassa", "mietin miten vois päättää oman elämän",
    "ois helpompi olla kuollu", "ja skär mej", "ja har skadat mej igen", "de e ingen mening att leva",
    "ja vill int va me längre, på riktigt", "ibland tänker ja att ja borde dö",
    "ja vill försvinna från jorden för gott",
    # eighth pass: violence at home, danger, a knife, not waking up, thinking of death
    "i want to sleep and not wake up", "i been thinking of ways to end it", "my husband hits me",
    "help i am in danger", "i have a knife and i keep thinking of using it on me",
    "oon miettiny itteni satuttamista", "isä hakkaa mua", "olen vaarassa", "mietin koko ajan kuolemaa",
    "oon seisonu junaradan vieressä ja miettiny hyppäämistä", "min man slår mej", "ja e i fara",
    "har skrivit ett avskedsbrev", "varför ska ja ens leva", "det vore bättre om ja int fanns",
    # ninth pass: threats, pills saved up, the bridge, goodbye letters, not safe at home
    "i'm scared to go home, he threatened me", "i have pills saved up and i keep looking at them",
    "i'm standing on the bridge right now", "i wrote goodbye letters to my family",
    "i feel like jumping in front of the metro", "i burned my arm on purpose again",
    "mietin et ois helpompaa jos mua ei ois olemassa", "mun kämppis uhkailee mua veitsellä",
    "en oo turvassa kotona", "mä en haluu olla enää tässä maailmassa",
    "Kirjoitin jo hyvästikirjeen perheelle.", "pelkään et teen itelleni jotain tänä iltana",
    "ja skär mej ofta",
    "Minua lyödään kotona. En tiedä minne mennä.", "hengenvaarassa", "jag har samlat tabletter",
    "Pappa gör mej illa hemma", "Jag sitter på balkongen och funderar på att hoppa", "skär mej",
    "Alla vore lyckligare utan mej", "allt svart, vill bort för gott",
    # Tenth pass: written like the crisis examples cross-validation found without a signal.
    "so im just done with life at this point", "i'm tired of life", "life is over for me now",
    "there is no reason to wake up anymore", "mulle riittää tää elämä", "joku uhkaa mua koko ajan",
    "elämällä ei ole minulle enää mitään annettavaa", "joku seuraa mua kotiin", "livet är slut för mej",
    "jag vill bara försvinna",
    # Said of oneself, next to the idioms below that a newcomer walk found.
    "jag tar livet av mig", "om det fortsätter så tar jag livet av mig", "jag kommer att ta livet av mig",
    "tar livet av mig ikväll", "jag vill hellre dö än leva så här", "haluaisin kuolla",
    "haluaisin kuolla pois", "jag vill dö av allt det här", "ska dö snart, orkar inte",
]
NOT_CRISIS = [
    "I feel hopeless about finding a job", "this job search is killing me", "i'm dying to start working",
    "can you book a table for two", "my wrist hurts from typing", "i want to dye my hair",
    "en jaksa hakea enää", "mua ahdistaa tää työnhaku", "kuolettavan tylsää",
    "mikä on paras tapa itseni kehittämiseen",
    "haluun lopettaa tän keskustelun", "isoäiti kuoli viime vuonna ja nyt haen töitä",
    "jag orkar inte söka jobb längre", "jag vill träffa en handledare", "jag vill avsluta mitt konto",
    "döda tiden med en kurs", "jag är ledsen för att ingen svarar på mina ansökningar",
    # near misses of the issue 12 additions
    "i want to disappear from facebook", "is this course a burden on my time", "shoot me an email",
    "this search feels pointless", "i can't go on a course abroad", "haluun lopettaa tän kurssin",
    "mä oon ihan kuollu väsyny", "tää työnhaku on turhaa", "en kestä enää tätä jonottamista",
    "jag vill inte vara en belastning på kursen", "ingen mening med att söka fler jobb",
    # near misses of the fifth pass
    "i took all my vitamins today", "jump rope workout", "can i do something for myself like a course",
    "teen itselleni jotain syötävää", "otin kaikki lääkkeet mukaan matkalle", "haluan kuulla lisää",
    "jag tog med alla papper", "vad är poängen med att söka jobb", "hyppäsin junaan",
    # near misses of the sixth pass
    "i'm done with living in espoo", "done with my application, what next", "i killed it at the gym",
    "haluun tehdä tätä työtä loppu elämään", "saanut tarpeekseni tästä hakemisesta",
    "tapoin aikaa pelaamalla",
    "jag är färdig med kursen", "jag har fått nog av att söka jobb", "festen var helt död",
    # near misses of the seventh pass
    "no reason to go on with this course", "päätin vaihtaa alaa", "ois parempi olla töissä",
    "jag skar mig på kniven när jag lagade mat", "jag har skadat mig i foten",
    "jag vill inte vara med i gruppen längre", "jag borde söka fler jobb", "jag vill försvinna från facebook",
    "haluun päättää oman elämän suunnasta ite", "jag vill inte vara med längre i kursen",
    # near misses of the eighth pass
    "my brother beat me at fifa", "i want to end it with my boyfriend", "i am in danger of losing my benefit",
    "olen vaarassa menettää työttömyysturvan", "mietin koko ajan kurssia", "han slår mig alltid i schack",
    "jag vill att kursen ska ta slut snart", "ja e i farten igen", "i just want it to end, this job hunt",
    # near misses of the ninth pass
    "my landlord threatened me with eviction", "someone is following me on instagram",
    "i want this cough to stop", "we sat on the roof terrace", "i burned my arm on the oven",
    "oon turvassa kotona", "onko tää sieni hengenvaarallinen", "en oo turvassa työpaikan suhteen",
    "jag funderar på att hoppa av kursen", "det gör mig illa till mods", "vi gör slut på kaffet",
    "jag skär mig alltid på papper",
    # a reviewer's near misses of passes 7-9 (each matched before the fix)
    "My cover letter is almost done but I don't know how to end it", "How to end it politely when I decline?",
    "Is there any way to end it, the subscription?", "I want everything to end up in one PDF",
    "My brother hit me up about a job opening", "My brother beat me again at chess lol",
    "My partner hits me with questions", "He threatened me with firing if I'm late",
    "She threatened me with a bad reference", "Can you help me write a goodbye note to my team?",
    "I worked as a roofer, standing on the roof all day",
    "Haluan tehdä päätöksiä oman elämän suhteen", "Päätöksiä elämän tärkeistä asioista",
    "Työkkäri uhkaa mua karenssilla", "Kela uhkaa mua takaisinperinnällä", "Pomo uhkailee mua potkuilla",
    "Isä hakkaa mua aina shakissa", "Se satuttaa mua kun kukaan ei vastaa hakemuksiin", "Vauva potkii mua",
    "Kirjoitan hyvästikirjeen työkavereille", "Haluan lähteä täältä lopullisesti, muutan Ruotsiin",
    "Lopetan tämän kaiken stressaamisen", "Haluan että kaikki loppuu ajoissa",
    "Oon tehny katon korjauksia ja voisin hypätä mukaan",
    "Kan mina uppgifter försvinna för gott?", "Jag vill att min profil ska försvinna för gott",
    "Jag vill inte vara med längre, radera mina uppgifter", "Jag vill inte vara med mer, tack",
    "Jag skar mig på jobbet och är sjukskriven", "Jag skar mig när jag lagade mat igår",
    "Jag har skadat mig igen i knät och kan inte jobba", "Jag har skurit mig med kniven i köket",
    "Pappa slår mig alltid i schack", "Min sambo slår mig i tennis", "Mamma hotar mig med att sälja bilen",
    "Jag är i fara att förlora a-kassan", "Jag funderar på att hoppa ur kursen", "Det gör mig illa berörd",
    "Jag skulle dö för en kaffe nu", "Min bror hoppas att jag får jobbet",
    "Jag läste broschyren och hoppas på svar",
    "I'm going to die of boredom in this queue", "I'd rather die than work there again",
    "tired of life in the suburbs", "no reason to wake up early on saturday", "done with life at work today",
    "joku seuraa mua instassa", "joku uhkaa mua sakoilla", "Työkkäri uhkaa mua karenssilla",
    "jag vill bara försvinna härifrån och flytta till landet", "not in this world lol, the rent is crazy",
    # A newcomer walk: a thing that kills, dying of shame or laughter, rather dying than working there.
    "det här jobbet tar livet av mig", "stressen kommer att ta livet av mig", "jag ska dö av skam",
    "vill hellre dö än jobba där igen", "haluaisin kuolla nauruun", "haluun kuolla häpeään",
    "jag vill dö av skratt",
]


def message(text: str, ranking: list[tuple[str, float]]) -> Message:
    items = [{"name": n, "confidence": c} for n, c in ranking]
    return Message(data={TEXT: text, INTENT: items[0], INTENT_RANKING_KEY: items})


@pytest.mark.parametrize("text", CRISIS)
def test_crisis_language_is_found(text: str) -> None:
    assert crisis_signal(text), text


@pytest.mark.parametrize("text", NOT_CRISIS)
def test_sadness_and_everyday_words_are_not_crisis_language(text: str) -> None:
    assert crisis_signal(text) is None, (text, crisis_signal(text))


def test_crisis_words_force_express_distress_over_any_prediction() -> None:
    guard = CrisisGuard({"intent": "express_distress", "keep_threshold": 0.5})
    for top in ("feel_discouraged", "out_of_scope", "nlu_fallback", "inform"):
        m = message("en jaksa enää elää", [(top, 0.9), ("express_distress", 0.05)])
        assert guard.decide(m) == "forced"
        assert m.get(INTENT) == {"name": "express_distress", "confidence": 1.0}
        names = [r["name"] for r in m.get(INTENT_RANKING_KEY)]
        assert names[0] == "express_distress" and names.count("express_distress") == 1
        assert m.get("crisis_signal")


def test_weak_express_distress_without_crisis_words_is_demoted_to_the_next_intent() -> None:
    guard = CrisisGuard({"intent": "express_distress", "keep_threshold": 0.5})
    m = message("I feel hopeless about finding a job", [("express_distress", 0.45), ("feel_discouraged", 0.4),
                                                         ("out_of_scope", 0.1)])
    assert guard.decide(m) == "demoted"
    assert m.get(INTENT)["name"] == "feel_discouraged"
    assert [r["name"] for r in m.get(INTENT_RANKING_KEY)] == ["feel_discouraged", "out_of_scope"]


def test_confident_express_distress_is_kept_without_crisis_words() -> None:
    guard = CrisisGuard({"intent": "express_distress", "keep_threshold": 0.5})
    m = message("i can't go on like this", [("express_distress", 0.8), ("feel_discouraged", 0.1)])
    assert guard.decide(m) == "kept"
    assert m.get(INTENT) == {"name": "express_distress", "confidence": 0.8}


def test_other_predictions_are_left_alone() -> None:
    guard = CrisisGuard({"intent": "express_distress", "keep_threshold": 0.5})
    m = message("book me a table", [("out_of_scope", 0.7), ("express_distress", 0.2)])
    assert guard.decide(m) is None
    assert m.get(INTENT)["name"] == "out_of_scope"


def test_every_crisis_example_of_the_training_data_has_a_signal_or_is_left_to_the_classifier() -> None:
    """Guard: no training example of another intent contains crisis language (no false force)."""
    from rasa.shared.nlu.training_data.loading import load_data

    false = [m.get(TEXT) for m in load_data(str(ROOT / "data" / "nlu")).intent_examples
             if m.get(INTENT) != "express_distress" and crisis_signal(m.get(TEXT))]
    assert not false


def test_the_guard_sits_between_the_classifier_and_the_fallback() -> None:
    names = [c["name"] for c in yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))["pipeline"]]
    guard = names.index("rasa_addons.crisis_guard.CrisisGuard")
    classifier = names.index("rasa_addons.linear_intent.LinearIntentClassifier")
    assert classifier < guard < names.index("FallbackClassifier")
