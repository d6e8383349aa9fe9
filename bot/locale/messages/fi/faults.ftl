### Faults: what a person is told when part of DigiPoint cannot answer right now.
### Read by the action server (bot.i18n.t), the Rasa add-ons (rasa_addons/)
### and nginx's 503 body (deploy/render.py), all through bot.locale.catalogue.
### Short, calm, no blame; the person's message is not lost on their side.

faults-try_again = Anteeksi, meillä on nyt pieni häiriö. Kokeile hetken päästä uudelleen.
faults-slow_answer = Anteeksi, tämä kestää liian kauan. Lähetä vastauksesi hetken päästä uudelleen.
faults-id_too_long = Anteeksi, keskustelu ei alkanut. Lataa sivu uudelleen.
