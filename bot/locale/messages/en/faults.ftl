### Faults: what a person is told when part of DigiPoint cannot answer right now.
### Read by the action server (bot.i18n.t), the Rasa add-ons (rasa_addons/)
### and nginx's 503 body (deploy/render.py), all through bot.locale.catalogue.
### Short, calm, no blame; the person's message is not lost on their side.

faults-try_again = Sorry, something went wrong on our side. Please try again in a moment.
faults-slow_answer = Sorry, this is taking too long. Please send your answer again in a moment.
faults-id_too_long = Sorry, this chat could not start. Please reload the page.
