"""Web hardening, probed against the real app on 127.0.0.1 with login on: path traversal on the file
routes (relative, absolute, URL-encoded and double-encoded, into ADVISOR_HOME and into another
user's files), an oversized upload, cross-origin requests (also as the app would be reached on a
network, by a host name that is not localhost), the monitoring routes, and requests without login.
Requests go out raw (`http.client`), so no client tidies a `../` away before the server sees it.
Figure: probes tried, probes that succeed (0)."""

from __future__ import annotations

import hashlib
import http.client
import json
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from gradio_client import Client, handle_file
from starlette.responses import PlainTextResponse
from starlette.testclient import TestClient
from starlette.types import Receive, Scope, Send

from advisor.service.runtime import Runtime
from advisor.web.guard import SameOriginOnly, allowed_hosts, same_origin
from tests.app_server import running_app

pytestmark = pytest.mark.slow
CHARTER = Path(__file__).resolve().parents[1] / "evals" / "data" / "charters" / "riverside-safe-streets.md"
MAX_FILE_MB = 0.25
EVIL = "http://evil.example"
NETWORK_HOST = "advisor.example.org"  # the app as reached on a network: gradio's CORS trusts any origin then


@dataclass(frozen=True)
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes


class Raw:
    """Raw HTTP to the app, optionally signed in (the session cookie of /login)."""

    def __init__(self, url: str, user: tuple[str, str] | None = None) -> None:
        parts = urlsplit(url)
        self.host, self.port = parts.hostname or "127.0.0.1", parts.port or 80
        self.cookie = ""
        if user:
            reply = self.send(
                "POST",
                "/login",
                f"username={user[0]}&password={user[1]}".encode(),
                {"Content-Type": "application/x-www-form-urlencoded"},
            )
            assert reply.status == 200, reply
            self.cookie = "; ".join(v.split(";")[0] for k, v in reply.headers.items() if k == "set-cookie")

    def send(
        self, method: str, target: str, body: bytes | None = None, headers: dict[str, str] | None = None
    ) -> Reply:
        connection = http.client.HTTPConnection(self.host, self.port, timeout=30)
        sent = {"Cookie": self.cookie} if self.cookie else {}
        try:
            connection.putrequest(method, target, skip_host="Host" in (headers or {}))
            for name, value in {**sent, **(headers or {})}.items():
                connection.putheader(name, value)
            connection.putheader("Content-Length", str(len(body or b"")))
            connection.endheaders(body)
            response = connection.getresponse()
            headers_out: dict[str, str] = {}
            for name, value in response.getheaders():  # several Set-Cookie headers: keep them all
                key = name.lower()
                headers_out[key] = f"{headers_out[key]}; {value}" if key in headers_out else value
            return Reply(response.status, headers_out, response.read())
        finally:
            connection.close()

    def call(self, endpoint: str, data: list[object], headers: dict[str, str] | None = None) -> Reply:
        """Start an API call the way any HTTP client can (POST /gradio_api/call/<endpoint>)."""
        body = json.dumps({"data": data}).encode()
        return self.send(
            "POST",
            f"/gradio_api/call/{endpoint}",
            body,
            {"Content-Type": "application/json", **(headers or {})},
        )

    def upload(self, name: str, data: bytes, headers: dict[str, str] | None = None) -> Reply:
        boundary = "advisorprobe"
        body = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="{name}"\r\n'
            f"Content-Type: text/markdown\r\n\r\n".encode()
            + data
            + f"\r\n--{boundary}--\r\n".encode()
        )
        content_type = {"Content-Type": f"multipart/form-data; boundary={boundary}"}
        return self.send("POST", "/gradio_api/upload", body, {**content_type, **(headers or {})})


@pytest.fixture(scope="module")
def app(runtime: Runtime) -> Iterator[str]:
    ingest = runtime.settings.ingest.model_copy(update={"max_file_mb": MAX_FILE_MB})
    small = Runtime(runtime.settings.model_copy(update={"ingest": ingest}), embeddings=runtime.embeddings)
    with running_app(small, auth="alice:wonderland,bob:builder") as url:
        yield url


