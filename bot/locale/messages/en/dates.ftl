### Dates as people read them in the chat (bot/resume/trend.py short_date).
### $day is the day of the month, $month the month's short name (CLDR, through Babel),
### $month_number the month as a number.

# A short date without the year: "1 Dec".
dates-short_date = { $day } { $month }
