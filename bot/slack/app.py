"""The bolt App of the Slack adapter: Web API client, token check, listeners, worker threads."""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from slack_bolt import App
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from bot.chat.chart_command import ChartCommand
from bot.chat.commands import CommandRouter
from bot.chat.conversation import Conversation
from bot.chat.digest_commands import DigestCommands
from bot.chat.ingest_command import IngestCommand
from bot.chat.place import Place
from bot.chat_ingest import ChatIngest
from bot.errors import BadToken, ConfigurationError
from bot.i18n import message
from bot.ratelimit import RateLimiter
from bot.settings import Settings
from bot.slack.chat import SlackChat
from bot.slack.listeners import register
from bot.slack.platform import SlackPlatform
from bot.slack.web import SlackPoster, error_code

if TYPE_CHECKING:
    from bot.service import AnswerService
    from bot.store import StateStore

log = logging.getLogger(__name__)

DEFAULT_API_URL = "https://slack.com/api/"
# Answer threads. The local chain is CPU-bound under the GIL: two threads overlap its Slack and
# database I/O without starving the request handling that must ack within 3 s. With an LLM the
# answers mostly wait on the network, so more of them run at once.
WORKERS_LOCAL = 2
WORKERS_LLM = 16
# Listener threads: they ack, check and queue (answers never run on them), so acks never wait
# behind answers.
LISTENER_THREADS = 4


def api_url(settings: Settings) -> str:
    """The Web API base URL (BUBBLEBOT_SLACK_API_URL, e.g. GovSlack or a test fake), ending in '/'."""
    url = (settings.slack_api_url or DEFAULT_API_URL).strip()
    return url if url.endswith("/") else url + "/"


def web_client(settings: Settings) -> WebClient:
    """A WebClient with the bot token; ConfigurationError when SLACK_BOT_TOKEN is missing."""
    if settings.slack_bot_token is None or not settings.slack_bot_token.get_secret_value().strip():
        raise ConfigurationError("SLACK_BOT_TOKEN is not set; the Slack app needs its bot token (xoxb-…).")
    return WebClient(
        token=settings.slack_bot_token.get_secret_value().strip(), base_url=api_url(settings), timeout=15
    )


def check_token(client: WebClient) -> dict[str, Any]:
    """auth.test, so a bad token fails at start with a clear message (BadToken) instead of at the first event."""
    try:
        response = client.auth_test()
    except SlackApiError as error:
        log.error("Slack auth.test failed: %s", error_code(error))
        raise BadToken("Slack", "SLACK_BOT_TOKEN") from None
    except (SlackClientError, OSError) as error:
        raise ConfigurationError(
            f"Cannot reach the Slack Web API at {client.base_url} ({type(error).__name__}); "
            "check the network or BUBBLEBOT_SLACK_API_URL."
        ) from None
    data = response.data if isinstance(response.data, dict) else {}
    log.info("connected to Slack as %s (team %s)", data.get("user"), data.get("team"))
    return data


class _QuietClientWarning(logging.Filter):
    """bolt warns that SLACK_BOT_TOKEN is unused when a client is given: expected here, so not logged."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("As you gave `client` as well")


logging.getLogger("slack_bolt.App").addFilter(_QuietClientWarning())


@dataclass
class SlackBot:
    """A ready bolt App and what it owns (worker threads); close() when done."""

    app: App
    chat: SlackChat
    listener_executor: ThreadPoolExecutor
    answer_executor: ThreadPoolExecutor
    auth: dict[str, Any]
    ingest_executor: ThreadPoolExecutor | None = None

    def close(self) -> None:
        """Let listeners, queued answers and ingests finish, then stop the threads."""
        self.listener_executor.shutdown(wait=True)
        self.answer_executor.shutdown(wait=True)
        if self.ingest_executor is not None:
            self.ingest_executor.shutdown(wait=True)


def build_slack_bot(
    settings: Settings,
    *,
    service: AnswerService,
    store: StateStore | None,
    client: WebClient | None = None,
    auth: dict[str, Any] | None = None,
    workers: int | None = None,
) -> SlackBot:
    """Check the token, then build the bolt App with every listener.

    The App acknowledges each request as soon as its listener starts (events) or calls ack()
    (commands, buttons, shortcuts); listeners run on their own threads and queue questions for
    `workers` answer threads, so a queue of answers never delays an ack.
    """
    workers = workers or (WORKERS_LLM if settings.llm else WORKERS_LOCAL)
    client = client or web_client(settings)
    auth = auth if auth is not None else check_token(client)
    secret = settings.slack_signing_secret.get_secret_value() if settings.slack_signing_secret else ""
    listeners = ThreadPoolExecutor(max_workers=LISTENER_THREADS, thread_name_prefix="slack-listener")
    answers = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="slack-answer")
    ingests = ThreadPoolExecutor(max_workers=1, thread_name_prefix="slack-ingest")
    try:
        app = App(
            client=client,
            signing_secret=secret,
            name="bubblebot",
            listener_executor=listeners,
            token_verification_enabled=True,
            process_before_response=False,
        )
    except Exception:
        listeners.shutdown(wait=False)
        answers.shutdown(wait=False)
        ingests.shutdown(wait=False)
        raise
    platform = SlackPlatform(SlackPoster(client))
    conversation = Conversation(
        service=service, store=store, limiter=RateLimiter(limit=settings.rate_limit_per_minute, window=60)
    )
    router = CommandRouter(
        conversation,
        digest=digest_commands(settings, store, platform),
        ingest=IngestCommand(ChatIngest.from_settings(settings, service), escape=_plain),
        chart=ChartCommand(lambda: service.kb.corpus),
    )
    chat = SlackChat(
        conversation, router, platform, answers=answers, ingests=ingests, bot_user_id=auth.get("user_id")
    )
    register(app, chat)
    return SlackBot(
        app=app,
        chat=chat,
        listener_executor=listeners,
        answer_executor=answers,
        auth=auth,
        ingest_executor=ingests,
    )


def _plain(text: str) -> str:
    """Ingest results are escaped with the rest of the notice they are in."""
    return text


def digest_commands(settings: Settings, store: StateStore | None, platform: SlackPlatform) -> DigestCommands:
    """/bubble digest on Slack: anyone in the channel may change it, unless BUBBLEBOT_ADMINS lists user ids
    (like Slack's own RSS and GitHub apps' channel subscriptions); every change is announced in the channel."""
    admins = {admin.strip() for admin in settings.admins if admin.strip()}

    def refusal(place: Place, language: str) -> str:
        return message(
            "digest_cmd.admins_only",
            language,
            admins=", ".join(platform.mention(admin) for admin in sorted(admins)),
        )

    return DigestCommands(
        store,
        settings.data_dir,
        mention=platform.mention,
        escape=platform.escape,
        may_change=lambda place: not admins or place.user in admins,
        refusal=refusal,
    )
