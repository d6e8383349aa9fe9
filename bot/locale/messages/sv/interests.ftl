### Interest profiler (RIASEC): question frame, buttons, explanation.

interests-progress = Fråga { $n } av { $total }
interests-question = Skulle du gilla en sådan uppgift?
interests-like = Gillar
interests-unsure = Vet inte
interests-dislike = Gillar inte
interests-skip_button = Hoppa över den här delen
interests-invalid = Svara Gillar, Vet inte eller Gillar inte. Du kan också hoppa över den här delen.
interests-explanation = Din intressekod är { $code }: du gillar mest { $enjoys }, och det passar de här områdena: { $families }.
interests-and_word = {" "}och{" "}
interests-no_code = Tack. Dina intressen pekade inte åt ett håll den här gången, och det är helt okej: jag visar dig olika alternativ.
interests-not_saved = Jag kunde inte spara det här just nu, men vi kan fortsätta.
interests-section_skipped = Okej, jag hoppade över resten av de här frågorna.
