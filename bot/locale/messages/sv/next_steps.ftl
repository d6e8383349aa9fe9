### Next steps: options, questions and replies of the next_steps_form.
### Keys are addressed as "next_steps.<key>".

next_steps-option_apply = Sök till: { $title }
next_steps-option_look = Titta på jobbet: { $title }
next_steps-option_coach = Prata med en handledare
next_steps-option_cv = Uppdatera mitt CV
next_steps-option_employment_services = Besök stadens sysselsättningstjänster
next_steps-done_button = Det är allt
next_steps-ask_first = Vad vill du göra härnäst? Välj ett steg. Du kan välja upp till 3.
next_steps-ask_more = Bra val. Vill du lägga till ett steg till?
next_steps-added = Tillagt: { $label }.
next_steps-already_picked = Du har redan valt det. Du kan välja ett annat, eller säga att det är allt.
next_steps-need_one = Välj minst ett litet steg. Vilket som helst går bra.
next_steps-not_understood = Förlåt, jag förstod inte. Tryck på en av knapparna eller skriv dess nummer.
next_steps-max_reached = Nu har du 3 steg. Bra jobbat!
next_steps-after_questions = Vi väljer dina nästa steg efter några frågor till. Då föreslår jag också kurser och jobb.
