### Intervjuövning: frågorna, responsmeningarna, knappar och svar.
### Nycklarna är "interview.<nyckel>"; bot/practice/interview.py väljer responsen
### (en sak som var bra, högst en sak att lägga till), aldrig ett betyg.

## Början, säkerhetsfrågan före och efter, avslutningen
interview-start = Nu övar vi på en anställningsintervju. Jag ställer fem vanliga frågor, en i taget. Du svarar med egna ord, och jag säger vad som var bra och en sak du kunde lägga till. Du kan försöka igen, hoppa över en fråga eller sluta när du vill.
interview-se_before = Först en snabb fråga innan vi börjar:
interview-se_after = En snabb fråga till, samma som i början:
interview-done = Bra jobbat att du övade! Varje svar du provar gör den riktiga intervjun lättare. Du kan komma tillbaka och öva igen när du vill.
interview-done_none = Det gör inget, vi kan öva en annan gång. Frågorna finns här när du vill.
interview-confidence_up = Före övningen sa du { $before } av 5, nu { $after }. Det verkar som att övningen hjälper dig.
interview-confidence_same = Både före och efter övningen sa du { $before } av 5. Att känna sig stadig är också bra.
interview-confidence_down = Före sa du { $before } av 5, nu { $after }. Att tänka på intervjuer kan kännas svårare i början. Det är helt vanligt, och det blir lättare när man övar. Du kan också öva med en handledare: skriv "prata med en handledare".
interview-not_saved = (Jag kunde inte spara det här just nu.)
interview-go_on_button = Kurser och jobb

## Frågor ($number av $total ovanför)
interview-progress = Fråga { $number } av { $total }
interview-q_about_you = Berätta om dig själv.
interview-q_why_this_job_work = Varför vill du ha det här jobbet?
interview-q_why_this_job_work_field = Varför vill du arbeta med { $field }?
interview-q_why_this_job_study = Varför vill du ha det här jobbet eller den här studieplatsen?
interview-q_why_this_job_study_field = Varför vill du arbeta eller studera inom { $field }?
interview-q_problem_solved_everyday = Berätta om en gång när du löste ett problem. Det kan vara på jobbet, i skolan eller hemma.
interview-q_problem_solved_project = Berätta om en gång på jobbet, i studierna eller i ett projekt när du löste ett problem.
interview-q_strengths_learning = Vilka är dina styrkor, och vad håller du på att lära dig just nu?
interview-q_questions_for_employer = Har du några frågor till oss?
interview-field_software = programvaruutveckling
interview-field_data = dataanalys
interview-field_ux_content = design och innehåll
interview-field_it_support = IT-support
interview-field_marketing_sales = digital marknadsföring och försäljning
interview-field_testing_quality = programvarutestning

## Respons: vad som var bra
interview-good_star = Bra: du berättade ett riktigt exempel och hur det slutade.
interview-good_example = Bra: du berättade ett riktigt exempel.
interview-good_result = Bra: du sa vad det ledde till.
interview-good_first_person = Bra: du berättade om vad du själv gör.
interview-good_relevant = Bra: ditt svar handlar om frågan.
interview-good_question = Bra: en fråga visar att du är intresserad.
interview-good_effort = Tack för ditt svar. Man blir bättre genom att försöka.

## Respons: en sak att lägga till
interview-add_more = Nästa gång kan du säga lite mer: två eller tre meningar är bra.
interview-add_question_more = Du kunde fråga något om arbetet, till exempel "Hur ser en vanlig arbetsdag ut?"
interview-add_example = Du kunde lägga till ett exempel: vad var situationen, vad gjorde du och hur slutade det?
interview-add_result = Du kunde berätta hur det slutade: vad blev bättre tack vare dig?
interview-add_first_person = Du kunde säga vad du gjorde själv: "Jag ..."
interview-add_shorter = Du kunde göra det kortare: det viktigaste och ett exempel räcker.
interview-add_relevance_about_you = Du kunde berätta om ditt arbete, dina studier eller färdigheter, och vad du vill göra härnäst.
interview-add_relevance_why_this_job = Du kunde säga vad som intresserar dig i arbetet, och varför.
interview-add_relevance_problem_solved = Du kunde berätta om ett problem och hur du löste det.
interview-add_relevance_strengths_learning = Du kunde nämna en sak du är bra på och en sak du håller på att lära dig.
interview-add_relevance_questions_for_employer = Du kunde fråga arbetsgivaren något, till exempel "Hur ser en vanlig arbetsdag ut?"

## Knappar
interview-retry_button = Försök igen
interview-next_button = Nästa fråga
interview-stop_button = Sluta öva
interview-skip_button = Hoppa över frågan
interview-retry = Visst, försök igen:
interview-choose = Du kan försöka igen, gå till nästa fråga eller sluta.
interview-empty = Skriv ditt svar med egna ord. Några meningar räcker.
interview-coach_hint = Om du vill prata med en handledare, tryck på "Sluta öva" och skriv sedan "prata med en handledare".

## Utvecklingen som personen och handledaren ser (sammanfattning)
interview-trend_before = före övningen
interview-trend_after = efter övningen
interview-trend_line = Intervjuövning, hur säker du kände dig (1–5): { $trend }.
