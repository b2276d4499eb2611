"""The container health check: `python -m bot.observability.probe` exits 0 when /healthz says ok.

Probes 127.0.0.1 on BUBBLEBOT_HEALTH_PORT (default 3000, the port every bubblebot container serves
/healthz on: `serve slack --port 3000`, or the Discord bot's health server).
"""

from __future__ import annotations

import sys
import urllib.error
import urllib.request

from bot.settings import get_settings

DEFAULT_PORT = 3000


def main() -> int:
    """0 when GET /healthz answers 200 within 3 s, else 1."""
    port = get_settings().health_port or DEFAULT_PORT
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=3) as response:
            return 0 if response.status == 200 else 1
    except (urllib.error.URLError, OSError):
        return 1


if __name__ == "__main__":
    sys.exit(main())
