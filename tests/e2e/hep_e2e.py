# hep_e2e.py: what the end-to-end tests share. They start the real hepatica
# binary and read it through AT-SPI by accessible role and name, as
# assistive technology (or a person) would, and print TAP.

import os
import shutil
import subprocess
import sys
import tempfile
import time

import pyatspi

TIMEOUT = 20.0
results = []


def tap(ok, name, detail=""):
    results.append(ok)
    print(f"{'ok' if ok else 'not ok'} {len(results)} - {name}")
    if detail and not ok:
        for line in detail.splitlines():
            print(f"# {line}")
    sys.stdout.flush()


def finish(plan):
    """Fails what was not reached; the exit status of the test."""
    while len(results) < plan:
        tap(False, "not reached")
    return 0 if all(results) else 1


def walk(node, depth=0):
    if node is None or depth > 60:
        return
    yield node
    try:
        count = node.childCount
    except Exception:
        return
    for i in range(count):
        try:
            child = node.getChildAtIndex(i)
        except Exception:
            continue
        yield from walk(child, depth + 1)


def wait_for(predicate, what, timeout=TIMEOUT):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = predicate()
        if found:
            return found
        time.sleep(0.05)
    raise TimeoutError(f"timed out waiting for {what}")


def find_app(pid):
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        app = desktop.getChildAtIndex(i)
        try:
            if app is not None and app.get_process_id() == pid:
                return app
        except Exception:
            continue
    return None


def find(app, role=None, name=None):
    for node in walk(app):
        try:
            if name is not None and node.name != name:
                continue
            if role is not None and node.getRoleName() != role:
                continue
            return node
        except Exception:
            continue
    return None


def category(app):
    """The LI-RADS category shown: its badge's accessible name is the category."""
    for cat in ("LR-1", "LR-2", "LR-3", "LR-4", "LR-5", "LR-M", "LR-TIV", "LR-NC", "NA"):
        if find(app, role="label", name=cat) is not None:
            return cat
    return None


class App:
    """hepatica with ARGS, its own data folder and in-memory settings; the
    accessible application once it is on the bus."""

    def __init__(self, binary, *args):
        self.env = dict(os.environ)
        self.env.pop("GTK_A11Y", None)
        self.env.setdefault("GSETTINGS_BACKEND", "memory")
        self.env["GDK_DEBUG"] = "gl-disable"
        self.home = tempfile.mkdtemp(prefix="hepatica-e2e-")
        self.env["XDG_DATA_HOME"] = self.home    # the user's case database goes here
        self.proc = subprocess.Popen([binary, *args], env=self.env)

    def accessible(self, timeout=60):
        # a loaded machine can take a while to bring the accessibility bus up;
        # a second hepatica on the same bus hands its work to the first and exits
        return wait_for(lambda: find_app(self.proc.pid) or
                        (self.proc.poll() is not None and
                         sys.exit(f"hepatica exited with {self.proc.returncode}")),
                        "the app on the accessibility bus", timeout=timeout)

    def close(self):
        self.proc.terminate()
        try:
            self.proc.wait(5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        shutil.rmtree(self.home, ignore_errors=True)
