### The chat widget's own controls (widget/src): scripts/widget_strings.py writes widget/src/strings.js from them.
### The bot's messages are not here. A variable ($name) becomes {name} in strings.js; the widget's t() fills it.

widget-launcherShort = Chatt
widget-close = Stäng chatten
widget-startOver = Börja om
widget-startOverDone = Samtalet började om.
widget-language = Språk
widget-languageChanged = Språk: { $name }
widget-conversation = Samtal
widget-inputLabel = Ditt meddelande
widget-inputPlaceholder = Skriv ditt meddelande…
widget-send = Skicka
widget-counter = { $count } av { $max } tecken
widget-counterFull = Ditt meddelande har nått maxlängden { $max } tecken. Förkorta det, tack.
widget-counterCut = Din text var för lång. Jag behöll de första { $max } tecknen. Kontrollera slutet innan du skickar den.
widget-you = Du
widget-bot = Guiden
widget-roleCoach = Handledare
widget-waitingForCoach = Du väntar på en handledare
widget-botTyping = Guiden skriver…
widget-opensNewTab = (öppnas i en ny flik)
widget-connecting = Ansluter…
widget-offline = Anslutningen bröts. Ansluter igen… Ditt meddelande skickas när anslutningen är tillbaka.
widget-reconnected = Anslutningen är tillbaka.
widget-suggestions = Svarsalternativ
widget-feedbackGroup = Var det här till nytta?
widget-sentAt = skickat
widget-emptyHistory = Hej! Skriv ett meddelande eller välj ett alternativ för att börja.
widget-endChat = Avsluta och rensa
widget-endQuestion = Vill du avsluta chatten? Vi rensar den från skärmen och från den här enheten. Om du fick en fortsättningskod, skriv upp den först.
widget-endAlsoDelete = Radera också mina svar från servern nu
widget-endKeepNote = Om du lämnar rutan tom sparar servern chatten en tid och raderar den sedan automatiskt.
widget-endConfirm = Ja, avsluta och rensa
widget-endCancel = Nej, fortsätt chatta
widget-endedKept = Chatten är avslutad och rensad från den här enheten. Servern raderar sin kopia automatiskt efter en tid.
widget-erasedAll = Allt är raderat: på vår server och på den här enheten. Du kan börja om när du vill.
widget-erasing = Dina uppgifter raderas…
widget-eraseFailed = Vi kunde inte radera dina uppgifter just nu. Chatten finns kvar. Försök igen om en stund.
widget-refused = Tyvärr fungerar chatten inte på den här sidan. Du kan ändå få hjälp:
widget-unreachable = Chatten är inte tillgänglig just nu. Vi försöker igen. Du kan också få hjälp här:
widget-noContact = Kontakta din stads sysselsättningstjänster.
widget-phone = Telefon

## Issue 15: knapparna under den färdiga presentationen (widget/src/introduction.js).
widget-introductionTools = Din presentation
widget-copyIntroduction = Kopiera texten
widget-downloadIntroduction = Ladda ner som textfil
widget-introductionCopied = Kopierat. Du kan klistra in den nu.
widget-introductionCopyFailed = Det gick inte att kopiera här. Du kan markera texten och kopiera den själv.
widget-introductionDownloaded = Textfilen finns bland dina nedladdningar.
