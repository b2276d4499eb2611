"""Opening the state store on a PostgreSQL database that cannot hold the bot's text gives a clear message."""

from __future__ import annotations

import os
import subprocess

import pytest

from bot.errors import ConfigurationError
from bot.store import StateStore
from tests.deploy.servers import bubblebot, pg_database

pytestmark = pytest.mark.postgres


def test_a_sql_ascii_database_is_refused_with_how_to_create_a_utf8_one() -> None:
    with pg_database(encoding="SQL_ASCII") as url:
        with pytest.raises(ConfigurationError) as refused:
            StateStore.open(url)
        message = str(refused.value)
        assert "SQL_ASCII" in message and "UTF8" in message
        assert "ENCODING 'UTF8' TEMPLATE template0" in message

        env = {**os.environ, "BUBBLEBOT_DATABASE_URL": url}
        purge = subprocess.run(
            [*bubblebot(), "data", "purge", "--older-than", "90d"],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert purge.returncode == 1
        assert "uses the SQL_ASCII encoding" in purge.stderr and "Traceback" not in purge.stderr, purge.stderr


def test_a_utf8_database_opens_and_keeps_chinese_text() -> None:
    with pg_database(encoding="UTF8") as url, StateStore.open(url) as store:
        store.subscribe(
            platform="slack", channel="C0中文", time="09:00", tz="Asia/Shanghai", language="zh-Hans"
        )
        [subscription] = store.subscriptions(platform="slack")
        assert subscription.channel == "C0中文"
