"""The conversation every chat platform shares: one core, thin platform adapters.

Modules: place (where a message came from), replies (what the bot says, before any platform renders it),
memory (small in-memory stand-ins for the store), conversation (claim/dedupe, rate limit, history,
ask-and-save, sources, votes), commands (the one `/bubble` router: ask, sources, help, digest, ingest,
chart), digest_commands, ingest_command, chart_command, platform (the ChatPlatform protocol an adapter
implements) and registry (the platforms `serve` and `digest run-due` iterate). Nothing here imports a
platform SDK.
"""
