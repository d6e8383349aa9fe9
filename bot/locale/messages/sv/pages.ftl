### The demo city pages and the demo front page (bot/web/templates, read by bot.web.page_text).

pages-skip_link = Hoppa till huvudinnehållet
pages-nav_label = Huvudmeny
# The city site's main menu (nav_<n>: the n-th item).
pages-nav_1 = Arbete och företagande
pages-nav_2 = Fostran och utbildning
pages-nav_3 = Social- och hälsovård
pages-nav_4 = Boende
pages-nav_5 = Kultur och fritid
pages-lang_nav_label = Språk
pages-breadcrumb = Arbete och företagande › Sysselsättningstjänster
pages-page_title = Sysselsättningstjänster
# $city_in: the city as a place ("Turussa", "in Turku"): locative: in bot/contract/cities/<slug>.yml; "" on the front page.
pages-lead = Söker du arbete, studier eller en ny riktning { $city_in }? Våra tjänster hjälper dig att hitta en väg till jobb och utbildning inom de digitala branscherna.
# The page's sections in order (sections_<n>: heading and body of the n-th).
pages-sections_1 =
    .heading = Prata med vår digitala guide
    .body = DigiPoint-guiden frågar om dina mål, styrkor och intressen och föreslår kurser och jobb som passar dig. Det tar ungefär tio minuter. Du kan vara anonym, hoppa över frågor och börja om när som helst. Öppna chatten med knappen längst ner på sidan.
pages-sections_2 =
    .heading = Hitta arbete
    .body = Bläddra bland lediga jobb, få hjälp med cv och ansökningar och träffa arbetsgivare på rekryteringsevenemang.
pages-sections_3 =
    .heading = Studier och utbildning
    .body = Arbetskraftsutbildning, yrkesstudier och kurser vid yrkeshögskolor är ofta avgiftsfria för arbetssökande. Kunnande från arbetslivet kan erkännas som tidigare förvärvat kunnande.
pages-sections_4 =
    .heading = Personlig handledning
    .body = En handledare kan träffa dig på plats, per telefon eller på nätet. Handledaren kan fortsätta från en sammanfattning av din chatt om du samtycker.
pages-contact_title = Kontakt
pages-phone_label = Telefon
pages-visit_label = Besöksadress
pages-web_label = Webb
pages-footer_note = Detta är en demonstrationssida för DigiPoint-guiden. Den är inte stadens officiella sida.
pages-widget_title = DigiPoint karriärguide
pages-index_title = DigiPoint-demo: karriärvägledning i chatt för städernas webbplatser
pages-index_lead = DigiPoint är en guide med öppen källkod för arbetssökande. Den är en chattbot.
pages-index_cities = Städernas sidor
pages-index_coach = Handledarvy
pages-not_found_title = Sidan hittades inte
pages-not_found_text = Vi hittade inte sidan du sökte.
pages-not_found_back = Tillbaka till demons startsida
