### Presentationsbyggaren ("Berätta om dig själv"): frågor, meningsmallar, knappar, svar.
### Nycklarna skrivs "introduction.<nyckel>"; bot/practice/introduction.py bygger meningarna.
### Meningsmallarna får personens egna ord ($strengths, $experience, $wish) oförändrade.

## Frågorna i introduction_form
introduction-start = Vi skriver en kort presentation av dig tillsammans. Du kan använda den när någon säger "Berätta om dig själv", eller i ditt CV. Jag ställer tre korta frågor. Du kan hoppa över vilken som helst av dem.
introduction-ask_did = Vad har du gjort hittills? Till exempel arbete, studier, volontärarbete, fritidsintressen eller att ta hand om familjen. Några ord räcker.
introduction-ask_good_at = Vad är du bra på? Tänk på vad andra tackar dig för, eller vad som känns lätt för dig.
introduction-ask_want_next = Vad vill du göra härnäst?
introduction-skip_button = Hoppa över frågan
introduction-reframe = Alla har saker som de fortfarande lär sig. Här skriver vi det du kan, så jag lämnar bort den delen.

## Meningsmallar (i jag-form, personens egna ord i variablerna)
introduction-present_field = Jag är intresserad av { $field }.
introduction-present_general = Jag söker mitt nästa steg i arbetslivet.
introduction-strengths = Jag är bra på { $strengths }.
introduction-strengths_verb = Jag är bra på att { $strengths }.
introduction-skills = Jag kan bland annat { $skills }.
introduction-past = Jag har erfarenhet av { $experience }.
introduction-past_occupations = Jag har arbetat som { $occupations }.
introduction-future = Härnäst vill jag { $wish }.
introduction-future_verb = Härnäst vill jag { $wish }.
introduction-future_goal_job = Härnäst vill jag hitta ett jobb där jag får använda det jag kan.
introduction-future_goal_study = Härnäst vill jag studera och lära mig nya saker.
introduction-future_goal_both = Härnäst vill jag arbeta och fortsätta lära mig.
introduction-future_goal_unsure = Härnäst vill jag ta reda på vilken väg som passar mig bäst.
introduction-closing = Jag berättar gärna mer.
introduction-list_and = { $head } och { $last }

## Visa, ändra, kopiera
introduction-shown = Här är din presentation. Du kan ändra vilken mening som helst, kopiera texten eller lägga till den i din sammanfattning för en handledare.
introduction-edit_hint = Om du vill ändra en mening, tryck på dess knapp eller skriv meningens nummer och den nya texten, till exempel: 2: Jag tycker om att hjälpa människor.
introduction-change_button = Ändra mening { $number }
introduction-copy_button = Kopiera eller ladda ner
introduction-summary_button = Lägg till i min sammanfattning
introduction-done_button = Färdig
introduction-ask_new_sentence = Skriv den nya texten till mening { $number }. Nu står det: { $sentence }
introduction-ask_which = Vilken mening vill du ändra? Skriv meningens nummer och den nya texten, till exempel: 2: Jag tycker om att hjälpa människor.
introduction-no_such_sentence = Din presentation har meningarna 1–{ $count }. Vilken av dem vill du ändra?
introduction-edit_empty = Jag hittade ingen mening där. Skriv med några ord vad du kan eller vad du vill.
introduction-changed = Mening { $number } är nu ändrad.
introduction-plain = Här är din presentation som vanlig text. Du kan kopiera den eller spara den som en fil.
introduction-filename = min-presentation.txt
introduction-added_to_summary = Klart. Din presentation är nu en del av din sammanfattning. En handledare ser den bara om du godkänner att sammanfattningen delas.
introduction-added_shared = Klart. Din presentation finns nu i sammanfattningen du delade, så en handledare kan läsa den.
introduction-added_private = Klart. Din presentation finns nu i din sammanfattning. Den förblir privat om du inte delar sammanfattningen.
introduction-save_failed = Förlåt, jag kunde inte lägga till den i din sparade sammanfattning just nu. Texten finns kvar här, och den kommer med i din nästa sammanfattning.
introduction-none_yet = Vi har inte skrivit din presentation ännu. Ska vi skriva den nu?
introduction-start_button = Skriv min presentation
introduction-skills_heading = Mina färdigheter för cv:t:
introduction-summary_heading = Presentation:
