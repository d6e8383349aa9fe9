### Interest profiler (RIASEC): question frame, buttons, explanation.

interests-progress = Kysymys { $n }/{ $total }
interests-question = Tykkäisitkö tällaisesta tehtävästä?
interests-like = Tykkään
interests-unsure = En ole varma
interests-dislike = En tykkää
interests-skip_button = Ohita tämä osio
interests-invalid = Vastaa Tykkään, En ole varma tai En tykkää. Voit myös ohittaa tämän osion.
interests-explanation = Kiinnostuskoodisi on { $code }: pidät eniten { $enjoys }, ja se sopii näille aloille: { $families }.
interests-and_word = {" "}ja{" "}
interests-no_code = Kiitos. Kiinnostuksesi eivät tällä kertaa osoittaneet yhteen suuntaan, ja se on ihan ok: näytän sinulle erilaisia vaihtoehtoja.
interests-not_saved = En pystynyt tallentamaan tätä juuri nyt, mutta voimme jatkaa.
interests-section_skipped = Selvä, ohitin loput näistä kysymyksistä.
