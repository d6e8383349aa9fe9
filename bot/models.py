"""Import every table module so that ``bot.db.Base.metadata`` knows them all.

Alembic's ``env.py`` and the test fixtures import this module. Add a line
here when a sub-package defines new tables.
"""

import bot.coach.models  # noqa: F401  (coach dashboard tables)
import bot.feedback.models  # noqa: F401  (one-tap feedback, anonymous)
import bot.followup.models  # noqa: F401  (agreed next steps, issue 15)
import bot.guidance.store  # noqa: F401  (assessment results)
import bot.handoff.models  # noqa: F401  (handoff queue)
import bot.privacy.models  # noqa: F401  (erasure audit)
import bot.resume.models  # noqa: F401  (person links, resume codes)
import bot.worker.models  # noqa: F401  (timed jobs)
from bot.catalogue.models import Course, Job
from bot.catalogue.revision import CatalogueRevision  # noqa: F401  (catalogue change token)
from bot.db import Base
from bot.esco.models import EscoOccupation, EscoOccupationSkill, EscoSkill  # noqa: F401  (ESCO tables)
from bot.summaries.models import Summary

__all__ = ["Course", "Job", "Base", "Summary"]
