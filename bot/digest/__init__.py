"""The daily digest: content (cards, new sources, most asked), schedule, exactly-once delivery, commands.

Platform-neutral: the Slack and Discord adapters render and post it (bot/slack/digest.py,
bot/discord/digest.py), the CLI drives it (bot/digest/cli.py). Modules: cards (rotation), content
(building a digest), model, render (plain text), text (phrases), schedule (time zones), runner (claim,
post, mark), scheduler (the tick inside `serve`), options (parsing what users type), manage (commands).
"""