def test_probes_of_files_origins_monitoring_and_login_all_fail(
    app: str, runtime: Runtime, workspace_name: str, tmp_path: Path
) -> None:
    home = runtime.settings.home.resolve()
    alice = Client(app, auth=("alice", "wonderland"), verbose=False)
    alice.predict(workspace_name, api_name="/create_workspace")
    log, *_ = alice.predict(workspace_name, [handle_file(str(CHARTER))], api_name="/upload")
    assert "✓" in log
    alice_file = next(home.glob(f"files/u*-{workspace_name}/riverside-safe-streets.md"))
    anonymous, bob, alice_raw = Raw(app), Raw(app, ("bob", "builder")), Raw(app, ("alice", "wonderland"))
    uploaded = alice_raw.upload("minutes.md", b"# Minutes\nConfidential: the budget is short.\n")
    assert uploaded.status == 200, uploaded
    alice_upload = json.loads(uploaded.body)[0]  # /tmp/gradio/<keyed hash>/minutes.md
    upload_dir = str(Path(alice_upload).parents[1])
    guessed = alice_upload.replace(Path(alice_upload).parent.name, hashlib.sha256(b"x").hexdigest())
    assert alice_raw.send("GET", f"/gradio_api/file={alice_upload}").status == 200  # the route itself works

    probes: list[tuple[str, Reply]] = []  # (what was tried, reply): success = the server obliged

    # 1. Path traversal on the file routes, signed in as Bob and signed out
    targets = [
        "/etc/passwd",
        "../../../../../../etc/passwd",
        "..%2F..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd",
        "%2Fetc%2Fpasswd",
        "%252Fetc%252Fpasswd",
        "..%252F..%252F..%252F..%252Fetc%252Fpasswd",
        "%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "....//....//....//etc/passwd",
        "/proc/self/environ",
        "file:///etc/passwd",
        f"{upload_dir}/../../../../etc/passwd",
        f"{upload_dir}/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        f"{upload_dir}/../../../..{home}/conversations.sqlite3",
        f"{home}/conversations.sqlite3",
        f"{home}/chroma/chroma.sqlite3",
        str(alice_file),
        str(alice_file).replace("/", "%2F"),
        guessed,
        str(Path(alice_upload).parent),
    ]
    for prefix in ("/gradio_api/file=", "/gradio_api/file/", "/file=", "/gradio_api/proxy="):
        for target in targets:
            for who, client in (("bob", bob), ("signed out", anonymous)):
                probes.append((f"GET {prefix}{target} as {who}", client.send("GET", prefix + target)))
    signed_out = anonymous.send("GET", f"/gradio_api/file={alice_upload}")
    probes.append((f"GET Alice's upload {alice_upload} signed out", signed_out))

    # 2. An upload over ADVISOR_INGEST_MAX_FILE_MB, raw and through the app's own upload endpoint
    big = b"# Minutes\n" + b"The steering committee met and agreed on the plan. " * 6000
    assert len(big) > MAX_FILE_MB * 2**20
    probes.append(("POST /gradio_api/upload over the size limit", alice_raw.upload("big.md", big)))
    big_file = tmp_path / "big.md"
    big_file.write_bytes(big)
    try:
        log, *_ = alice.predict(workspace_name, [handle_file(str(big_file))], api_name="/upload")
        through_app = Reply(200 if "✓" in log else 413, {}, log.encode())
    except Exception as exc:
        through_app = Reply(413, {}, str(exc).encode())
    probes.append(("upload over the size limit through the API", through_app))

    # 3. Cross-origin requests with Alice's session, at the loopback name and at a network host name
    port = urlsplit(app).port or 80
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    for origin in (EVIL, "null", f"http://127.0.0.1:{port + 1}"):  # the last: another app on this machine
        for host in (None, NETWORK_HOST):
            extra = {"Origin": origin, **({"Host": host} if host else {})}
            where = f"from {origin} to {host or 'loopback'}"
            probes += [
                (f"create_workspace {where}", alice_raw.call("create_workspace", ["evil-made"], extra)),
                (f"delete_workspace {where}", alice_raw.call("delete_workspace", [workspace_name], extra)),
                (
                    f"chat {where}",
                    alice_raw.call("chat", [workspace_name, "What is our purpose?", []], extra),
                ),
                (f"upload {where}", alice_raw.upload("evil.md", b"# Evil\n", extra)),
                (f"GET /config {where}", alice_raw.send("GET", "/config", None, extra)),
                (f"GET /gradio_api/info {where}", alice_raw.send("GET", "/gradio_api/info", None, extra)),
                (
                    f"login {where}",
                    anonymous.send("POST", "/login", b"username=bob&password=builder", form | extra),
                ),
            ]

    # 4. The monitoring routes, signed in and out
    for path in (
        "/monitoring",
        "/monitoring/summary",
        "/monitoring/0123456789abcdef",
        "/gradio_api/monitoring",
    ):
        probes.append((f"GET {path} as alice", alice_raw.send("GET", path)))
        probes.append((f"GET {path} signed out", anonymous.send("GET", path)))

    # 5. Without login: config, API description, API calls, uploads, queue
    for path in (
        "/config",
        "/gradio_api/info",
        "/gradio_api/openapi.json",
        "/openapi.json",
        "/gradio_api/runs",
        "/gradio_api/queue/data?session_hash=probe",
        "/gradio_api/upload_progress?upload_id=probe",
        "/gradio_api/deep_link?session_hash=probe",
    ):
        probes.append((f"GET {path} signed out", anonymous.send("GET", path)))
    for endpoint, data in (
        ("create_workspace", ["anon-made"]),
        ("chat", [workspace_name, "hi", []]),
        ("export_conversation", [workspace_name]),
        ("review_charter", [workspace_name, "riverside-safe-streets.md"]),
    ):
        probes.append((f"call {endpoint} signed out", anonymous.call(endpoint, data)))
    probes.append(("POST /gradio_api/upload signed out", anonymous.upload("anon.md", b"# Anon\n")))
    join = json.dumps({"data": ["anon-made"], "fn_index": 1, "session_hash": "probe"}).encode()
    json_type = {"Content-Type": "application/json"}
    probes.append(
        ("queue/join signed out", anonymous.send("POST", "/gradio_api/queue/join", join, json_type))
    )

    succeeded = [
        (what, reply.status, reply.body[:120]) for what, reply in probes if 200 <= reply.status < 300
    ]
    statuses = Counter(reply.status for _, reply in probes)
    print(f"\nweb probes: {len(probes)} tried, {len(succeeded)} succeeded (statuses {dict(statuses)})")
    assert succeeded == []
    listing = str(alice.predict(api_name="/on_load"))
    assert workspace_name in listing and "evil-made" not in listing and "anon-made" not in listing
    assert "big.md" not in listing

    # The app still works for its own pages: same-origin calls go through, CORS gives others nothing
    assert (
        alice_raw.call(
            "purpose_check", ["Halve deaths by 2030."], {"Origin": f"http://127.0.0.1:{port}"}
        ).status
        == 200
    )
    ask = {"Origin": EVIL, "Access-Control-Request-Method": "POST"}
    preflight = alice_raw.send("OPTIONS", "/gradio_api/call/create_workspace", None, ask)
    assert "access-control-allow-origin" not in preflight.headers


