"""The crisis lexicon: self-harm and death language in Finnish, Swedish and English.

``crisis_signal(text)`` names the first pattern of ``PATTERNS`` found in the
text, folded by ``fold_text`` (NFC, case-folded, ä/ö/å also as a/o, one space).
``rasa_addons.crisis_guard.CrisisGuard`` forces ``express_distress`` when it
matches; bench/nlu/thresholds.py reads it when tuning the second check. The
patterns are first-person, self-directed phrases, not single words ("this job
is killing me", "kuolettavan tylsää" do not match); docs/nlu-pipeline.md,
"The crisis decision", says how they were written and reviewed.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Dict, List, Optional, Text

# Self-directed self-harm and death language. Written against the training
# data's crisis examples and common phrasings; each entry is one regular
# expression over the case-folded text with ä->a, ö->o, å->a (see fold_text).
# Swedish "skär mig" is an accident when a blade, paper or glass, a finger, or cooking follows.
_SV_CUT_BY_ACCIDENT = (
    r"(?![^.!?]{0,25}\b(pa (papper|ett papper|kniv|kniven|en kniv|glas|glaset|burken|en burk|jobbet)|"
    r"i (fingret|tummen|handen|foten|koket)|med (kniven|en kniv)|nar (jag|ja) (lagar|lagade)))"
)

PATTERNS: Dict[Text, List[Text]] = {
    "en": [
        r"suicid|sucid|suicde|self[- ]?harm",
        r"\bkill?(ing)? my ?s[ea]l?f\b|\bkms\b|\bhang(ing)? my ?self\b",
        r"\b(end|ending|take|taking) (it all|my (own )?life)\b|\bmy life to end\b",
        r"\b(want|wanna|plan|planning|going|gonna|ready) to end it\b(?! (with|between)\b)",
        r"\b(want|wanna|wnat|wish i could|going|gonna|ready|rather|like to)\b[^.!?]{0,12}"
        r"\b(die|be dead|dye)\b(?! (my|the|it|her|his|your|a|an|this|that|for|of|than))",
        r"\b(don'?t|do not|dont) (want|wanna) (to )?(live|be alive|exist)\b",
        r"\bbetter off dead\b|\b(no|any) (reason|point) (to|in|of) liv|\bnothing to live for\b|"
        r"\b(not|isn'?t|aint) worth living\b|\bpoint of living\b|\btired of (being alive|living)\b",
        r"\b(cut|cutting|hurt|hurting|harm|harming) my ?self\b|\b(cut|cutting|slit|slitting) (my )?wrists?\b",
        r"\b(never|don'?t|do not|dont) (want to |wanna )?wake up\b|\bwish i (was|were)n'?t alive\b|"
        r"\bnever been born\b",
        r"\bbetter (off )?without me\b|\bwould(n'?t)? miss me\b|\bif i (died|die|was dead|were dead)\b",
        r"\b(way|ways) to die\b|\bthink(ing)? about (dying|death)\b|\bexcept dying\b|"
        r"\bdeath would be better\b",
        r"\bgoodbye letter\b|\bsuicide note\b|\boverdose\b|\btoo many pills\b|\bpills\b[^.!?]{0,30}"
        r"\b(end it|die|kill)",
        r"\b(bridge|roof|rooftop|balcony|window)\b[^.!?]{0,30}\bjump\b|\bjump\b[^.!?]{0,20}"
        r"\b(bridge|roof|balcony|window)\b|\bin front of (a|the) train\b",
        r"\bgive up on life\b|\bdis+ap+e?ar\b[^.!?]{0,25}\b(forever|for good|never come back)\b",
        r"\b(won'?t|will not|not going to) be (here|alive)\b[^.!?]{0,20}\b(tomorrow|longer)\b",
        # Passive wishes and indirect words (issue 12, written from common phrasings;
        # safe-messaging guidance treats them as risk): "unalive", a wish to
        # disappear or stop existing, "I'm a burden", other means, "end the pain".
        r"\bun-?aliv(e|ing)\b|\bsewer ?slide\b|\bnoose\b",
        r"\b(want|wanna|wish i could|going to|gonna)\b[^.!?]{0,12}\b(disappear (forever|for good)|"
        r"stop existing|not exist|sleep (forever|and never))",
        r"\bi'?m (just )?a burden\b|\b(a )?burden (to|for|on) (everyone|everybody|my family)\b",
        r"\b(shoot|shooting|drown|drowning|poison|poisoning|starve|starving|strangle) my ?self\b",
        r"\bend (my|the|all (the|this)) (suffering|pain)\b|\b(want|wish) (it|everything) (all )?to (end|"
        r"be over)"
        r" (for good|forever)\b|\bcan'?t go on living\b",
        r"\b(my )?life (is|feels|seems) (so |just |completely )?(pointless|meaningless|not worth)\b",
        # Fifth pass (issue 12, from data/nlu/en/crisis_boundary.yml): means at hand, a plan
        # for tonight, death as the way out.
        r"\b(took|taken|take|taking|swallow\w*)\b[^.!?]{0,20}\b(a lot of|lots of|loads of|all (the|my|"
        r"of the)|"
        r"a (whole )?bottle of|a handful of)\b[^.!?]{0,10}\b(pills|tablets|meds|medication)\b|"
        r"\b(pills|tablets|meds)\b[^.!?]{0,40}\b(them all|all of them|all at once)\b",
        r"\b(have|got) (a|the) rope\b|\brope (is )?(ready|tied)\b|\b(do|doing) (something|smth|sth|somethin) "
        r"(to|with) my ?self\b|\breason to (stay|be|keep) (alive|living)\b",
        r"\bdeath\b[^.!?]{0,25}\b(only|the) (way out|option|solution)\b|\b(bridge|roof|balcony)\b[^.!?]{0,40}"
        r"\bjumping\b|\b(want|wish) (it|everything) (all )?to (end|be over),? (for good|forever)\b",
        # Sixth pass (issue 12, a newcomer probe): "so done with life" (not "done with living in Espoo").
        r"\b(done|finished) with (life|living|being alive)\b(?! (in|with|at|here|there|on|alone)\b)|"
        r"\bhad enough of (life|living)\b(?! (in|with|at|here|there)\b)",
        # Seventh pass (issue 12, data/nlu/en/everyday_phrasing.yml): going on living.
        r"\b(no|any) (reason|point) (to|in) go(ing)? on living\b",
        # Eighth pass (issue 12, data/nlu/en/phone_messages.yml): ending it, not waking up,
        # violence at home, a knife on oneself.
        r"\b(want|wanna|going) to (go to )?sleep and (never|not) wake up\b|"
        r"\b(thinking (of|about)|looking (for|up)|searching (for)?|found) (ways?|how) to end it( all)?\b|"
        r"\bplan\w* to end it all\b|\bhow to end it all\b|"
        r"\bwant (it all|everything) to end\b(?! (up|well|on|with|in|at|soon|by|nicely|politely)\b)",
        r"\b(husband|wife|boyfriend|girlfriend|partner|dad|father|mom|mum|mother|stepdad|stepfather|brother)"
        r" (hits|beats|beat|hurts|hit|kicks) me\b(?! (at|in|to|by|up|with)\b)"
        r"(?![^.!?]{0,20}\b(at|in) (chess|fifa|tennis|cards|games?|football|poker|badminton)\b)|"
        r"\bthreatening to (hurt|kill) me\b|"
        r"\b(i am|im|i'm) in danger\b(?! of\b)|\bnot safe (at home|with him|with her)\b|"
        r"\bknife\b[^.!?]{0,40}\b(on|against) (me|myself)\b",
        # Ninth pass (issue 12, data/nlu/en/boundaries_in_context.yml): threats, pills saved up, the
        # bridge, goodbye letters, jumping in front of a train, burning oneself on purpose.
        r"\bthreaten\w* (to (kill|hurt) me|me with a (knife|gun|weapon))\b|"
        r"\b(he|she) (threatened|is threatening|keeps threatening) me\b(?! with (?!a (knife|gun|weapon)))|"
        r"\bsomeone is (following|stalking) me\b(?! on\b)|"
        r"\bpills (saved|stored|hidden)\b|\b(saved|saving|collected|collecting) (up )?(pills|tablets)\b|"
        r"\bwant (it|this|everything) to stop for good\b|"
        r"\b(standing|sitting) on (the|a) (bridge|roof|ledge)\b(?! (all day|at work|every day|for work)\b)",
        r"\b(wrote|written|writing|left) (a |my )?goodbye (letter|note)s?\b"
        r"(?! (to|for) (my |the )?(team|colleagues|co-?workers|boss|class|classmates|workplace)\b)|"
        r"\bsuicide note\b|"
        r"\bnobody would (notice|care) if i (was|were) gone\b|"
        r"\bjump\w* in front of (the|a) (metro|train|bus|tram|car)\b|"
        r"\b(burn|burned|burnt|cut) my (arm|arms|wrist|wrists|leg|legs|skin) on purpose\b|"
        r"\bcan'?t do this life anymore\b",
        # Tenth pass (issue 12, crisis examples of data/nlu that cross-validation showed without a signal).
        r"\blife is over for me\b|\bwant out for good\b|\btired of life\b(?! (in|here|at|as|on)\b)|"
        r"\b(no|any) reason to wake up\b(?! (early|at|before)\b)|\bnot in this world\b\s*([.!?]|$)|"
        r"\b(done|finished) with (life|living) at this point\b",
    ],
    "fi": [
        r"itsemurh|itsetuho|itsarimurh|\bitsar(i|ia|ii|in|ista|ille)\b",
        r"\b(tappaa|tapan|tappaisin|tapaa|hirttaa|hirtan|hirttaisin) (itseni|itteni|itsensa|ittensa)\b",
        r"\b(satut|vahingoit)\w* (itse|itte)|\bviil(lan|lin|lat|taa|tan|taisin|tany|tanyt|tanu|si|tel)\w*|"
        r"\branteet auki\b",
        r"\b(haluu?n|haluan|halua|haluaisin|haluisin|haluisi|tekis mieli|tekisi mieli|toivon|"
        r"toivoisin)\b[^.!?]{0,20}"
        r"\bkuol(la|lut|leena|lu|llu)\b(?! (nauru|tylsyy|hapea|ikava|jannity|uteliaisuu|nalka|jano)\w*)|"
        r"\b(oisin|olisin|mieluummin|mielummin)\b[^.!?]{0,15}\bkuol(lut|leena|"
        r"lu|llu)\b",
        r"\bkuolisin\b|\bjos (ma|mina) kuolisin\b|\bkuolema (ois|olis|olisi) parempi\b",
        r"\b(en|emma|enka) (halua|haluu|jaksa|jaksais|tahdo)\b[^.!?]{0,15}\b(elaa|elossa|olemassa)\b|"
        r"\b(en|emma) (oo|ole)\b[^.!?]{0,15}\belossa\b",
        r"\b(en|emma) (halua|haluu|tahdo)( enaa)? (herata|heraa)|\betten (heraa|herais|heraisi)\b",
        r"\blopet\w* (mun |minun )?(elamani|elaman|elama)\b|\blopettaa\b[^.!?]{0,15}\blopullisesti\b|"
        r"\blopettaisin kaiken\b|\belama(ni)? (loppuu|loppuis|loppuisi)\b",
        r"\b(paattaa|paattaisin|paatan) (paivani|elamani)\b",
        r"\bjark(ea|ee|ia)( on)? elaa\b|\belamassa ei (oo|ole) (mitaan )?jark|\bminka takia elaa\b|"
        r"\belamisen arvo",
        r"\bparempi ilman (mua|minua)\b|\bkukaan ei (kaipais|kaipaisi|kaipaa|valittais|valittaisi) (mua|"
        r"minua|jos)",
        r"\bjaahyvaiskirje|\byliannostu|\bliikaa (pillereita|laakkeita|unilaakkeita)\b|"
        r"\bpillere\w*\b[^.!?]{0,30}\b(lopettaa|kuolla|kuolee)\b",
        r"\bkuolla helposti\b|\bet(ta)? kuolee\b|\bulospaasya (ku|kuin) kuolema\b|"
        r"\b(ajattelen|ajattelin|mietin) kuolema",
        r"\b(parvekkee|silla|katol)\w*\b[^.!?]{0,30}\bhyp|\bhyp\w*\b[^.!?]{0,20}"
        r"\b(sillalta|katolta|parvekkeelta|junan)|\bjunan alle\b",
        r"\bkadota lopullisesti\b",
        # Issue 12 additions: passive wishes, "taakka", other means, a meaningless life.
        r"\b(haluu?n|haluan|haluaisin|haluisin|tekis mieli|toivon)\b[^.!?]{0,15}\b(kadota (pois|ikuisesti)|"
        r"pois (tasta|taalta) maailmasta|nukkua ikuisesti|lakata olemasta)",
        r"\b(oon|olen|ma oon|mina olen) (vaan |vain |pelkka )?(taakka|rasite)\b",
        r"\b(ampua|ammun|ampuisin|hukuttaa|hukutan|hukuttaisin|myrkyttaa) (itseni|itteni)\b",
        r"\b(en|emma) (kesta|kestä) (enaa |enää )?elaa\b|\bkuolla pois\b|\blopettaa (tan |taman )?kaiken\b",
        r"\belama(ni)? on (ihan |tosi |taysin )?(turhaa|merkityksetonta|arvotonta)\b|"
        r"\belamalla(ni)? ei (oo|ole) (mitaan )?(merkitysta|tarkoitusta)\b",
        # Fifth pass (issue 12, from data/nlu/fi/crisis_boundary.yml): falling asleep for
        # good, cutting, pills taken or at hand, a plan for tonight, the rope, "ei ois ollenkaan".
        r"\bnukah\w*\b[^.!?]{0,20}\b(enka|eika|ja en)\b[^.!?]{0,12}\bher(at|aa|ais)|\bviiltel\w*|"
        r"\bviillel\w*",
        r"\b(piller|laakke|tablet|unilaak)\w*\b[^.!?]{0,30}\b(kaikki|tahallaan|kerralla)\b|"
        r"\b(otin|ottaa|otan|nielin)\b[^.!?]{0,20}\b(tosi paljon|liikaa|ison kasan|purkillisen|"
        r"koko purkin)\b[^.!?]{0,15}"
        r"\b(piller|laakke|tablet)\w*",
        r"\b(tehda|teen)\b (itselleni|itelleni|ittelleni) jotain( tana yona| tanaan| illalla)?\s*[.!?]*$",
        r"\b(en|emma) (jaksa|kesta) (enaa )?(tata |tallasta |tallaista )?elamaa\b|"
        r"\b(kaikki|elama)\b[^.!?]{0,10}\bloppu\w*\b[^.!?]{0,5}\blopullisesti\b",
        r"\bparempi (et|etta|jos) (mua|minua|ma|mina) ei (ois|olis|olisi)\b|\bkoysi (on )?valmiina\b|"
        r"\bkoyden\b[^.!?]{0,20}\b(kaulaan|valmiiksi)\b",
        # Sixth pass (issue 12, a newcomer probe): enough of life, "loppu elämään", life may end now.
        r"\btarpee(ks|ksi|kseni)\b[^.!?]{0,10}\belamasta\b|\b(oon|olen) (niin |tosi |ihan )?loppu elamaan\b|"
        r"\b(elama|elamani|mun elama) saa (jo |nyt )?loppua\b",
        # Seventh pass (issue 12, data/nlu/fi/everyday_phrasing.yml): "ois parempi jos en ois
        # olemassa", "päättää oman elämän", "ois helpompi olla kuollu".
        r"\b(parempi|helpompi)\b[^.!?]{0,15}\b(en|ma en|mina en) (ois|olis|olisi) (olemassa|elossa)\b|"
        # Ninth pass (issue 12, data/nlu/fi/boundaries_in_context.yml): "jos mua ei ois olemassa",
        # threats, not safe at home, "en haluu olla enää tässä maailmassa", a goodbye letter.
        r"\b(jos )?(mua|minua) ei (ois|olis|olisi) olemassa\b|\bsyyta jatkaa (tata )?elamaa\b|"
        r"\buhkail\w* (mua|minua) (veitsella|aseella|tappaa|tappamalla)\b|\buhkaa tappaa\b|"
        r"\b(en oo|en ole) turvassa (kotona|taalla|sen kanssa)\b|"
        r"\b(en haluu?|en halua) (olla )?enaa tassa maailmassa\b|"
        r"\bhyvastikirje\w*\b(?! (tyokavereille|kollegoille|tiimille|esihenkilolle|pomolle|luokalle))|"
        r"\benka (enaa )?halua elaa\b",
        r"\bpelkaan (et|etta) te(en|kisin) (itelleni|itselleni) jotain\b|"
        r"\b(minua|mua) lyodaan\b|\bhengenvaarassa\b|"
        r"\bkatoisin pysyvasti\b",
        # Eighth pass (issue 12, data/nlu/fi/phone_messages.yml): hurting oneself, violence at home,
        # danger, thinking of death, a jump from the railway.
        r"\b(haluu?n|haluan) (et|etta) kaikki loppuu\s*([.!?,]|$| nyt\b)|\b(itteni|itseni) (satuttami|"
        r"vahingoitta)|"
        r"\b(mies|miesystava|isa|iska|isapuoli|aiti|aitipuoli|poikaystava|tyttoystava|puoliso|kamppis|veli|"
        r"ex|exa)\b[^.!?]{0,15}\b(lyo|hakkaa|satuttaa|potkii) (mua|minua)\b(?![^.!?]{0,20}\w+ssa\b)|"
        r"\bturvaton(ta)? olla kotona\b|"
        r"\b(olen|oon) (hengen)?vaarassa\s*([.!?]|$)|\bjarkea jatkaa elamaa\b|"
        r"\bmietin (koko ajan |paljon |usein )?kuolemaa\b|\bvaan lah(tea|tee|tii) taalta lopullisesti\b|"
        r"\blopetan (tan|taman) kaiken\s*([.!?]|$)|"
        r"\b(junaradan|sillan|katon)\b[^.!?]{0,30}\b(hyppaamista|hyppaisin|hyppaan)\b",
        r"\bpaat(taa|taisin|an|tamaan|tanyt|taa) (oman |mun |minun )?elama(n|ni)\b"
        r"(?! (suun|asi|valin|tavoit|kulu|sisal|laad|hallin|muuto|suhteen|osalta|tarke|kysym))|"
        r"\b(ois|olis|olisi) (helpompi|parempi) olla kuol(lut|lu|llu)\b",
        # Tenth pass (issue 12, crisis examples of data/nlu without a signal in cross-validation).
        r"\b(mulle|minulle) riitt(aa|i) (tama |taa )?elama\b|\belamalla ei (oo|ole) (mulle |minulle )?"
        r"(enaa )?mitaan annettavaa\b|\bhanskat tiskiin\b[^.!?]{0,25}\belama|"
        r"\bjoku (uhkaa|uhkas|uhkasi|vainoaa) (mua|minua|mut|minut)\b(?! \w+lla\b)|"
        r"\bjoku seuraa (mua|minua)\b(?! (somessa|netissa|instassa|instagramissa|tiktokissa|twitterissa))",
    ],
    "sv": [
        r"sjalvmord|sjalvskad",
        # "ta livet av mig" said of oneself; a thing that "tar livet av mig" ("jobbet tar livet
        # av mig", "det kommer att ta livet av mig") is an idiom.
        r"(?<!kommer att )(?<!kommer )\bta (livet av|mitt liv)|"
        r"\b(jag|ja) (tar|ska ta|kommer att ta|kommer ta) (livet av|mitt liv)|"
        r"\btar (jag|ja) (livet av|mitt liv)|(^|[.!?,] )tar (livet av|mitt liv)|"
        r"\bdoda (mig|mej)\b|\bhanga (mig|mej)\b",
        # Not "dö av skam" or "hellre dö än jobba där" (idioms), but "dö av allt det här".
        r"\b(vill|ville|onskar|kanner for att|ska)\b[^.!?]{0,20}\b(do+|vara dod)\b"
        r"(?! av (skam|skratt|tristess|langtan|nyfikenhet|hetta|varmen?|pinsamhet)|"
        r" an (att )?(jobba|ga|gora|sitta|aka|bo|ringa|borja|traffa)\b)",
        r"\b(vill|orkar) (inte|int)( langre)? (leva|vara vid liv|finnas)|\binte (att )?leva (lange|"
        r"mycket) till\b",
        r"\bsluta leva\b|\btrott pa att leva\b|\b(klar|fardig) med (livet|att leva)\b|"
        r"\bfatt nog av (livet|att leva)\b",
        r"\b(battre|hellre) dod\b|\bom jag (dog|dor|var dod)\b|\bbattre utan (mig|mej)\b|\bsakna (mig|mej)\b|"
        r"\bdoden (vore|ar) battre\b",
        r"\bskara (mig|mej)\b|\bskad\w* (mig|mej) sjalv\b|\bhandled(en|er|erna)\b",
        r"\b(gora|gor)( jag)? slut pa (mitt liv|allt|livet|det)\b|\bavsluta (mitt liv|livet)\b|"
        r"\bliv(et)? ska ta slut\b",
        r"\b(aldrig|inte|int) (vakna|vaknar)\b|\binte fanns\b|\baldrig fotts\b",
        r"\b(anledning|vart|varde) att leva\b|\batt leva for\b|\bide att leva\b",
        r"\boverdos\b|\bfor manga tabletter\b|\btabletter\b[^.!?]{0,30}\b(avsluta|do|dor)\b",
        r"\b(balkong\w*|bron|bro|broar|taket|tak)\b[^.!?]{0,30}\bhopp(a|ar|ade|at)?\b|\bhopp\w* (fran|"
        r"ner fran|av) (en |ett )?(bro|taket|"
        r"balkong)|"
        r"\bkasta (mig|mej) framfor\b",
        r"\bsattet att do\b|\butvag an doden\b|\bforsvinna for alltid\b|\b(tanker|tankt) pa doden\b",
        # Issue 12 additions: passive wishes, "en börda", other means, a meaningless life.
        r"\b(vill|ville|onskar)\b[^.!?]{0,12}\b(sluta finnas|inte finnas till|sova for alltid)\b",
        r"\b(jag ar|ar jag) (bara )?en (borda|belastning)\b|\b(borda|belastning) for (alla|min familj)\b",
        r"\b(skjuta|drunkna|dranka|forgifta|svalta) (mig|mej)\b",
        r"\b(ingen|ingen som helst) mening med (livet|att leva|mitt liv)\b|\blivet ar (helt )?meningslost\b|"
        r"\bmeningslost att leva\b|\bstar inte ut med livet\b",
        # Fifth pass (issue 12, from data/nlu/sv/crisis_boundary.yml): the point of living,
        # pills taken or at hand, a plan for tonight, the rope, "för gott".
        r"\bmening(en)? med att leva\b|\bpoang(en)? (med|me) att leva\b",
        r"\b(tabletter|piller|pillren|mediciner)\b[^.!?]{0,30}\b(ta alla|alla pa en gang|ta allihop)\b|"
        r"\b(tog|tagit|ta)\b[^.!?]{0,15}\b(massa|manga|en massa|alla)\b[^.!?]{0,10}\b(piller|tabletter|"
        r"mediciner)\b",
        r"\bgora (nat|nagot|nanting|nagonting) (mot|med) (mig|mej) sjalv\b|\brep(et)? (ar )?(redo|klart)\b|"
        r"\ballt ska ta slut (for gott|for alltid)\b",
        # Seventh pass (issue 12, data/nlu/sv/everyday_phrasing.yml): "skär mej", "skadat mej
        # igen", "vill int va me längre", "borde dö", "försvinna ... för gott".
        r"\b(jag|ja) skar (mig|mej)\b" + _SV_CUT_BY_ACCIDENT + r"|"
        r"\bskadat (mig|mej) sjalv\b|\bskadat (mig|mej) igen\b(?![^.!?]{0,15}\b(i|pa) )|\bingen mening (att|"
        r"med att) leva\b",
        r"\b(vill|orkar) (inte|int) (vara|va) (med|me) (langre|mer)\b"
        r"(?! (i|pa|at|hos|som)\b)(?!,? (radera|ta bort|tack)\b)|"
        r"\b(jag|ja) (borde|skulle) do\b(?! for\b)|"
        r"\b(jag|ja) (vill|ska) (bara )?forsvinna\b[^.!?]{0,25}\b(for gott|for alltid)\b",
        # Eighth pass (issue 12, data/nlu/sv/phone_messages.yml): "vill att allt ska ta slut",
        # cutting, violence at home, danger, a farewell letter.
        r"\bvill att allt ska ta slut\b|\bskurit (mig|"
        r"mej)\b" + _SV_CUT_BY_ACCIDENT + r"|\bvill skada (mig|mej)\b|"
        r"\bslar (mig|mej) sjalv\b|\bbattre om (jag|ja) (inte|int) fanns\b|\blattare om (jag|ja) (var|"
        r"va) dod\b",
        r"\b(min man|min fru|pappa|mamma|pojkvan|flickvan|sambo|styvpappa)\b[^.!?]{0,10}\b(slar|sparkar|"
        r"hotar)"
        r" (mig|mej)\b(?![^.!?]{0,15}\b(i (schack|tennis|kort|fotboll|\w+spel)|med att)\b)|"
        r"\b(nan|nagon) (slar|hotar) (mig|mej)\b|\b(jag|ja) (ar|e) i fara\b(?! att\b)|"
        r"\b(inte|int) trygg hemma\b|\bavskedsbrev\b|\brad(d)? for mitt liv\b|\borkar (inte|"
        r"int) (mer )?med livet\b|"
        r"\bvarfor ska (jag|ja) (ens )?leva\b|\bvill (inte|int) (vara|va) kvar (har )?pa jorden\b|"
        r"\bkniv\b[^.!?]{0,40}\bpa (mig|mej)\b",
        # Ninth pass (issue 12, data/nlu/sv/boundaries_in_context.yml): pills collected, "gör mej illa",
        # the balcony, better off without me, "gör slut på mej", "vill bort för gott".
        r"\bgora mot (mig|mej) sjalv\b|\bsamlat (pa mig |pa mej )?(tabletter|piller)\b|"
        r"\bgor (mig|mej) illa\b(?! (till mods|berord))|"
        r"\bfunderar pa att hoppa\b(?! (av|over|in|pa|till|ur|fallskarm|bungee|runt|med)\b)|"
        r"\b(battre|lyckligare) utan (mig|mej)\b|\b(ta|gora|gor) slut pa (allt|mig|mej)\b|"
        r"(^|[.!?] )skar (mig|mej)\b" + _SV_CUT_BY_ACCIDENT + r"|"
        r"\bvill bort for gott\b|"
        # Tenth pass (issue 12, crisis examples of data/nlu without a signal in cross-validation).
        r"\blivet ar slut for (mig|mej)\b|\b(jag|ja) vill (bara )?forsvinna( for alltid)?\s*[.!]*$",
    ],
}

_COMPILED = {lang: [re.compile(p) for p in patterns] for lang, patterns in PATTERNS.items()}
_FOLD = str.maketrans({"ä": "a", "ö": "o", "å": "a", "é": "e", "’": "'", "´": "'", "`": "'"})


def fold_text(text: Text) -> Text:
    """``text`` as the crisis lexicon and the idioms read it: NFC, case-folded, ä/ö/å as a/o, one space.

    Apostrophe look-alikes become "'", runs of whitespace one space. Used by
    ``crisis_signal`` and by ``rasa_addons.crisis_idioms.figurative_death``'s callers.
    """
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text).casefold().translate(_FOLD))


def crisis_signal(text: Optional[Text]) -> Optional[Text]:
    """``"<lang>:<pattern number>"`` of the first crisis pattern found in ``text``, else ``None``."""
    if not isinstance(text, str) or not text.strip():
        return None
    folded = fold_text(text)
    for lang, patterns in _COMPILED.items():
        for number, pattern in enumerate(patterns):
            if pattern.search(folded):
                return f"{lang}:{number}"
    return None
