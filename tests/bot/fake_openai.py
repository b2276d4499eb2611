"""A loopback fake of an OpenAI-compatible server: POST /v1/chat/completions only.

Each request is recorded; `reply(request)` decides the structured output the "model" returns. The
reply is sent the way langchain-openai's `with_structured_output` expects it: as JSON message content
when the request carries a `json_schema` response_format (ChatOpenAI's default method), or as a call
of the requested tool when it carries `tools` (method="function_calling").
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Reply = Callable[[dict[str, Any]], dict[str, Any] | str]


def user_payload(request: dict[str, Any]) -> dict[str, Any]:
    """The JSON the bot put in the last user message (question, language, passages)."""
    message = next(m for m in reversed(request["messages"]) if m["role"] == "user")
    content = message["content"]
    if isinstance(content, list):
        content = "".join(part.get("text", "") for part in content)
    data: dict[str, Any] = json.loads(content)
    return data


class FakeOpenAI:
    """Serves chat completions on 127.0.0.1; set `reply`, `delay` or `status` per test."""

    def __init__(self) -> None:
        self.reply: Reply = lambda request: {"answer": "", "cited_passage_ids": []}
        self.delay = 0.0
        self.status = 200
        self.error_message = "fake failure"  # "{key}" becomes the bearer token sent (providers echo it)
        self.requests: list[dict[str, Any]] = []
        self._stop = threading.Event()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._server.block_on_close = False
        self._thread = threading.Thread(target=self._server.serve_forever, name="fake-openai", daemon=True)

    @property
    def base_url(self) -> str:
        """The OpenAI-style base URL (ends in /v1)."""
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}/v1"

    def start(self) -> FakeOpenAI:
        """Serve in a background thread."""
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving; a request still sleeping is woken and dropped."""
        self._stop.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def reset(self) -> None:
        """Back to an instant, successful server with no recorded requests."""
        self.reply = lambda request: {"answer": "", "cited_passage_ids": []}
        self.delay = 0.0
        self.status = 200
        self.error_message = "fake failure"
        self.requests.clear()

    def completion(self, request: dict[str, Any]) -> dict[str, Any]:
        """The chat.completion object answering one request."""
        output = self.reply(request)
        content = output if isinstance(output, str) else json.dumps(output, ensure_ascii=False)
        message: dict[str, Any] = {"role": "assistant", "content": content, "refusal": None}
        finish = "stop"
        if request.get("tools"):
            name = request["tools"][0]["function"]["name"]
            message = {
                "role": "assistant",
                "content": None,
                "refusal": None,
                "tool_calls": [
                    {
                        "id": "call_fake_1",
                        "type": "function",
                        "function": {"name": name, "arguments": content},
                    }
                ],
            }
            finish = "tool_calls"
        return {
            "id": f"chatcmpl-fake-{len(self.requests)}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": request.get("model", "fake-model"),
            "choices": [{"index": 0, "message": message, "finish_reason": finish, "logprobs": None}],
            "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
        }

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
                return

            def _send(self, status: int, body: dict[str, Any]) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                request = json.loads(self.rfile.read(length) or b"{}")
                if self.path.rstrip("/") != "/v1/chat/completions":
                    self._send(
                        404, {"error": {"message": f"no route {self.path}", "type": "invalid_request_error"}}
                    )
                    return
                fake.requests.append(request)
                if fake.delay and fake._stop.wait(fake.delay):
                    return
                if fake.status != 200:
                    key = (self.headers.get("Authorization") or "").removeprefix("Bearer ")
                    message = fake.error_message.replace("{key}", key)
                    self._send(fake.status, {"error": {"message": message, "type": "server_error"}})
                    return
                try:
                    self._send(200, fake.completion(request))
                except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout)
                    return

        return Handler