@pytest.mark.parametrize(
    ("origin", "host", "same"),
    [
        ("http://127.0.0.1:7860", "127.0.0.1:7860", True),
        ("https://Advisor.example.org", "advisor.example.org", True),
        ("https://advisor.example.org", "advisor.example.org:443", True),
        ("http://advisor.example.org", "advisor.example.org:443", False),
        ("http://127.0.0.1:7861", "127.0.0.1:7860", False),
        ("http://localhost:7860", "127.0.0.1:7860", False),
        ("null", "127.0.0.1:7860", False),
        ("http://evil.example", "127.0.0.1:7860", False),
        ("http://127.0.0.1:notaport", "127.0.0.1:7860", False),
    ],
)
def test_only_the_apps_own_origin_counts_as_same(origin: str, host: str, same: bool) -> None:
    assert same_origin(origin, host) is same


@pytest.mark.parametrize(
    ("host", "allowed"),
    [
        ("127.0.0.1:7860", True),
        ("localhost:7860", True),
        ("[::1]:7860", True),
        ("advisor.example.org", True),  # listed in ADVISOR_APP_ALLOWED_HOSTS
        ("rebind.example:7860", False),  # a rebinding attacker's name, resolving to 127.0.0.1
        ("127.0.0.1.nip.io:7860", False),
        ("", False),
    ],
)
def test_only_the_apps_own_host_names_are_answered(host: str, allowed: bool) -> None:
    async def ok(scope: Scope, receive: Receive, send: Send) -> None:
        await PlainTextResponse("workspaces")(scope, receive, send)

    guarded = SameOriginOnly(ok, hosts=allowed_hosts("127.0.0.1", "advisor.example.org"))
    origin = {"Origin": f"http://{host}"} if host else {}
    reply = TestClient(guarded, base_url="http://placeholder").get(
        "/config", headers={"Host": host, **origin}
    )
    assert (reply.status_code == 200) is allowed, reply.text
    if not allowed:
        assert "ADVISOR_APP_ALLOWED_HOSTS" in reply.text


