### Privacy: deleting the person's data.

privacy-deleted = Done. I have deleted everything I saved about you in this chat. We can start fresh whenever you like.
privacy-delete_failed = Sorry, I could not delete your data right now. Please try again in a moment, or ask to talk to a person.
privacy-not_deleted = OK, I deleted nothing. Your answers are still here, and we can go on.
