### The questionnaires' texts: the self-efficacy check (bot/guidance/self_efficacy.yml:
### 5 items, 1-5 scale) and the RIASEC interest check (bot/guidance/riasec.yml: 12 items, 6 types).
### The .yml files keep the structure and the sources; the words are here.

# Self-efficacy scale points (questionnaires-se_scale.point_<n>).
questionnaires-se_scale =
    .point_1 = Inte alls säker
    .point_2 = Lite säker
    .point_3 = Ganska säker
    .point_4 = Mycket säker
    .point_5 = Helt säker
# Self-efficacy items; .strength completes "You feel most sure that ...".
questionnaires-se_1 = Hur säker är du på att du kan hitta jobb eller kurser som passar dig?
    .strength = du kan hitta jobb eller kurser som passar dig
questionnaires-se_2 = Hur säker är du på att du kan lära dig nya digitala färdigheter, till exempel ett nytt datorprogram?
    .strength = du kan lära dig nya digitala färdigheter
questionnaires-se_3 = Hur säker är du på att du kan skriva en ansökan eller ett CV som visar vad du kan?
    .strength = du kan skriva en ansökan som visar vad du kan
questionnaires-se_4 = Hur säker är du på att du kan berätta om dina färdigheter på en anställningsintervju?
    .strength = du kan berätta om dina färdigheter
questionnaires-se_5 = Hur säker är du på att du orkar fortsätta när du får ett nej eller när det känns svårt?
    .strength = du orkar fortsätta när det känns svårt
# RIASEC types: the plain name, .enjoys completes "you like ... most".
questionnaires-riasec_R = Praktisk
    .enjoys = praktiskt arbete med apparater
questionnaires-riasec_I = Undersökande
    .enjoys = att lösa problem
questionnaires-riasec_A = Kreativ
    .enjoys = att skapa och formge
questionnaires-riasec_S = Hjälpande
    .enjoys = att hjälpa människor
questionnaires-riasec_E = Företagsam
    .enjoys = att leda och sälja
questionnaires-riasec_C = Systematisk
    .enjoys = noggrant och ordnat arbete
# RIASEC items (activities the person likes, is unsure about or dislikes).
questionnaires-ri_1 = Att installera datorer, kablar och apparater på en arbetsplats
questionnaires-ri_2 = Att ta reda på varför ett program eller en webbsida inte fungerar
questionnaires-ri_3 = Att formge hur en app eller en webbsida ser ut
questionnaires-ri_4 = Att hjälpa någon som har problem med sin telefon eller dator
questionnaires-ri_5 = Att sälja en digital tjänst till ett företag
questionnaires-ri_6 = Att hålla ordning på uppgifterna i ett kalkylblad
questionnaires-ri_7 = Att laga eller bygga apparater, till exempel en dator eller en liten robot
questionnaires-ri_8 = Att titta på siffror och data för att se vad de berättar
questionnaires-ri_9 = Att skriva texter eller göra videor för sociala medier
questionnaires-ri_10 = Att lära någon att använda en ny app eller ett nytt program
questionnaires-ri_11 = Att leda ett litet team som bygger en webbsida
questionnaires-ri_12 = Att testa en app steg för steg och skriva ner varje fel
