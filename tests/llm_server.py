"""A real OpenAI-compatible HTTP server on 127.0.0.1, for tests and benchmarks of the model path.

The official `openai` client (through `langchain-openai`) talks to it over real HTTP, so retries,
timeouts, streaming and JSON replies are exercised exactly as against a hosted model. Replies come
from a script (queued contents) or a `responder` function of the request; faults are queued too:
an HTTP status (429 with a short Retry-After, 500), a hang longer than the client's timeout, or a
malformed body. Every request is recorded for assertions. Nothing here touches the internet.
"""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Responder = Callable[[dict[str, Any]], str]


@dataclass(frozen=True)
class Fault:
    """One injected failure, consumed by the next request."""

    kind: str  # "status" | "hang" | "garbage"
    status: int = 500
    seconds: float = 0.0

    @classmethod
    def http(cls, status: int) -> Fault:
        return cls("status", status=status)

    @classmethod
    def hang(cls, seconds: float) -> Fault:
        return cls("hang", seconds=seconds)

    @classmethod
    def garbage(cls) -> Fault:
        """A 200 whose body is not JSON at all (a broken proxy, a truncated reply)."""
        return cls("garbage")


@dataclass(frozen=True)
class ToolCall:
    """A scripted reply that calls a tool (function) with JSON arguments."""

    name: str
    arguments: dict[str, Any]


@dataclass
class _State:
    replies: deque[str | ToolCall] = field(default_factory=deque)
    faults: deque[Fault] = field(default_factory=deque)
    requests: list[dict[str, Any]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    in_flight: int = 0
    max_in_flight: int = 0


class FakeOpenAIServer:
    """`with FakeOpenAIServer() as server:` then point the client at `server.url`."""

    def __init__(self, responder: Responder | None = None, *, latency_s: float = 0.0) -> None:
        self.responder = responder
        self.latency_s = latency_s
        self.state = _State()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._httpd.daemon_threads = True
        self._httpd.block_on_close = False  # a hung handler must not block shutdown
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._httpd.server_address[1]}/v1"

    @property
    def requests(self) -> list[dict[str, Any]]:
        return self.state.requests

    @property
    def max_in_flight(self) -> int:
        return self.state.max_in_flight

    def script(self, *replies: str | ToolCall) -> FakeOpenAIServer:
        self.state.replies.extend(replies)
        return self

    def fail(self, *faults: Fault) -> FakeOpenAIServer:
        self.state.faults.extend(faults)
        return self

    def __enter__(self) -> FakeOpenAIServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def _next_reply(self, body: dict[str, Any]) -> str | ToolCall:
        with self.state.lock:
            if self.state.replies:
                return self.state.replies.popleft()
        if self.responder is not None:
            return self.responder(body)
        return "OK"

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:  # quiet
                pass

            def do_GET(self) -> None:
                if self.path.rstrip("/").endswith("/models"):
                    self._json(200, {"object": "list", "data": [{"id": "scripted", "object": "model"}]})
                else:
                    self._json(404, {"error": {"message": "not found"}})

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length) or b"{}")
                state = server.state
                with state.lock:
                    state.requests.append(body)
                    fault = state.faults.popleft() if state.faults else None
                    state.in_flight += 1
                    state.max_in_flight = max(state.max_in_flight, state.in_flight)
                try:
                    self._answer(body, fault)
                finally:
                    with state.lock:
                        state.in_flight -= 1

            def _answer(self, body: dict[str, Any], fault: Fault | None) -> None:
                if server.latency_s:
                    time.sleep(server.latency_s)
                if fault is not None and fault.kind == "hang":
                    time.sleep(fault.seconds)
                    return  # the client has given up; whatever we write would go nowhere
                if fault is not None and fault.kind == "status":
                    headers = {"retry-after-ms": "20"} if fault.status == 429 else {}
                    message = "rate limited" if fault.status == 429 else "internal error"
                    self._json(fault.status, {"error": {"message": message, "type": "scripted"}}, headers)
                    return
                if fault is not None and fault.kind == "garbage":
                    self._raw(200, b"<html>502 bad gateway</html>", "application/json")
                    return
                if not self.path.rstrip("/").endswith("/chat/completions"):
                    self._json(404, {"error": {"message": f"no route {self.path}"}})
                    return
                reply = server._next_reply(body)
                if body.get("stream"):
                    self._stream(body, reply)
                else:
                    self._json(200, _completion(body, reply))

            def _stream(self, body: dict[str, Any], reply: str | ToolCall) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                for chunk in _stream_chunks(body, reply):
                    self._chunk(f"data: {json.dumps(chunk)}\n\n".encode())
                self._chunk(b"data: [DONE]\n\n")
                self._chunk(b"")

            def _chunk(self, data: bytes) -> None:
                self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
                self.wfile.flush()

            def _json(self, status: int, payload: Any, headers: dict[str, str] | None = None) -> None:
                self._raw(status, json.dumps(payload).encode(), "application/json", headers)

            def _raw(
                self, status: int, data: bytes, content_type: str, headers: dict[str, str] | None = None
            ) -> None:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(data)))
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)

        return Handler


def _usage(body: dict[str, Any], text: str) -> dict[str, int]:
    prompt = sum(len(str(m.get("content") or "")) for m in body.get("messages", [])) // 4
    completion = max(1, len(text) // 4)
    return {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion}


def _message(reply: str | ToolCall) -> dict[str, Any]:
    if isinstance(reply, ToolCall):
        call = {
            "id": f"call_{uuid.uuid4().hex[:8]}",
            "type": "function",
            "function": {"name": reply.name, "arguments": json.dumps(reply.arguments)},
        }
        return {"role": "assistant", "content": None, "tool_calls": [call]}
    return {"role": "assistant", "content": reply}


def _completion(body: dict[str, Any], reply: str | ToolCall) -> dict[str, Any]:
    text = reply if isinstance(reply, str) else json.dumps(reply.arguments)
    return {
        "id": f"chatcmpl-{uuid.uuid4().hex[:12]}",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": body.get("model", "scripted"),
        "choices": [
            {
                "index": 0,
                "message": _message(reply),
                "finish_reason": "tool_calls" if isinstance(reply, ToolCall) else "stop",
            }
        ],
        "usage": _usage(body, text),
    }


def _stream_chunks(body: dict[str, Any], reply: str | ToolCall) -> Iterator[dict[str, Any]]:
    base = {
        "id": f"chatcmpl-{uuid.uuid4().hex[:12]}",
        "object": "chat.completion.chunk",
        "created": int(time.time()),
        "model": body.get("model", "scripted"),
    }
    if isinstance(reply, ToolCall):
        yield {**base, "choices": [{"index": 0, "delta": _message(reply), "finish_reason": None}]}
        yield {**base, "choices": [{"index": 0, "delta": {}, "finish_reason": "tool_calls"}]}
        return
    yield {**base, "choices": [{"index": 0, "delta": {"role": "assistant", "content": ""}}]}
    words = reply.split(" ")
    for i, word in enumerate(words):
        piece = word if i == len(words) - 1 else word + " "
        yield {**base, "choices": [{"index": 0, "delta": {"content": piece}, "finish_reason": None}]}
    yield {**base, "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}
    if (body.get("stream_options") or {}).get("include_usage"):
        yield {**base, "choices": [], "usage": _usage(body, reply)}
