"""The web page of `ragtune serve` in headless Chromium, driven over the DevTools protocol
(a pipe, no extra packages): the page loads, a question gets a streamed answer with sources
and steps, clicking a source opens its chunk; the screenshot is kept as a test artefact."""

import base64
import json
import os
import shutil
import subprocess
import tempfile
import time
import urllib.parse

import pytest
from conftest import served_project

DOCS = [
    {"id": "handbook/launch", "title": "Zorblax launch",
     "text": "The Zorblax project launch code is AMBER-4471. The operations team set it in March."},
    {"id": "handbook/parking", "title": "Parking",
     "text": "Visitors park in garage B on level 2 and register at the front desk."},
]  # fmt: skip
QUESTION = "What is the Zorblax project launch code?"


class Chromium:
    """Headless Chromium over the DevTools protocol on a pipe (`--remote-debugging-pipe`):
    NUL-separated JSON messages on fd 3 (to the browser) and fd 4 (from it)."""

    def __init__(self, exe: str):
        to_read, self._to = os.pipe()
        self._from, from_write = os.pipe()

        def child() -> None:  # the browser expects the pipe ends exactly on fds 3 and 4
            a, b = os.dup(to_read), os.dup(from_write)
            os.dup2(a, 3)
            os.dup2(b, 4)

        self.profile = tempfile.mkdtemp(prefix="ragtune-chromium-")
        flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 f"--user-data-dir={self.profile}", "--remote-debugging-pipe"]  # fmt: skip
        self.proc = subprocess.Popen([exe, *flags, "about:blank"], preexec_fn=child, close_fds=False,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        os.close(to_read)
        os.close(from_write)
        self._buf, self._id, self.session = b"", 0, None

    def send(self, method: str, params: dict | None = None, browser: bool = False) -> dict:
        self._id += 1
        msg = {"id": self._id, "method": method, "params": params or {}}
        if self.session and not browser:
            msg["sessionId"] = self.session
        os.write(self._to, json.dumps(msg).encode() + b"\0")
        while True:  # events in between are not needed here
            reply = self._read()
            if reply.get("id") == self._id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply["result"]

    def _read(self) -> dict:
        while b"\0" not in self._buf:
            chunk = os.read(self._from, 1 << 16)
            if not chunk:
                raise RuntimeError("chromium closed the DevTools pipe")
            self._buf += chunk
        raw, self._buf = self._buf.split(b"\0", 1)
        return json.loads(raw)

    def open(self, url: str) -> None:
        target = self.send("Target.createTarget", {"url": "about:blank"}, browser=True)["targetId"]
        self.session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True},
                                 browser=True)["sessionId"]  # fmt: skip
        self.send("Emulation.setDeviceMetricsOverride",
                  {"width": 1200, "height": 1000, "deviceScaleFactor": 1, "mobile": False})  # fmt: skip
        self.send("Page.navigate", {"url": url})

    def js(self, expression: str):  # noqa: ANN201
        r = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        return r["result"].get("value")

    def wait_for(self, expression: str, what: str, seconds: float = 240):  # noqa: ANN201
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            value = self.js(expression)
            if value:
                return value
            time.sleep(0.2)
        status = self.js("document.getElementById('status') && document.getElementById('status').textContent")
        raise AssertionError(f"the page never showed {what}; its status line: {status!r}")

    def click(self, selector: str) -> None:
        """A real mouse click in the middle of the element."""
        box = self.js(f"(() => {{ const r = document.querySelector({json.dumps(selector)})"
                      ".getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()")
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent",
                      {"type": kind, "x": box[0], "y": box[1], "button": "left", "clickCount": 1})  # fmt: skip

    def screenshot(self, path) -> None:  # noqa: ANN001
        data = self.send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})["data"]
        path.write_bytes(base64.b64decode(data))

    def close(self) -> None:
        try:
            self.send("Browser.close", browser=True)
        except (RuntimeError, OSError):
            pass
        try:
            self.proc.wait(20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(10)
        os.close(self._to)
        os.close(self._from)
        shutil.rmtree(self.profile, ignore_errors=True)


@pytest.fixture(scope="module")
def page_server(torch_pool, torch_settings, tmp_path_factory):
    with served_project(tmp_path_factory.mktemp("page"), torch_settings, {"web": ["handbook"]}, {"web": DOCS}) as s:
        yield s.base, s.keys["web"]


def test_page_streams_an_answer_with_sources_and_steps(page_server, chromium, tmp_path_factory):
    base, key = page_server
    # the page asks the question in `q` on load; the key travels in the fragment (never sent)
    url = f"{base}/?q={urllib.parse.quote(QUESTION)}&strategy=rag#key={key}"
    browser = Chromium(chromium)
    try:
        browser.open(url)
        state = browser.wait_for("['done', 'error'].includes(document.body.dataset.state) && "
                                 "document.body.dataset.state", "a finished answer")  # fmt: skip
        status = browser.js("document.getElementById('status').textContent")
        assert state == "done", status
        answer = browser.js("document.getElementById('answer').textContent")
        assert "AMBER-4471" in answer
        sources = browser.js("[...document.querySelectorAll('#sources li.source')].map(li => li.textContent)")
        assert sources and sources[0].startswith("handbook/launch") and "cited" in sources[0]
        steps = browser.js("[...document.querySelectorAll('#steps .kind')].map(e => e.textContent)")
        assert steps == ["retrieve", "select", "generate"]
        assert "key=" not in browser.js("location.href")  # the key was taken out of the address

        browser.click("#sources a[data-chunk]")
        chunk = browser.wait_for("!document.getElementById('chunk').hidden && "
                                 "document.getElementById('chunk').textContent.includes('operations team') && "
                                 "document.getElementById('chunk').textContent", "the opened chunk")  # fmt: skip
        assert chunk.startswith("Zorblax launch") and "AMBER-4471" in chunk

        shot = tmp_path_factory.mktemp("artefacts") / "serve_page.png"
        browser.screenshot(shot)
        print(f"screenshot of the page: {shot}")
        assert shot.stat().st_size > 10_000
    finally:
        browser.close()
