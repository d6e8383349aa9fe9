### Support: distress safety net and talking to a person.

support-distress_intro = Olen pahoillani, että sinulla on näin raskasta. Sinun ei tarvitse jäädä tämän kanssa yksin.
support-distress_emergency = Jos olet nyt vaarassa, soita hätänumeroon { $emergency }.
support-distress_helpline = Voit puhua jonkun kanssa: { $name } { $phone } ({ $hours }). { $url }
support-distress_more = Voit myös pyytää täällä, että saat jutella työllisyyspalvelujen ihmisen kanssa.
support-coach_intro = Ohjaaja palvelusta { $service } voi auttaa sinua.
support-coach_contact = Puhelin: { $phone } ({ $hours }). Verkossa: { $url }
support-coach_visit = Voit myös käydä paikan päällä: { $visit }.
support-coach_next = Mitä seuraavaksi tapahtuu: ohjaaja näkee yhteenvedon keskustelustamme vain, jos annat siihen luvan. Kun otat yhteyttä palveluun, voit kertoa käyttäneesi DigiPointia.
