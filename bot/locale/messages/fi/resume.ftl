### Resume code: given at the end of a conversation, typed in a later one.
### Keys are addressed as "resume.<key>".

resume-given = Jatkokoodisi on { $code }. Se toimii { $days } päivää. Kirjoita ensi kerralla "minulla on koodi" ja koodi. Sitten jatketaan tästä. Pidä koodi omana tietonasi.
resume-ask_code = Hyvä! Kirjoita koodisi, kiitos. Se näyttää tältä: ABCD-EFGH.
resume-not_found = En löytänyt tätä koodia. Ehkä kirjain meni väärin, tai koodi on vanhentunut. Voit yrittää uudelleen, tai voimme aloittaa alusta.
resume-too_many = Koodi ei toiminut monta kertaa. Aloitetaan yhdessä alusta. Myös ohjaaja voi auttaa sinua.
resume-welcome_back = Tervetuloa takaisin! Löysin suunnitelmasi viime kerralta.
resume-no_plan = Tervetuloa takaisin! Koodisi toimii, mutta viime kerralta ei ole tallennettua suunnitelmaa. Tehdään sellainen.
resume-still_valid = Koodisi toimii { $date } asti. Jos suljet sivun, pääset samalla koodilla takaisin.
resume-trend_kept = Itseluottamuksesi tähän asti: { $trend }. Kun vastaat kysymyksiin uudelleen, tämän päivän vastaus lisätään tähän.
resume-go_on = Mitä haluaisit tehdä nyt?
resume-courses_button = Kursseja minulle
resume-jobs_button = Töitä minulle
resume-failed = Anteeksi, en pysty tarkistamaan koodeja juuri nyt. Yritä hetken päästä uudelleen.
resume-trend_line = Itseluottamuksesi eri kerroilla: { $trend }.
