### Next steps: options, questions and replies of the next_steps_form.
### Keys are addressed as "next_steps.<key>".

next_steps-option_apply = Hae koulutukseen: { $title }
next_steps-option_look = Katso työpaikka: { $title }
next_steps-option_coach = Juttele ohjaajan kanssa
next_steps-option_cv = Päivitä ansioluetteloni
next_steps-option_employment_services = Käy kaupungin työllisyyspalveluissa
next_steps-done_button = Siinä kaikki
next_steps-ask_first = Mitä haluaisit tehdä seuraavaksi? Valitse yksi askel. Voit valita enintään 3.
next_steps-ask_more = Hyvä valinta. Haluatko lisätä vielä yhden askeleen?
next_steps-added = Lisätty: { $label }.
next_steps-already_picked = Valitsit jo sen. Voit valita toisen tai sanoa, että siinä kaikki.
next_steps-need_one = Valitse ainakin yksi pieni askel. Mikä tahansa käy.
next_steps-not_understood = Anteeksi, en ymmärtänyt. Napauta jotakin painiketta tai kirjoita sen numero.
next_steps-max_reached = Nyt sinulla on 3 askelta. Hienoa!
next_steps-after_questions = Valitaan seuraavat askeleet vielä muutaman kysymyksen jälkeen. Silloin ehdotan myös kursseja ja töitä.
