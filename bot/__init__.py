"""Everything conversational: answer chain, rendering, digest, state store, chat adapters, CLI."""
