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
import re
import subprocess
import sys
import time

import gi
gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

from hep_e2e import App, finish, tap, wait_for, walk  # noqa: E402

CASE = "fnh-classic-young-woman"   # a hidden title and hidden HBP findings
RIGHT, ESCAPE = 0xff53, 0xff1b
PLAN = 5


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
    hepatica = App(sys.argv[1], f"--present={CASE}")
    cli = sys.argv[2]
    print(f"1..{PLAN}")
    try:
        case = json.loads(subprocess.run([cli, "cases", "show", CASE, "--json"], env=hepatica.env, check=True,
                                         capture_output=True, text=True).stdout)
        secrets = answers(case)
        app = hepatica.accessible()
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

        # a long reveal has more pages: "The answer (1 of 2)", next, ...
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
        gone = wait_for(lambda: audience(app) is None or hepatica.proc.poll() is not None,
                        "the audience view to close")
        tap(bool(gone), "Escape leaves presenter mode")
    except Exception as e:  # report, do not hang
        tap(False, "end-to-end run", repr(e))
    finally:
        hepatica.close()
    return finish(PLAN)


if __name__ == "__main__":
    sys.exit(main())