def test_a_server_shared_on_a_network_answers_to_its_own_name_only() -> None:
    assert "0.0.0.0" not in allowed_hosts("0.0.0.0", "")
    assert allowed_hosts("10.0.0.5", "") >= {"10.0.0.5", "127.0.0.1", "localhost"}


def _sign_in(url: str, user: str, password: str, source: str = "127.0.0.1") -> tuple[int, str]:
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(
        parts.hostname or "127.0.0.1", parts.port or 80, timeout=30, source_address=(source, 0)
    )
    body = f"username={user}&password={password}".encode()
    try:
        connection.request("POST", "/login", body, {"Content-Type": "application/x-www-form-urlencoded"})
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        connection.close()


def test_wrong_passwords_back_off_per_user_and_per_client(runtime: Runtime) -> None:
    with running_app(runtime, auth="carol:right-pw,dave:dave-pw", login_backoff_s=1.0) as url:
        answers = Counter(_sign_in(url, "carol", f"guess-{n}")[0] for n in range(40))
        print(f"\nwrong passwords: 40, compared: {answers[400]}, refused while locked out: {answers[429]}")
        assert answers == Counter({400: 5, 429: 35})
        status, text = _sign_in(url, "carol", "right-pw")
        assert status == 429 and "Try again in" in text  # locked: the right password waits too
        assert _sign_in(url, "dave", "dave-pw")[0] == 429  # this client is locked out for every user
        assert _sign_in(url, "carol", "right-pw", source="127.0.0.2")[0] == 429  # carol, from anywhere
        assert _sign_in(url, "dave", "dave-pw", source="127.0.0.2")[0] == 200  # others elsewhere are not
        wait = int(text.rsplit("in ", 1)[1].split(" ")[0])
        time.sleep(wait + 0.2)
        assert _sign_in(url, "carol", "right-pw")[0] == 200  # the wait over, the right password works


def test_an_oversized_request_is_refused_before_anything_parses_it() -> None:
    """A 10 MB chat message used to be parsed, saved and replayed to every visitor: now the request
    is refused at the door, by its stated length or, without one, as the bytes arrive."""
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import PlainTextResponse
    from starlette.routing import Route
    from starlette.testclient import TestClient

    from advisor.web.guard import BodyLimit

    parsed: list[int] = []

    async def endpoint(request: Request) -> PlainTextResponse:
        parsed.append(len(await request.body()))
        return PlainTextResponse("ok")

    routes = [Route(p, endpoint, methods=["POST"]) for p in ("/gradio_api/call/chat", "/gradio_api/upload")]
    client = TestClient(BodyLimit(Starlette(routes=routes), max_bytes=1000))
    assert client.post("/gradio_api/call/chat", content=b"x" * 900).status_code == 200
    refused = client.post("/gradio_api/call/chat", content=b"x" * 10_000)
    assert refused.status_code == 413 and "Send less text" in refused.text
    assert client.post("/gradio_api/upload", content=b"x" * 10_000).status_code == 200  # Gradio's own limit
    assert parsed == [900, 10_000]  # the oversized call never reached the app

    def chunks() -> Iterator[bytes]:
        yield from [b"x" * 600] * 3  # no Content-Length: counted as it arrives

    with pytest.raises(Exception):  # noqa: B017 - the app sees a disconnect, never the whole body
        client.post("/gradio_api/call/chat", content=chunks())
    assert parsed == [900, 10_000]


def test_wrong_passwords_long_past_are_forgotten() -> None:
    """Someone who once hammered a user's sign-in does not keep them waiting for ever: after an hour
    with no wrong password (and the lockout over), the user starts again with their free attempts."""
    from advisor.web.throttle import LoginThrottle

    now = [1000.0]
    throttle = LoginThrottle(free_failures=5, base_delay_s=2.0, max_delay_s=900.0, clock=lambda: now[0])
    for _ in range(8):
        throttle.failed(["user:carol"])
    assert throttle.wait_s(["user:carol"]) > 0  # locked out now
    now[0] += 3 * 3600
    assert throttle.wait_s(["user:carol"]) == 0
    throttle.failed(["user:carol"])  # one typo three hours later ...
    assert throttle.wait_s(["user:carol"]) == 0  # ... is one of five free ones again
    for _ in range(4):
        throttle.failed(["user:carol"])
    assert throttle.wait_s(["user:carol"]) > 0  # and a new run of failures still locks
