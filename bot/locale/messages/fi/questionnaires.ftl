### The questionnaires' texts: the self-efficacy check (bot/guidance/self_efficacy.yml:
### 5 items, 1-5 scale) and the RIASEC interest check (bot/guidance/riasec.yml: 12 items, 6 types).
### The .yml files keep the structure and the sources; the words are here.

# Self-efficacy scale points (questionnaires-se_scale.point_<n>).
questionnaires-se_scale =
    .point_1 = En lainkaan varma
    .point_2 = Vähän varma
    .point_3 = Jonkin verran varma
    .point_4 = Melko varma
    .point_5 = Täysin varma
# Self-efficacy items; .strength completes "You feel most sure that ...".
questionnaires-se_1 = Kuinka varma olet, että löydät itsellesi sopivia töitä tai kursseja?
    .strength = löydät itsellesi sopivia töitä tai kursseja
questionnaires-se_2 = Kuinka varma olet, että opit uusia digitaitoja, esimerkiksi uuden tietokoneohjelman?
    .strength = opit uusia digitaitoja
questionnaires-se_3 = Kuinka varma olet, että osaat kirjoittaa hakemuksen tai CV:n, joka näyttää mitä osaat?
    .strength = osaat kirjoittaa hakemuksen, joka näyttää mitä osaat
questionnaires-se_4 = Kuinka varma olet, että pystyt kertomaan taidoistasi työhaastattelussa?
    .strength = pystyt kertomaan taidoistasi
questionnaires-se_5 = Kuinka varma olet, että jaksat jatkaa, vaikka saisit kielteisen vastauksen tai asiat tuntuisivat vaikeilta?
    .strength = jaksat jatkaa, vaikka asiat tuntuvat vaikeilta
# RIASEC types: the plain name, .enjoys completes "you like ... most".
questionnaires-riasec_R = Käytännöllinen
    .enjoys = käytännön työstä laitteiden parissa
questionnaires-riasec_I = Tutkiva
    .enjoys = ongelmien ratkaisemisesta
questionnaires-riasec_A = Luova
    .enjoys = luomisesta ja suunnittelusta
questionnaires-riasec_S = Auttava
    .enjoys = ihmisten auttamisesta
questionnaires-riasec_E = Yrittävä
    .enjoys = johtamisesta ja myymisestä
questionnaires-riasec_C = Järjestelmällinen
    .enjoys = huolellisesta ja järjestelmällisestä työstä
# RIASEC items (activities the person likes, is unsure about or dislikes).
questionnaires-ri_1 = Tietokoneiden, kaapelien ja laitteiden asentaminen työpaikalla
questionnaires-ri_2 = Sen selvittäminen, miksi ohjelma tai verkkosivu ei toimi
questionnaires-ri_3 = Sen suunnittelu, miltä sovellus tai verkkosivu näyttää
questionnaires-ri_4 = Toisen ihmisen auttaminen, kun hänen puhelimensa tai tietokoneensa ei toimi
questionnaires-ri_5 = Digitaalisen palvelun myyminen yritykselle
questionnaires-ri_6 = Taulukon tietojen pitäminen järjestyksessä ja ajan tasalla
questionnaires-ri_7 = Laitteiden korjaaminen tai rakentaminen, esimerkiksi tietokoneen tai pienen robotin
questionnaires-ri_8 = Lukujen ja datan tutkiminen, jotta näkee mitä ne kertovat
questionnaires-ri_9 = Tekstien kirjoittaminen tai videoiden tekeminen someen
questionnaires-ri_10 = Uuden sovelluksen tai ohjelman käytön opettaminen toiselle
questionnaires-ri_11 = Pienen tiimin johtaminen, kun tiimi tekee verkkosivua
questionnaires-ri_12 = Sovelluksen testaaminen vaihe vaiheelta ja jokaisen virheen kirjaaminen
