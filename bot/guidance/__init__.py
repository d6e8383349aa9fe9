"""Guidance: parsing answers, assessments (self-efficacy, RIASEC), their storage."""
