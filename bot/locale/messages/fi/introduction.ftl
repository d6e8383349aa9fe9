### Esittelytekstin rakentaja ("Kerro itsestäsi"): kysymykset, lausepohjat, painikkeet, vastaukset.
### Avaimet ovat muotoa "introduction.<avain>"; bot/practice/introduction.py kokoaa lauseet.
### Lausepohjiin tulevat ihmisen omat sanat ($strengths, $experience, $wish) sellaisinaan.

## introduction_form-lomakkeen kysymykset
introduction-start = Kirjoitetaan yhdessä lyhyt esittely sinusta. Voit käyttää sitä, kun joku sanoo "Kerro itsestäsi", tai CV:ssäsi. Kysyn kolme lyhyttä kysymystä. Voit ohittaa minkä tahansa.
introduction-ask_did = Mitä olet tehnyt tähän asti? Esimerkiksi töitä, opintoja, vapaaehtoistyötä, harrastuksia tai perheen hoitamista. Muutama sana riittää.
introduction-ask_good_at = Missä olet hyvä? Mieti, mistä muut kiittävät sinua tai mikä tuntuu sinusta helpolta.
introduction-ask_want_next = Mitä haluaisit tehdä seuraavaksi?
introduction-skip_button = Ohita kysymys
introduction-reframe = Kaikilla on asioita, joita he vielä opettelevat. Tähän kirjoitetaan se, mitä osaat, joten jätän tuon osan pois.

## Lausepohjat (minä-muodossa, ihmisen omat sanat muuttujissa)
introduction-present_field = Minua kiinnostaa erityisesti { $field }.
introduction-present_general = Etsin seuraavaa askelta työelämässä.
introduction-strengths = Vahvuuksiani ovat { $strengths }.
introduction-strengths_verb = Vahvuuksiani ovat { $strengths }.
introduction-skills = Osaamiseeni kuuluu { $skills }.
introduction-past = Kokemukseeni kuuluu { $experience }.
introduction-past_occupations = Minulla on kokemusta näistä töistä: { $occupations }.
introduction-future = Seuraavaksi tavoitteeni on { $wish }.
introduction-future_verb = Seuraavaksi tavoitteeni on { $wish }.
introduction-future_goal_job = Seuraavaksi haluan löytää työn, jossa pääsen käyttämään osaamistani.
introduction-future_goal_study = Seuraavaksi haluan opiskella ja oppia uutta.
introduction-future_goal_both = Seuraavaksi haluan tehdä töitä ja oppia lisää.
introduction-future_goal_unsure = Seuraavaksi haluan selvittää, mikä polku sopii minulle parhaiten.
introduction-closing = Kerron mielelläni lisää.
introduction-list_and = { $head } ja { $last }

## Näyttäminen, muuttaminen, kopiointi
introduction-shown = Tässä on esittelysi. Voit muuttaa mitä tahansa lausetta, kopioida tekstin tai lisätä sen yhteenvetoosi ohjaajalle.
introduction-edit_hint = Jos haluat muuttaa lausetta, napauta sen painiketta tai kirjoita lauseen numero ja uusi teksti, esimerkiksi: 2: Tykkään auttaa ihmisiä.
introduction-change_button = Muuta lausetta { $number }
introduction-copy_button = Kopioi tai lataa
introduction-summary_button = Lisää yhteenvetooni
introduction-done_button = Valmis
introduction-ask_new_sentence = Kirjoita uusi teksti lauseelle { $number }. Nyt siinä lukee: { $sentence }
introduction-ask_which = Mitä lausetta haluat muuttaa? Kirjoita lauseen numero ja uusi teksti, esimerkiksi: 2: Tykkään auttaa ihmisiä.
introduction-no_such_sentence = Esittelyssäsi on lauseet 1–{ $count }. Mitä niistä haluat muuttaa?
introduction-edit_empty = En löytänyt tuosta lausetta. Kirjoita muutamalla sanalla, mitä osaat tai mitä haluat.
introduction-changed = Lause { $number } on nyt muutettu.
introduction-plain = Tässä esittelysi tavallisena tekstinä. Voit kopioida sen tai tallentaa sen tiedostoksi.
introduction-filename = esittelyni.txt
introduction-added_to_summary = Lisätty. Esittelysi on nyt osa yhteenvetoasi. Ohjaaja näkee sen vain, jos annat luvan jakaa yhteenvedon.
introduction-added_shared = Lisätty. Esittelysi on nyt jakamassasi yhteenvedossa, joten ohjaaja voi lukea sen.
introduction-added_private = Lisätty. Esittelysi on nyt yhteenvedossasi. Se pysyy vain sinun, ellet jaa yhteenvetoa.
introduction-save_failed = Anteeksi, en saanut lisättyä sitä tallennettuun yhteenvetoon juuri nyt. Teksti on tallessa tässä, ja se tulee mukaan seuraavaan yhteenvetoosi.
introduction-none_yet = Emme ole vielä kirjoittaneet esittelyäsi. Kirjoitetaanko se nyt?
introduction-start_button = Kirjoita esittelyni
introduction-skills_heading = Osaamiseni CV:tä varten:
introduction-summary_heading = Esittely:
