### The chat widget's own controls (widget/src): scripts/widget_strings.py writes widget/src/strings.js from them.
### The bot's messages are not here. A variable ($name) becomes {name} in strings.js; the widget's t() fills it.

widget-launcherShort = Chat
widget-close = Close chat
widget-startOver = Start over
widget-startOverDone = The conversation was started again.
widget-language = Language
widget-languageChanged = Language: { $name }
widget-conversation = Conversation
widget-inputLabel = Your message
widget-inputPlaceholder = Type your message…
widget-send = Send
widget-counter = { $count } of { $max } characters
widget-counterFull = Your message has reached the maximum length of { $max } characters. Please shorten it.
widget-counterCut = Your text was too long. I kept the first { $max } characters. Please check the end before you send it.
widget-you = You
widget-bot = Guide
widget-roleCoach = Coach
widget-waitingForCoach = Waiting for a coach
widget-botTyping = The guide is typing…
widget-opensNewTab = (opens in a new tab)
widget-connecting = Connecting…
widget-offline = Connection lost. Reconnecting… Your message will be sent when the connection is back.
widget-reconnected = Connection restored.
widget-suggestions = Answer options
widget-feedbackGroup = Was this useful?
widget-sentAt = sent at
widget-emptyHistory = Hello! Write a message or choose an option to begin.
widget-endChat = End and clear
widget-endQuestion = End this chat? We clear it from this screen and this device. If you got a code, write it down first.
widget-endAlsoDelete = Also delete my answers from the server now
widget-endKeepNote = If you leave this empty, the server keeps the chat for a while and then deletes it automatically.
widget-endConfirm = Yes, end and clear
widget-endCancel = No, keep chatting
widget-endedKept = The chat has ended and is cleared from this device. The server deletes its copy automatically after a while.
widget-erasedAll = Everything is deleted: on our server and on this device. You can start again whenever you like.
widget-erasing = Deleting your data…
widget-eraseFailed = We could not delete your data right now. Your chat is still here. Please try again in a moment.
widget-refused = Sorry, the chat does not work on this page. You can still get help:
widget-unreachable = The chat is not available right now. We keep trying. You can also get help here:
widget-noContact = Please contact your city's employment services.
widget-phone = Phone

## Issue 15: the tools under the finished self-introduction (widget/src/introduction.js).
widget-introductionTools = Your introduction
widget-copyIntroduction = Copy text
widget-downloadIntroduction = Download as a text file
widget-introductionCopied = Copied. You can paste it now.
widget-introductionCopyFailed = Copying did not work here. You can select the text and copy it yourself.
widget-introductionDownloaded = The text file is in your downloads.
