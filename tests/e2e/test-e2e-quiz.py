#!/usr/bin/python3
# End-to-end: a three-question tutor quiz by keyboard. Starts the real
# hepatica binary, goes to the quiz page with Alt+2, asks for three
# questions and starts, then answers each by keys (1 picks the first
# option, S says sure, Enter checks and goes on) and reads the feedback
# and the score through AT-SPI. While a question is open nothing in the
# accessibility tree may hold a case's teaching points, pitfalls or
# outcome (the answer text of the library, from `hepatica-cli cases show`),
# which the feedback then shows; at the end the review log holds the three
# answers (`hepatica-cli quiz history`) and the statistics count them. TAP output; needs a display and a session bus (./test
# provides both).
#
# Usage: test-e2e-quiz.py PATH/TO/hepatica PATH/TO/hepatica-cli

import csv
import io
import json
import os
import re
import subprocess
import sys
import time

import gi
gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

from hep_e2e import App, find, finish, tap, wait_for, walk  # noqa: E402

N = 3
PLAN = 3 + 2 * N

ALT = 64   # X keycode of the left Alt key
RETURN = 0xff0d


def press(sym, mods=()):
    for m in mods:
        Atspi.generate_keyboard_event(m, None, Atspi.KeySynthType.PRESS)
    Atspi.generate_keyboard_event(sym, None, Atspi.KeySynthType.SYM)
    for m in reversed(mods):
        Atspi.generate_keyboard_event(m, None, Atspi.KeySynthType.RELEASE)
    time.sleep(0.15)


def texts(app):
    out = set()
    for node in walk(app):
        try:
            for text in (node.name, node.description):
                if text:
                    out.add(text)
            try:
                t = node.queryText()
                if t.characterCount:
                    out.add(t.getText(0, -1))
            except NotImplementedError:
                pass
        except Exception:
            continue
    return out


def cli(binary, env, *args):
    return subprocess.run([binary, *args], env=env, check=True, capture_output=True, text=True).stdout


def answer_texts(binary, env):
    """What only the reveal may show, for every case of the library."""
    out = set()
    for c in json.loads(cli(binary, env, "cases", "list", "--json")):
        case = json.loads(cli(binary, env, "cases", "show", c["id"], "--json"))
        for key in ("teaching_points", "pitfalls", "references"):
            out.update(t for t in case.get(key) or [] if len(t) > 12)
        if case.get("outcome"):
            out.add(case["outcome"])
    return out


def main():
    binary, cli_binary = sys.argv[1], sys.argv[2]
    hepatica = App(binary)
    env = hepatica.env
    db = os.path.join(hepatica.home, "hepatica", "user.db")
    print(f"1..{PLAN}")
    try:
        forbidden = answer_texts(cli_binary, env)
        app = hepatica.accessible()
        wait_for(lambda: find(app, role="frame"), "the window")
        time.sleep(1)

        # Alt+2: the quiz page; three questions, tutor (the default), start
        press(ord("2"), (ALT,))
        start = wait_for(lambda: find(app, role="push button", name="Start Quiz"), "Start Quiz")
        count = wait_for(lambda: find(app, role="spin button", name="Number of Questions"), "the number of questions")
        count.queryValue().currentValue = N
        wait_for(lambda: count.queryValue().currentValue == N or None, "three questions")
        start.queryAction().doAction(0)
        first = wait_for(lambda: find(app, role="label", name=f"Question 1 of {N}"), "the first question")
        tap(bool(first), "Alt+2, three questions, Start Quiz: the first question")

        for i in range(1, N + 1):
            wait_for(lambda: find(app, role="label", name=f"Question {i} of {N}"), f"question {i}")
            time.sleep(0.5)   # the page transition
            seen = texts(app)
            leaks = [f"{t[:60]!r} in {s[:80]!r}" for s in seen for t in forbidden if t in s]
            tap(not leaks, f"question {i}: no answer text in the accessibility tree", "\n".join(leaks[:10]))
            press(ord("1"))
            press(ord("s"))
            press(RETURN)
            verdict = wait_for(lambda: next((n for n in walk(app)
                                             if n.name in ("Right", "Wrong", "Wrong: time ran out")
                                             and n.getRoleName() == "label"), None), f"the feedback of question {i}")
            shown = texts(app)
            explained = any("The right answer:" in t for t in shown)
            # the same search finds the answer text once it is revealed
            revealed = any(t in s for s in shown for t in forbidden)
            tap(bool(verdict) and explained and revealed,
                f"question {i}: Enter checks, the feedback says {verdict.name} and why",
                f"explained {explained}, teaching text shown {revealed}")
            press(RETURN)

        score = wait_for(lambda: next((n for n in walk(app)
                                       if re.fullmatch(rf"\d of {N} questions right", n.name or "")), None),
                         "the score")
        tap(bool(score), f"the score: {score.name}")

        rows = list(csv.DictReader(io.StringIO(cli(cli_binary, env, "quiz", "history", "--csv", f"--db={db}"))))
        modes = [r.get("mode") for r in rows]
        stats = json.loads(cli(cli_binary, env, "quiz", "stats", "--json", f"--db={db}"))
        tap(len(rows) == N and set(modes) == {"tutor"} and stats["answers"] == N,
            f"the review log holds the {N} answers, and the statistics count them",
            f"rows: {rows}\nstats: {stats.get('answers')}")
    except Exception as e:  # report, do not hang
        tap(False, "end-to-end run", repr(e))
    finally:
        hepatica.close()
    return finish(PLAN)


if __name__ == "__main__":
    sys.exit(main())
