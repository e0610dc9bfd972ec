#!/usr/bin/python3
# End-to-end: the Progress page of the real hepatica binary over a review
# log written by hepatica-cli (scripts/sample-review-log.py), read through
# AT-SPI. Alt+3 shows it; every plot is an image named by its title and
# described by its numbers in words; the mistakes list names a case only as
# unknown-case mode does (`hepatica-cli cases show --unknown`). TAP output;
# needs a display and a session bus (./test provides both).
#
# Usage: test-e2e-progress.py PATH/TO/hepatica PATH/TO/hepatica-cli

import json
import os
import subprocess
import sys
import time

import gi
gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

from hep_e2e import App, find, finish, tap, wait_for, walk  # noqa: E402

PLAN = 6
ALT = 64
PLOTS = ["Accuracy over time", "Reviews due", "Accuracy by diagnosis", "Accuracy by LI-RADS category",
         "Confusion of diagnoses", "Calibration", "True retention", "Perception errors by feature"]
SAMPLE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts", "sample-review-log.py")


def cli(binary, *args):
    out = subprocess.run([binary, *args], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def texts(node):
    out = []
    for n in walk(node):
        try:
            if n.getRoleName() == "label" and n.name:
                out.append(n.name)
        except Exception:
            continue
    return out


def main():
    binary, hepatica_cli = sys.argv[1], sys.argv[2]
    print(f"1..{PLAN}")
    app = App(binary, "--page=explore")
    # the log goes into the app's data folder before it reads it (the page
    # reads it when shown)
    db = os.path.join(app.home, "hepatica", "user.db")
    os.makedirs(os.path.dirname(db), exist_ok=True)
    try:
        subprocess.run([sys.executable, SAMPLE, hepatica_cli, db], check=True)
        acc = app.accessible()
        wait_for(lambda: find(acc, role="frame"), "the window")
        time.sleep(0.5)

        Atspi.generate_keyboard_event(ALT, None, Atspi.KeySynthType.PRESS)
        Atspi.generate_keyboard_event(0x33, None, Atspi.KeySynthType.SYM)
        Atspi.generate_keyboard_event(ALT, None, Atspi.KeySynthType.RELEASE)
        try:
            wait_for(lambda: find(acc, role="image", name=PLOTS[0]), "the plots")
            tap(True, "Alt+3 shows the Progress page")
        except TimeoutError as e:
            tap(False, "Alt+3 shows the Progress page", str(e))

        missing, undescribed = [], []
        for title in PLOTS:
            node = find(acc, role="image", name=title)
            if node is None:
                missing.append(title)
            elif not node.description.startswith(title + "\n") or len(node.description) <= len(title) + 1:
                undescribed.append(f"{title}: {node.description!r}")
        tap(not missing, "every plot is an image named by its title", ", ".join(missing))
        tap(not undescribed, "every plot is described in words", "\n".join(undescribed))

        stats = cli(hepatica_cli, "quiz", "stats", "--json", "--db=" + db)
        headline = find(acc, name=f"{stats['answers']} answers")
        tap(headline is not None, "the headline counts the answers quiz stats counts",
            f"quiz stats: {stats['answers']}")

        switch = find(acc, role="toggle button", name="Mistakes") or find(acc, name="Mistakes")
        switch.get_action_iface().do_action(0)
        mistakes = cli(hepatica_cli, "quiz", "mistakes", "--json", "--db=" + db)
        try:
            listing = wait_for(lambda: find(acc, role="list", name="Mistakes"), "the mistakes list")
            shown = wait_for(lambda: texts(listing) if len(texts(listing)) >= len(mistakes) else None,
                             "the mistakes' rows")
            tap(True, "the mistakes are listed")
        except TimeoutError as e:
            listing, shown = None, []
            tap(False, "the mistakes are listed", str(e))

        wrong = []
        for m in mistakes:
            case = cli(hepatica_cli, "cases", "show", "--json", m["case"])
            unknown = cli(hepatica_cli, "cases", "show", "--json", "--unknown", m["case"])
            # the mode shows another title ("Unknown case: …") when it hides the case's
            hidden = unknown.get("title") != case["title"]
            title_shown = any(case["title"] in t for t in shown)
            if hidden and title_shown:
                wrong.append(f"{m['case']}: its title gives it away but is shown")
            elif not hidden and not title_shown:
                wrong.append(f"{m['case']}: its title is not shown")
        tap(not wrong and shown, "each case is named as unknown-case mode allows", "\n".join(wrong))
    finally:
        app.close()
    return finish(PLAN)


if __name__ == "__main__":
    sys.exit(main())
