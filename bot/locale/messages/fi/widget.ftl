### The chat widget's own controls (widget/src): scripts/widget_strings.py writes widget/src/strings.js from them.
### The bot's messages are not here. A variable ($name) becomes {name} in strings.js; the widget's t() fills it.

widget-launcherShort = Chat
widget-close = Sulje chat
widget-startOver = Aloita alusta
widget-startOverDone = Keskustelu aloitettiin alusta.
widget-language = Kieli
widget-languageChanged = Kieli: { $name }
widget-conversation = Keskustelu
widget-inputLabel = Viestisi
widget-inputPlaceholder = Kirjoita viesti…
widget-send = Lähetä
widget-counter = { $count } / { $max } merkkiä
widget-counterFull = Viestisi on enimmäispituudessa ({ $max } merkkiä). Lyhennä viestiä, kiitos.
widget-counterCut = Tekstisi oli liian pitkä. Otin mukaan ensimmäiset { $max } merkkiä. Tarkista viestin loppu ennen kuin lähetät sen.
widget-you = Sinä
widget-bot = Opas
widget-roleCoach = Ohjaaja
widget-waitingForCoach = Odotat ohjaajaa
widget-botTyping = Opas kirjoittaa…
widget-opensNewTab = (avautuu uuteen välilehteen)
widget-connecting = Yhdistetään…
widget-offline = Yhteys katkesi. Yhdistetään uudelleen… Viestisi lähetetään, kun yhteys palaa.
widget-reconnected = Yhteys palautui.
widget-suggestions = Vastausvaihtoehdot
widget-feedbackGroup = Oliko tästä hyötyä?
widget-sentAt = lähetetty
widget-emptyHistory = Hei! Kirjoita viesti tai valitse vaihtoehto aloittaaksesi.
widget-endChat = Lopeta ja tyhjennä
widget-endQuestion = Lopetetaanko keskustelu? Tyhjennämme sen tältä näytöltä ja tästä laitteesta. Jos sait jatkokoodin, kirjoita se ensin muistiin.
widget-endAlsoDelete = Poista vastaukseni myös palvelimelta nyt
widget-endKeepNote = Jos jätät tämän tyhjäksi, palvelin säilyttää keskustelua jonkin aikaa ja poistaa sen sitten automaattisesti.
widget-endConfirm = Kyllä, lopeta ja tyhjennä
widget-endCancel = Ei, jatketaan
widget-endedKept = Keskustelu on päättynyt ja tyhjennetty tästä laitteesta. Palvelin poistaa oman kopionsa automaattisesti jonkin ajan kuluttua.
widget-erasedAll = Kaikki on poistettu: palvelimeltamme ja tästä laitteesta. Voit aloittaa uudelleen milloin haluat.
widget-erasing = Poistetaan tietojasi…
widget-eraseFailed = Emme voineet poistaa tietojasi juuri nyt. Keskustelu on yhä tallessa. Yritä hetken päästä uudelleen.
widget-refused = Valitettavasti chat ei toimi tällä sivulla. Saat silti apua:
widget-unreachable = Chat ei ole nyt käytettävissä. Yritämme yhdistää uudelleen. Saat apua myös täältä:
widget-noContact = Ota yhteyttä kaupunkisi työllisyyspalveluihin.
widget-phone = Puhelin

## Issue 15: valmiin esittelyn alla olevat painikkeet (widget/src/introduction.js).
widget-introductionTools = Esittelysi
widget-copyIntroduction = Kopioi teksti
widget-downloadIntroduction = Lataa tekstitiedostona
widget-introductionCopied = Kopioitu. Voit nyt liittää sen.
widget-introductionCopyFailed = Kopiointi ei onnistunut tässä. Voit valita tekstin ja kopioida sen itse.
widget-introductionDownloaded = Tekstitiedosto on latauksissasi.
