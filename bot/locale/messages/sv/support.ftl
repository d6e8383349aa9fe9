### Support: distress safety net and talking to a person.

support-distress_intro = Jag är ledsen att du har det så här. Du behöver inte bära det här ensam.
support-distress_emergency = Om du är i fara nu, ring nödnumret { $emergency }.
support-distress_helpline = Du kan prata med någon på { $name }: { $phone } ({ $hours }). { $url }
support-distress_more = Du kan också be här att få prata med en person från sysselsättningstjänsterna.
support-coach_intro = En handledare från { $service } kan hjälpa dig.
support-coach_contact = Telefon: { $phone } ({ $hours }). Webb: { $url }
support-coach_visit = Du kan också komma på besök: { $visit }.
support-coach_next = Vad händer sedan: en handledare ser en sammanfattning av vår chatt bara om du godkänner det. När du kontaktar tjänsten kan du säga att du har använt DigiPoint.
