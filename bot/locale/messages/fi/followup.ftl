### Follow-up of agreed next steps (issue 15): due dates, the review when a person
### comes back with a resume code, the opt-in e-mail reminder and its mail.
### Keys are addressed as "followup.<key>".

## Due date of a step (asked in next_steps_form right after a pick)
followup-ask_due = Milloin haluaisit tehdä tämän: { $label }? Valitse vaihtoehto tai kirjoita päivä (esimerkiksi 15.1.).
followup-due_week = Viikon päästä
followup-due_two_weeks = Kahden viikon päästä
followup-due_month = Kuukauden päästä
followup-due_none = Ei vielä päivää
followup-due_set = Hyvä! { $date } on merkitty muistiin.
followup-due_not_set = Ei haittaa, päivää ei tarvita nyt.
followup-due_not_understood = Anteeksi, en ymmärtänyt päivää. Valitse vaihtoehto tai kirjoita päivä, esimerkiksi 15.1. (vuoden sisällä).

## Opt-in reminder after the summary
followup-offer_reminder = Haluatko muistutuksen sähköpostiin valitsemanasi päivänä? Saat päättää itse.
followup-reminder_yes_button = Kyllä, muistuta minua
followup-reminder_no_button = Ei kiitos
followup-ask_email = Mihin sähköpostiosoitteeseen muistutus lähetetään? Käytämme osoitetta vain tähän muistutukseen ja poistamme sen, kun askel on tehty.
followup-no_reminder_button = Ei muistutusta
followup-email_invalid = Tämä ei näytä sähköpostiosoitteelta. Tarkista osoite tai valitse "Ei muistutusta".
followup-reminder_set = Kiitos. Lähetämme muistutuksen { $dates } osoitteeseen { $email }.
followup-reminder_declined = Selvä, ei muistutusta. Koodillasi pääset askeliisi takaisin milloin vain.
followup-reminder_failed = Anteeksi, en saanut muistutusta tallennettua juuri nyt. Askeleesi ovat tallessa.

## Review of open steps when the person comes back
followup-review_intro = Viime kerralla suunnittelit muutaman askeleen. Katsotaan ne ensin.
followup-review_ask = { $label }. Miten meni?
followup-review_ask_dated = { $label } ({ $date } mennessä). Miten meni?
followup-done_button = Tehty
followup-not_yet_button = Ei vielä
followup-change_button = Vaihda askel
followup-celebrate = Hienoa, teit sen! Se on oikea askel eteenpäin.
followup-kept_open = Ei se mitään. Askel jää listallesi. Pienetkin askeleet ovat tärkeitä.
followup-changed = Selvä, valitaan sen tilalle toinen askel.
followup-new_step_button = Valitse uusi askel
followup-offer_new_step = Haluatko valita uuden askeleen?
followup-new_step_later = Voit valita uuden askeleen, kun pääsemme seuraaviin askeliin muutaman kysymyksen jälkeen.
followup-review_done = Kiitos, kun kerroit.
followup-review_closed = Tämä askel on jo merkitty valmiiksi.
followup-review_failed = Anteeksi, en saanut tätä tallennettua juuri nyt. Yritä hetken päästä uudelleen.

## The reminder mail (only the step and its date; no name, no code)
followup-mail_subject = Muistutus: seuraava askeleesi
followup-mail_hello = Hei,
followup-mail_step = Suunnittelit DigiPoint-chatissa tämän askeleen: { $label } ({ $date } mennessä).
followup-mail_encourage = Sinä pystyt siihen! Jos haluat apua, avaa chat uudelleen ja pyydä ohjaajaa.
followup-mail_stop = Tämä on ainoa muistutus tästä askeleesta, ja sähköpostiosoitteesi poistetaan sen jälkeen. Jos haluat lopettaa muiden askelten muistutukset, avaa chat, anna koodisi ja merkitse askeleet tehdyiksi, tai kirjoita "poista tietoni".
followup-answer_first = Kerro ensin, miten askel meni. Sitten jatketaan kysymyksiin.
