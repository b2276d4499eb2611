"""The daily digest: content (cards, new sources, most asked), schedule, exactly-once delivery, commands.

Platform-neutral: each chat adapter renders and posts it (bot/slack/digest.py, bot/discord/digest.py), the
`/bubble digest` commands are the conversation core's (bot/chat/digest_commands.py), and the CLI drives it
(bot/digest/cli.py), reaching the platforms through bot.chat.registry (it imports no adapter itself). Modules: cards (rotation), content
(building a digest), model, render (plain text), text (phrases), schedule (time zones), runner (claim,
post, mark), scheduler (the tick inside `serve`), options (parsing what users type), manage (commands).
"""
