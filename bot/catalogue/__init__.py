"""Course and job catalogue: tables, sample data loader and search queries.

``bot.catalogue.models`` defines the ``courses`` and ``jobs`` tables,
``bot.catalogue.loader`` reads the YAML sample files (``sample/``) into them,
and ``bot.catalogue.search`` holds the parameterised queries the ranking
uses; ``bot.catalogue.revision`` keeps a token that changes with every
change to the catalogue. Run ``python -m bot.catalogue load-sample`` to fill a database.
"""

from bot.catalogue.models import (
    EDUCATION_LEVELS,
    FIELDS,
    JOB_REMOTE_OPTIONS,
    MODES,
    MUNICIPALITIES,
    Course,
    Job,
)
from bot.catalogue.revision import CatalogueRevision  # registers the change-token listeners

__all__ = [
    "EDUCATION_LEVELS",
    "FIELDS",
    "JOB_REMOTE_OPTIONS",
    "MODES",
    "MUNICIPALITIES",
    "CatalogueRevision",
    "Course",
    "Job",
]
