"""Follow-up of agreed next steps (issue 15): rows, due dates, the resume review, opt-in reminders."""
