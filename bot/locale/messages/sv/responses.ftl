### Responses: the bot's replies that Rasa sends by name (utter_*), through
### rasa_addons/nlg.py. Buttons and their payloads: bot/locale/responses.yml;
### a button's title is an attribute of its response.

responses-welcome = Hej! Jag är DigiPoint, en chattbot. Jag hjälper dig att hitta jobb, kurser och utbildning inom den digitala branschen. Först ställer jag några korta frågor. Sedan föreslår jag kurser och jobb, och vi planerar dina nästa steg tillsammans. Du kan vara anonym: jag behöver inte ditt namn. Jag sparar dina svar för att kunna hjälpa dig. En handledare ser sammanfattningen bara om du säger ja. Du kan när som helst skriva "radera mina uppgifter". Nu kör vi!
    .finnish = Suomeksi
    .swedish = På svenska
    .english = In English
    .privacy = Vad sparar du?
responses-help = Jag hjälper dig att hitta kurser och jobb inom den digitala branschen. Jag frågar om dina mål, hur säker du känner dig och vad du gillar att göra. Sedan föreslår jag kurser och jobb, och vi väljer dina nästa steg. Du kan alltid skriva: "hoppa över", "börja om", "prata med en människa", "vad sparar du", "radera mina uppgifter", "suomeksi" eller "in English".
    .introduction = Skriv min presentation
    .interview = Öva på en anställningsintervju
    .next_steps = Välj nästa steg
    .coach = Prata med en handledare
responses-goodbye = Hej då och lycka till! När du kommer tillbaka fortsätter vi där vi slutade.
responses-thank = Varsågod! Jag hjälper gärna till.
responses-bot_challenge = Jag är en chattbot, inte en människa. Om du vill prata med en människa, skriv "prata med en handledare".
responses-feel_discouraged = Det låter riktigt tungt. Att söka jobb kan göra vem som helst trött. Det säger inget om ditt värde. Vi kan ta ett litet steg i taget. Om du vill prata med en människa, skriv "prata med en handledare". Om du tänker på att skada dig själv, berätta det för mig, så säger jag var du får hjälp direkt.
responses-application_help = Jag kan inte skriva ditt cv eller din ansökan åt dig här. Tre tips: Börja med vad du kan, inte bara titlar. Använd samma ord som i jobbannonsen. Håll ditt cv på en sida. En handledare kan gå igenom ditt cv med dig: skriv "prata med en handledare".
    .introduction = Skriv min presentation
    .interview = Öva på en anställningsintervju
responses-out_of_scope = Förlåt, det kan jag inte hjälpa till med. Jag kan hjälpa dig med jobb, kurser och utbildning inom den digitala branschen.
responses-privacy = Jag sparar dina svar i den här chatten: dina mål, stad, bakgrund och resultaten av de korta testen. Jag behöver inte ditt namn. En handledare ser sammanfattningen bara om du säger ja. Skriv "radera mina uppgifter" så raderar jag allt.
responses-default = Förlåt, jag förstod inte. Kan du säga det på ett annat sätt? Du kan också skriva "hjälp".
responses-message_too_long = Ditt meddelande är väldigt långt. Kan du skriva det kortare, med några meningar?
responses-ask_goal_type = Vad letar du efter?
    .job = Ett jobb
    .study = Studier eller utbildning
    .both = Båda
    .unsure = Vet inte än
    .skip = Hoppa över
responses-ask_field = Vilket slags arbete intresserar dig?
    .software = Programmering
    .data = Data
    .ux_content = UX och innehåll
    .it_support = IT-support
    .marketing_sales = Marknadsföring och försäljning
    .testing_quality = Testning och kvalitet
    .unsure = Vet inte än
    .skip = Hoppa över
responses-ask_city = Var vill du jobba eller studera?
    .online = På nätet
    .skip = Hoppa över
responses-ask_timeframe = När vill du börja?
    .now = Genast
    .three_months = Om ungefär 3 månader
    .this_year = I år
    .unsure = Vet inte än
    .skip = Hoppa över
responses-ask_education_level = Vilken är den högsta utbildning du har gått klart?
    .basic = Grundskola
    .secondary = Gymnasium eller yrkesskola
    .bachelor = Kandidat eller YH-examen
    .master = Magister eller master
    .other = Något annat
    .skip = Hoppa över
responses-ask_background = Berätta lite om din arbetserfarenhet och vad du kan, med egna ord. Till exempel: "Jag har jobbat i en butik och kan Excel." Allt räknas, också hobbyer och frivilligarbete. Du kan också hoppa över det här.
    .skip = Hoppa över
responses-confidence_intro = Tack! Nu kommer 5 korta frågor om hur det känns att söka jobb eller studieplats. Det finns inga fel svar. Välj från 1 (inte alls säker) till 5 (helt säker).
# $interests_restored: the slot, "true" after a resume code kept all 12 answers.
responses-interest_intro = { $interests_restored ->
        [true] Bra. Jag sparade dina svar om intressen från förra gången, så det kommer inga fler frågor nu.
       *[false] Bra. Nu 12 snabba frågor om uppgifter som du kanske gillar. Svara Gillar, Vet inte eller Gillar inte. Det hjälper mig att hitta arbete som passar dig.
    }
responses-offer_next_steps = Ska vi välja dina nästa steg nu? Vi väljer ett till tre tillsammans.
    .choose = Ja, vi väljer
    .no = Inte nu
    .coach = Prata med en handledare
    .introduction = Skriv min presentation
    .interview = Öva på en anställningsintervju
responses-no_next_steps_now = Det går bra. Förslagen finns kvar här. Skriv "nästa steg" eller "handledare" när du vill.
responses-resume_form = Vi fortsätter.
responses-greet_again = Hej! Kul att du är här.
responses-confirm_delete = Vill du att jag raderar allt jag har sparat om dig? Det går inte att ångra.
    .yes = Ja, radera
    .no = Nej, behåll
responses-ask_share_again = Förlåt, jag förstod inte. Får en handledare läsa din sammanfattning? Välj Ja eller Nej. Du bestämmer.
responses-suggestions_coming = Bra! Jag visar kurser och jobb direkt efter de här frågorna.
responses-nothing_to_skip = Det finns inget att hoppa över just nu. Skriv "jobb" eller "kurser" för att fortsätta, eller "hjälp" för att se vad jag kan.

## Issue 15: fixed replies of the practice flows
responses-finish_introduction = Bra jobbat! Prova att säga den högt några gånger. Det blir lättare varje gång. När du vill fortsätta, välj "Kurser och jobb" eller skriv "jobb".
    .go_on = Kurser och jobb
responses-introduction_later = Bra idé! Vi svarar på den här frågan först. Skriv sedan "presentation", så skriver vi den tillsammans.
responses-interview_later = Bra idé! Vi svarar på den här frågan först. Sedan kan du öva på en intervju från menyn.
