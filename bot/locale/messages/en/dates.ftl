### Dates as people read them in the chat (bot/resume/trend.py short_date).
### Each message is a CLDR date pattern (https://unicode.org/reports/tr35/tr35-dates.html#Date_Field_Symbol_Table),
### formatted by Babel: d = day of the month, M = month number, MMM = the month's short name.

# A short date without the year: "1 Dec".
dates-short_date = d MMM
