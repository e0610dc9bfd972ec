#!/usr/bin/python3
# End-to-end, presenter mode: start `hepatica --present=CASE`, step through
# the case by key presses synthesized through AT-SPI (as a clicker would),
# and check at each step that nothing in the audience view's accessibility
# tree (names, descriptions, text, the window title) gives the answer away
# until the reveal, and that the reveal shows it. What gives a case away
# comes from `hepatica-cli cases show --json`, not from the app.
#
# Usage: test-e2e-present.py PATH/TO/hepatica PATH/TO/hepatica-cli

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

import gi
gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402
import pyatspi  # noqa: E402

TIMEOUT = 20.0
CASE = "fnh-classic-young-woman"   # a hidden title and hidden HBP findings
RIGHT, ESCAPE = 0xff53, 0xff1b
PLAN = 5
results = []


def tap(ok, name, detail=""):
    results.append(ok)
    print(f"{'ok' if ok else 'not ok'} {len(results)} - {name}")
    if detail and not ok:
        for line in detail.splitlines():
            print(f"# {line}")
    sys.stdout.flush()


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


def audience(app):
    """The audience window: its title ends in "presenting"."""
    for i in range(app.childCount):
        try:
            window = app.getChildAtIndex(i)
            if window is not None and window.name and window.name.endswith("presenting"):
                return window
        except Exception:
            continue
    return None


def texts(root):
    out = []
    for node in walk(root):
        try:
            out += [node.name or "", node.description or ""]
            try:
                t = node.queryText()
                if t.characterCount:
                    out.append(t.getText(0, -1))
            except NotImplementedError:
                pass
        except Exception:
            continue
    return "\n".join(out)


def showing(root):
    """The audience window's title and tree. (GTK 4.8 does not mark the
    step's labels "showing"; the black and white pages hold no text.)"""
    return (root.name or "") + "\n" + texts(root)


def press(sym):
    Atspi.generate_keyboard_event(sym, None, Atspi.KeySynthType.SYM)
    time.sleep(0.2)


def answers(case):
    hidden = set(case["hidden"])
    shown = {t for p, t in (case.get("findings") or {}).items() if t and "findings-" + p not in hidden}
    out = list(case.get("teaching_points") or []) + list(case.get("pitfalls") or [])
    if case.get("outcome"):
        out.append(case["outcome"])
    if "title" in hidden:
        out.append(case["title"])
    for phase, text in (case.get("findings") or {}).items():
        if text and "findings-" + phase in hidden and text not in shown:
            out.append(text)
    return out


def names_diagnosis(text, case):
    for name in case.get("diagnosis_names") or []:
        pattern = re.escape(name.rstrip("*"))
        if re.search(r"(?<![0-9a-z])" + pattern, text, re.I):
            return name
    return None


def main():
    binary, cli = sys.argv[1], sys.argv[2]
    env = dict(os.environ)
    env.pop("GTK_A11Y", None)
    env.setdefault("GSETTINGS_BACKEND", "memory")
    env["GDK_DEBUG"] = "gl-disable"
    home = tempfile.mkdtemp(prefix="hepatica-e2e-present-")
    env["XDG_DATA_HOME"] = home
    case = json.loads(subprocess.run([cli, "cases", "show", CASE, "--json"], env=env, check=True,
                                     capture_output=True, text=True).stdout)
    secrets = answers(case)
    proc = subprocess.Popen([binary, f"--present={CASE}"], env=env)
    print(f"1..{PLAN}")
    try:
        app = wait_for(lambda: find_app(proc.pid) or (proc.poll() is not None and
                                                      sys.exit(f"hepatica exited with {proc.returncode}")),
                       "the app on the accessibility bus", timeout=60)
        view = wait_for(lambda: audience(app), "the audience window")
        tap(True, "hepatica --present opens the audience view")
        time.sleep(1)

        leaks = []
        steps = 0
        revealed = False
        for _ in range(20):
            seen = showing(view)
            if "The answer" in seen:
                revealed = True
                break
            steps += 1
            for s in secrets:
                if s in seen:
                    leaks.append(f"step {steps}: {s[:60]!r}")
            named = names_diagnosis(seen, case)
            if named:
                leaks.append(f"step {steps}: names {named!r}")
            before = seen
            press(RIGHT)
            try:
                wait_for(lambda: showing(view) != before, "the next step", timeout=5)
            except TimeoutError:
                leaks.append(f"step {steps}: the next key changed nothing")
                break
        tap(steps >= 5, f"the case takes several steps before the reveal ({steps})")
        tap(not leaks, "nothing on the audience view gives the answer away before the reveal", "\n".join(leaks))

        # a long reveal has more pages: "The answer (1 of 2)", next, …
        seen = showing(view)
        while re.search(r"The answer \((\d+) of \1\)", seen) is None and "The answer (" in seen:
            before = seen
            press(RIGHT)
            wait_for(lambda: showing(view) != before, "the reveal's next page", timeout=5)
            seen += showing(view)
        missing = [s[:60] for s in secrets if s not in seen]
        tap(revealed and not missing and names_diagnosis(seen, case) is not None,
            "the reveal shows the diagnosis and every answer", "missing: " + "; ".join(missing))

        press(ESCAPE)
        gone = wait_for(lambda: audience(app) is None or proc.poll() is not None, "the audience view to close")
        tap(bool(gone), "Escape leaves presenter mode")
    except Exception as e:  # report, do not hang
        tap(False, "end-to-end run", repr(e))
    finally:
        proc.terminate()
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(home, ignore_errors=True)
    while len(results) < PLAN:
        tap(False, "not reached")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
