"""Statistics Finland municipality (kunta) codes -> the city name the catalogue stores.

The one table both importers use (through
:func:`bot.catalogue.importers.common.municipality_from_code`): Studyinfo
sends ``kunta_398#2`` with its own name, Job Market Finland sends ``398``
with no name, and both must store ``"Lahti"``. Names are the Finnish names,
as in :data:`bot.catalogue.models.MUNICIPALITIES`; the served cities' codes
and names come from their files, ``bot/contract/cities/<slug>.yml``
(``municipality_code``, ``value``).

Listed: the cities DigiPoint serves (``MUNICIPALITIES``: Helsinki, Espoo,
Vantaa, Turku), their neighbours in the capital and Turku regions, and the
other larger Finnish cities, so courses and jobs a short commute away keep a
readable name. Codes are from Statistics Finland's municipality
classification (kunta, 3 digits). A code not listed is kept and reported by
the importer, not guessed.
"""

from __future__ import annotations

from bot.contract.cities import city_contract

#: Statistics Finland municipality code (3 digits) -> Finnish name (a plain dict).
KUNTA_CODES: dict[str, str] = {
    # served cities (bot/contract/cities/<slug>.yml)
    **{city.municipality_code: city.value for city in city_contract().cities},
    # capital region neighbours
    "235": "Kauniainen",
    "245": "Kerava",
    "186": "Järvenpää",
    "858": "Tuusula",
    "543": "Nurmijärvi",
    "753": "Sipoo",
    "257": "Kirkkonummi",
    "927": "Vihti",
    "444": "Lohja",
    "106": "Hyvinkää",
    "638": "Porvoo",
    # Turku region neighbours
    "202": "Kaarina",
    "680": "Raisio",
    "529": "Naantali",
    "423": "Lieto",
    # other larger cities
    "837": "Tampere",
    "564": "Oulu",
    "179": "Jyväskylä",
    "398": "Lahti",
    "297": "Kuopio",
    "609": "Pori",
}
