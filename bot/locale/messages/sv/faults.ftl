### Faults: what a person is told when part of DigiPoint cannot answer right now.
### Read by the action server (bot.i18n.t), the Rasa add-ons (rasa_addons/)
### and nginx's 503 body (deploy/render.py), all through bot.locale.catalogue.
### Short, calm, no blame; the person's message is not lost on their side.

faults-try_again = Förlåt, något gick fel hos oss. Försök igen om en stund.
faults-slow_answer = Förlåt, det här tar för lång tid. Skicka ditt svar igen om en stund.
faults-id_too_long = Förlåt, chatten kunde inte starta. Ladda om sidan.
