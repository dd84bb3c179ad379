"""Real browsers for the page tests and bench/viz.py: Debian's Chromium and Firefox ESR.

Chromium is driven by Playwright (``launch(executable_path=...)``; Playwright's own browser
download is not possible here). Playwright cannot drive a stock Firefox (it needs its patched
build), and Selenium needs geckodriver, which Debian does not package; so Firefox is driven
over Marionette, the automation protocol built into every Firefox, with Mozilla's own client
(``marionette_driver``): no driver binary, no download. The page's console comes from the
WebDriver BiDi log of the same session, over a WebSocket (websocket-client).

Plain helpers, imported by tests and by bench/viz.py (which puts this folder on sys.path).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    # Without these two the browser keeps reaching for the (closed) network.
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
"""Flags for Debian's Chromium, headless, as root, offline (see the field notes)."""

FIREFOX_PREFS: dict[str, Any] = {
    # Listen on a free port and write it to MarionetteActivePort in the profile: no clashes
    # between test runs on one machine.
    "marionette.port": 0,
    # A quiet start: no default-browser check, no studies fetched from the (closed) network.
    "browser.shell.checkDefaultBrowser": False,
    "app.normandy.enabled": False,
    "datareporting.policy.dataSubmissionEnabled": False,
}


def chromium_path() -> str | None:
    """Debian's Chromium, or None when it is not installed."""
    for candidate in (shutil.which("chromium"), "/usr/bin/chromium"):
        if candidate and Path(candidate).exists():
            return candidate
    return None


