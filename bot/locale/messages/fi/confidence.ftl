### Confidence check (self-efficacy): question frame, buttons, feedback.

confidence-progress = Kysymys { $n }/{ $total }
confidence-skip_button = Ohita tämä osio
confidence-invalid = Valitse numero 1–5. 1 tarkoittaa, ettet ole lainkaan varma, ja 5, että olet täysin varma. Voit myös ohittaa tämän osion.
confidence-score = Vastaustesi keskiarvo on { $score }/5.
confidence-feedback_high = Luotat omiin taitoihisi. Siitä on sinulle paljon apua.
confidence-feedback_mid = Sinulla on hyvä pohja, jonka päälle rakentaa.
confidence-feedback_low = Moni on tässä vaiheessa epävarma, ja se on ihan ok. Varmuus kasvaa pienin askelin, ja etsimme niitä yhdessä.
confidence-strength = Olet varmin siitä, että { $strength }. Se on todellinen vahvuus.
confidence-strength_low = Näistä luotat eniten siihen, että { $strength }. Siitä on hyvä aloittaa.
confidence-and_word = {" "}ja{" "}
confidence-all_skipped = Ei haittaa. Voimme palata tähän toisella kertaa. Jo tänne tuleminen oli hyvä askel.
confidence-trend_up = Se on enemmän kuin viime kerralla ({ $previous }). Hienoa!
confidence-trend_same = Se on suunnilleen sama kuin viime kerralla ({ $previous }).
confidence-trend_down = Se on vähän vähemmän kuin viime kerralla ({ $previous }). Niin käy joskus, ja se voi taas muuttua.
confidence-not_saved = En pystynyt tallentamaan tätä juuri nyt, mutta voimme jatkaa.
confidence-unsure = Kiitos, että kerroit. En ole ihan varma, mikä numero sopii parhaiten, joten en arvaa. Valitsisitko yhden napeista?
confidence-section_skipped = Selvä, ohitin loput näistä kysymyksistä.
