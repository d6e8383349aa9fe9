"""ISCO-08 unit group -> conversation field: the one table for imported jobs and the matcher.

Used by the Job Market importer (``bot.catalogue.importers.jobmarket``: the
``field`` of a posting whose ESCO occupation lies in a listed group) and by
the matcher's ESCO terms (``bot.matching.esco_terms``: the ``field`` an ESCO
occupation the person names gives). Both read :func:`field_for_isco`, so a
"Data-analyytikko" posting and a person saying "data-analyytikko" land in
the same field. The values are the job families of
:data:`bot.catalogue.models.FIELDS`.

Unit groups (ISCO-08, ILO 2012) and why each gets its field:

- 2120 Mathematicians, actuaries and statisticians -> data: statistics and modelling work.
- 2166 Graphic and multimedia designers -> ux_content: visual and interface design.
- 2431 Advertising and marketing professionals -> marketing_sales: marketing itself.
- 2432 Public relations professionals -> marketing_sales: communication that sells an organisation.
- 2433 Technical and medical sales professionals (excluding ICT) -> marketing_sales: sales work.
- 2434 ICT sales professionals -> marketing_sales: selling ICT is sales work, not development.
- 2511 Systems analysts -> data: ESCO files data analyst and data scientist here, and the
  work is analysing needs and data rather than writing production code.
- 2512 Software developers -> software: designing and writing software.
- 2513 Web and multimedia developers -> software: they build web sites and applications in code
  (the designers are 2166).
- 2514 Applications programmers -> software: writing programs to specification.
- 2519 Software and applications developers and analysts n.e.c. -> testing_quality: ESCO
  files software tester and quality assurance analyst here.
- 2521 Database designers and administrators -> data: designing and running databases.
- 2522 Systems administrators -> it_support: keeping systems running.
- 2523 Computer network professionals -> it_support: keeping networks running.
- 2529 Database and network professionals n.e.c. -> it_support: ICT security specialists.
- 2641 Authors and related writers -> ux_content: content writing.
- 2642 Journalists -> ux_content: content production.
- 3322 Commercial sales representatives -> marketing_sales: sales work.
- 3431 Photographers -> ux_content: visual content.
- 3511 ICT operations technicians -> it_support: running ICT operations.
- 3512 ICT user support technicians -> it_support: helpdesk and user support.
- 3513 Computer network and systems technicians -> it_support: installing and maintaining networks.
- 3514 Web technicians -> it_support: keeping web sites up (hosting, servers), not building them.
- 5244 Contact centre salespersons -> marketing_sales: selling by phone and online.
- 7422 ICT installers and servicers -> it_support: installing and repairing ICT equipment.

Groups not listed (nurses, shop sales assistants 5223, cashiers 5230, ...)
get no field: the importer then falls back to keywords and the matcher
leaves the field empty, like the shipped vocabulary's "shop assistant".
"""

from __future__ import annotations

import re

#: ISCO-08 unit group (4 digits) -> conversation field; reasons in the module docstring.
ISCO_FIELDS: dict[str, str] = {
    "2120": "data",
    "2166": "ux_content",
    "2431": "marketing_sales",
    "2432": "marketing_sales",
    "2433": "marketing_sales",
    "2434": "marketing_sales",
    "2511": "data",
    "2512": "software",
    "2513": "software",
    "2514": "software",
    "2519": "testing_quality",
    "2521": "data",
    "2522": "it_support",
    "2523": "it_support",
    "2529": "it_support",
    "2641": "ux_content",
    "2642": "ux_content",
    "3322": "marketing_sales",
    "3431": "ux_content",
    "3511": "it_support",
    "3512": "it_support",
    "3513": "it_support",
    "3514": "it_support",
    "5244": "marketing_sales",
    "7422": "it_support",
}

_UNIT_GROUP = re.compile(r"\s*(\d{4})(?:\.\d+)*\s*")


def unit_group(code: object) -> str | None:
    """The 4-digit ISCO-08 unit group of ``code``, or None.

    Accepts a unit group (``"2511"``, ``2511``) or a longer ESCO occupation
    code that starts with one (``"2511.1"``, ``"2511.1.3"``). Shorter codes
    (major, sub-major or minor groups such as ``"25"``) and other text give
    None.
    """
    if code is None:
        return None
    found = _UNIT_GROUP.fullmatch(str(code))
    return found.group(1) if found else None


def field_for_isco(code: object) -> str | None:
    """The conversation field for an ISCO-08 code, or None when its group is not listed.

    >>> field_for_isco("2511"), field_for_isco("2512.4"), field_for_isco("5223")
    ('data', 'software', None)
    """
    group = unit_group(code)
    return ISCO_FIELDS.get(group) if group else None