@contextlib.contextmanager
def chromium(executable: str | None = None) -> Iterator[Any]:
    """Debian's Chromium, headless under Playwright with `CHROMIUM_ARGS`: a Playwright
    ``Browser``, closed (with its Playwright driver) when the block ends."""
    from playwright.sync_api import sync_playwright

    executable = executable or chromium_path()
    if executable is None:
        raise FileNotFoundError("Chromium is not installed (apt-get install chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def firefox_path() -> str | None:
    """Debian's Firefox ESR (or a `firefox` on PATH), or None when there is none."""
    for candidate in (shutil.which("firefox-esr"), shutil.which("firefox")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


class BidiLog:
    """The ``log.entryAdded`` events of a WebDriver BiDi session, read on a thread.

    They are what a page writes with ``console.*`` and its uncaught script errors, the same
    record Playwright's ``console`` and ``pageerror`` events give for Chromium.
    """

    def __init__(self, url: str) -> None:
        import websocket  # websocket-client

        # Firefox refuses a handshake that carries an Origin header.
        self._ws = websocket.create_connection(url, suppress_origin=True, timeout=30)
        self._ws.send(
            json.dumps(
                {"id": 1, "method": "session.subscribe", "params": {"events": ["log.entryAdded"]}}
            )
        )
        reply = json.loads(self._ws.recv())
        if reply.get("type") != "success":
            raise RuntimeError(f"BiDi session.subscribe failed: {reply}")
        self._ws.settimeout(None)
        self.entries: list[dict] = []
        self._thread = threading.Thread(target=self._read, name="bidi-log", daemon=True)
        self._thread.start()

    def _read(self) -> None:
        while True:
            try:
                message = json.loads(self._ws.recv())
            except Exception:  # noqa: BLE001 - the socket closed: recv raises or returns ""
                return
            if message.get("method") == "log.entryAdded":
                self.entries.append(message["params"])

    def texts(self) -> list[str]:
        return [str(entry.get("text")) for entry in list(self.entries)]

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self._ws.close()
        self._thread.join(timeout=5)


class FirefoxSession:
    """A Marionette session on a headless Firefox started by `firefox`, with its BiDi log."""

    def __init__(self, client, log: BidiLog, pid: int) -> None:
        self.client = client  # marionette_driver.marionette.Marionette
        self.log = log
        self.pid = pid
        self._flushes = 0
        self._seen = 0  # log entries already returned by `errors`

    def run(self, script: str, *args: Any) -> Any:
        """Run `script` (a function body: use ``return``) in the page; `args` as ``arguments``.

        ``sandbox=None`` runs it in the page's own realm: the page's globals (``kgNetwork``)
        are hidden from Marionette's default sandbox.
        """
        return self.client.execute_script(script, script_args=list(args), sandbox=None)

    def wait_for(self, expression: str, timeout: float = 60.0) -> None:
        """Poll the page until the JavaScript `expression` is true."""
        deadline = time.monotonic() + timeout
        while not self.run(f"return Boolean({expression});"):
            if time.monotonic() > deadline:
                raise TimeoutError(f"{expression} still false after {timeout:.0f} s")
            time.sleep(0.1)

    def click(self, x: float, y: float) -> None:
        """A real mouse click at viewport coordinates (CSS pixels)."""
        pointer = self.client.actions.sequence("pointer", "mouse", {"pointerType": "mouse"})
        pointer.pointer_move(round(x), round(y)).pointer_down().pause(50).pointer_up().perform()

    def errors(self) -> list[str]:
        """Script errors and console.error calls of the pages since the previous call.

        The page first logs a marker, and the call waits for it: log entries of one page
        arrive in order, so every earlier entry is in by then.
        """
        self._flushes += 1
        marker = f"kg-log-flush-{self._flushes}"
        self.run("console.info(arguments[0]);", marker)
        deadline = time.monotonic() + 10
        while marker not in self.log.texts():
            if time.monotonic() > deadline:
                raise TimeoutError("the BiDi log did not deliver the flush marker")
            time.sleep(0.02)
        entries = list(self.log.entries)
        new, self._seen = entries[self._seen :], len(entries)
        return [f"{e.get('type')}: {e.get('text')}" for e in new if e.get("level") == "error"]

    def screenshot(self, path: Path) -> Path:
        """The viewport as a PNG file."""
        path.write_bytes(self.client.screenshot(format="binary", full=False))
        return path


@contextlib.contextmanager
def firefox(
    executable: str, width: int = 1400, height: int = 860, timeout: float = 60.0
) -> Iterator[FirefoxSession]:
    """Start a headless Firefox on a fresh temporary profile and yield a session on it.

    Marionette drives it; the session also asks for WebDriver BiDi (``webSocketUrl``) to read
    the page's console. The browser runs in its own process group: on exit the group is
    terminated (killed if it lingers) and the profile removed, so no Firefox outlives the block.
    """
    from marionette_driver.marionette import Marionette

    with tempfile.TemporaryDirectory(prefix="kg-firefox-") as tmp:
        profile = Path(tmp)
        (profile / "user.js").write_text(
            "".join(f"user_pref({_js(k)}, {_js(v)});\n" for k, v in FIREFOX_PREFS.items())
        )
        output = profile / "firefox.log"
        with output.open("wb") as sink:
            proc = subprocess.Popen(
                [executable, "--headless", "--no-remote", "--marionette",
                 "--remote-debugging-port", "0", "--profile", str(profile)],
                stdin=subprocess.DEVNULL, stdout=sink, stderr=subprocess.STDOUT,
                start_new_session=True,
            )  # fmt: skip
        log = None
        try:
            port = _marionette_port(profile, proc, output, timeout)
            client = Marionette(host="127.0.0.1", port=port, startup_timeout=int(timeout))
            client.start_session(capabilities={"webSocketUrl": True})
            log = BidiLog(client.session_capabilities["webSocketUrl"])
            client.set_window_rect(width=width, height=height)
            yield FirefoxSession(client, log, proc.pid)
            with contextlib.suppress(Exception):
                client.delete_session()
        finally:
            if log is not None:
                log.close()
            _stop_group(proc)


def _js(value: Any) -> str:
    """A Python pref value as a JavaScript literal for user.js."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def _marionette_port(profile: Path, proc: subprocess.Popen, output: Path, timeout: float) -> int:
    """The port Firefox wrote to its profile once Marionette listens."""
    port_file = profile / "MarionetteActivePort"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            tail = output.read_text(errors="replace")[-2000:]
            raise RuntimeError(f"Firefox exited with {proc.returncode} at start:\n{tail}")
        text = port_file.read_text().strip() if port_file.exists() else ""
        if text.isdigit():
            return int(text)
        time.sleep(0.05)
    raise TimeoutError(f"Marionette did not start within {timeout:.0f} s")


def _stop_group(proc: subprocess.Popen) -> None:
    """Terminate Firefox, then kill whatever is left of its process group."""
    if proc.poll() is None:
        proc.terminate()  # SIGTERM: Firefox shuts down cleanly
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)  # content processes, crash helper


def group_alive(pgid: int) -> list[int]:
    """Running (not zombie) processes of process group `pgid`, from /proc (Linux)."""
    alive = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[2]) == pgid and fields[0] != "Z":
                alive.append(int(stat.parent.name))
    return alive
