### Summary shown at the end of the conversation, and the consent question.
### Keys are addressed as "summary.<key>".

summary-heading = Tässä on lyhyt yhteenveto keskustelustamme.
summary-goal_job = Etsit työtä.
summary-goal_study = Haluat opiskella tai kouluttautua.
summary-goal_both = Haluat työtä ja opiskelua.
summary-goal_unsure = Et ole vielä varma, mitä haluat. Se on ihan hyvä.
summary-field = Ala: { $field }.
summary-place = Paikka: { $city }.
summary-place_online = Paikka: verkossa.
summary-confidence = Luottamuksesi omiin taitoihin: { $score }/5.
summary-interests = Sinua kiinnostaa: { $interests }.
summary-kept = Vaihtoehdot, joita katsoimme: { $items }.
summary-rejected = Ei sinulle: { $items }.
summary-next_steps = Seuraavat askeleesi:
summary-step_due = { $label } ({ $date } mennessä)
summary-no_next_steps = Et valinnut vielä seuraavia askeleita.
summary-ask_share = Saako ohjaaja lukea tämän yhteenvedon? Se auttaa häntä auttamaan sinua. Sinä päätät.
summary-yes_button = Kyllä, ohjaaja saa lukea sen
summary-no_button = Ei, pidä se yksityisenä
summary-shared = Kiitos. Ohjaaja voi nyt lukea yhteenvetosi.
summary-not_shared = Selvä. Yhteenvetosi pysyy yksityisenä. Ohjaaja ei lue sitä.
summary-offer_coach = Halutessasi voit myös jutella ihmisen kanssa.
summary-coach_button = Juttele ohjaajan kanssa
summary-no_summary = En ole vielä tallentanut yhteenvetoa. Tehdään se, kun olet valinnut seuraavat askeleet.
summary-save_failed = Anteeksi, en pystynyt tallentamaan yhteenvetoa juuri nyt. Mitään ei hävinnyt. Yritä hetken päästä uudelleen.
summary-consent_failed = Anteeksi, en pystynyt tallentamaan vastaustasi juuri nyt. Yritä hetken päästä uudelleen.
summary-handoff_already_shared = Ohjaaja voi lukea yhteenvedon, jonka jaoit.
summary-handoff_already_private = Yhteenvetosi pysyy vain sinun. Ohjaaja ei näe sitä.
summary-ask_share_handoff = Tämän voin välittää ohjaajalle. Saako ohjaaja lukea sen? Sinä päätät. Mitään ei jaeta ilman lupaasi.
summary-handoff_shared = Kiitos. Ohjaaja voi nyt lukea yhteenvedon.
summary-handoff_private = Selvä. Yhteenvetosi pysyy vain sinun. Ohjaaja ei näe sitä.
summary-ask_share_handoff_again = Vastaa vielä napilla: saako ohjaaja lukea yhteenvedon?
