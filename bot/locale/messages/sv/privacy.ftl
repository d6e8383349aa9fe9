### Privacy: deleting the person's data.

privacy-deleted = Klart. Jag har raderat allt jag sparade om dig i den här chatten. Vi kan börja om när du vill.
privacy-delete_failed = Förlåt, jag kunde inte radera dina uppgifter just nu. Försök igen om en stund, eller be att få prata med en person.
privacy-not_deleted = Okej, jag raderade ingenting. Dina svar finns kvar, och vi kan fortsätta.
