#!/usr/bin/python3
# End-to-end, the Decks page by keyboard: a deck made with hepatica-cli,
# the app opened on its page (--page=decks), a case of the deck focused
# through AT-SPI and moved with Alt+Down and Alt+Up and taken out with
# Delete, key presses synthesized as a keyboard user's; the order is read
# back from the database with `hepatica-cli deck show --json`, not from the
# app. Then F5 presents the deck and Escape comes back.
#
# Usage: test-e2e-decks.py PATH/TO/hepatica PATH/TO/hepatica-cli

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

import gi
gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

from hep_e2e import find, find_app, finish, tap, wait_for, walk  # noqa: E402

PLAN = 6
ALT = 64   # X keycode of Alt_L: modifiers are held by keycode
UP, DOWN, DELETE, F5, ESCAPE = 0xff52, 0xff54, 0xffff, 0xffc2, 0xff1b
CASES = ["fnh-classic-young-woman", "hcc-classic-cirrhosis", "abscess-amoebic-traveller"]


def press(sym, mods=()):
    for m in mods:
        Atspi.generate_keyboard_event(m, None, Atspi.KeySynthType.PRESS)
    Atspi.generate_keyboard_event(sym, None, Atspi.KeySynthType.SYM)
    for m in reversed(mods):
        Atspi.generate_keyboard_event(m, None, Atspi.KeySynthType.RELEASE)
    time.sleep(0.2)


def main():
    cli = sys.argv[2]
    env = dict(os.environ)
    env.pop("GTK_A11Y", None)
    env.setdefault("GSETTINGS_BACKEND", "memory")
    env["GDK_DEBUG"] = "gl-disable"
    home = tempfile.mkdtemp(prefix="hepatica-e2e-decks-")
    env["XDG_DATA_HOME"] = home

    def run(*args):
        return subprocess.run([cli, *args], env=env, check=True, capture_output=True, text=True).stdout

    def order():
        return json.loads(run("deck", "show", "rounds", "--json"))["cases"]

    print(f"1..{PLAN}")
    proc = None
    try:
        run("deck", "new", "Rounds")
        run("deck", "add", "rounds", *CASES)
        ids = lambda: [c["id"] if isinstance(c, dict) else c for c in order()]  # noqa: E731
        titles = {c: json.loads(run("cases", "show", c, "--json"))["title"] for c in CASES}

        proc = subprocess.Popen([sys.argv[1], "--page=decks"], env=env)
        app = wait_for(lambda: find_app(proc.pid) or
                       (proc.poll() is not None and sys.exit(f"hepatica exited with {proc.returncode}")),
                       "the app on the accessibility bus", timeout=60)
        wait_for(lambda: find(app, name=f"1. {titles[CASES[0]]}"), "the deck's first case")
        tap(True, "--page=decks shows the deck's cases in order")
        time.sleep(1)
        # a click on the first case selects and focuses it
        first = find(app, name=f"1. {titles[CASES[0]]}")
        box = first.queryComponent().getExtents(Atspi.CoordType.SCREEN)
        Atspi.generate_mouse_event(box.x + box.width // 2, box.y + box.height // 2, "b1c")
        time.sleep(0.5)

        press(DOWN, (ALT,))
        moved = wait_for(lambda: ids()[:2] == [CASES[1], CASES[0]] or None, "the move", timeout=5)
        tap(bool(moved), "Alt+Down moves the focused case down, in the database", repr(ids()))
        press(UP, (ALT,))
        back = wait_for(lambda: ids() == CASES or None, "the move back", timeout=5)
        tap(bool(back), "Alt+Up moves it back", repr(ids()))
        press(DELETE)
        gone = wait_for(lambda: ids() == CASES[1:] or None, "the removal", timeout=5)
        tap(bool(gone), "Delete takes it out of the deck", repr(ids()))

        def presenting():
            for i in range(app.childCount):
                try:
                    w = app.getChildAtIndex(i)
                    if w is not None and w.name and w.name.endswith("presenting"):
                        return w
                except Exception:
                    continue
            return None

        press(F5)
        view = wait_for(presenting, "the audience view", timeout=10)
        tap(view is not None, "F5 presents the deck")
        press(ESCAPE)
        wait_for(lambda: presenting() is None or None, "the audience view to close", timeout=10)
        tap(proc.poll() is None and find(app, name="Rounds") is not None, "Escape comes back to the window")
    except Exception as e:  # report, do not hang
        tap(False, "end-to-end run", repr(e))
    finally:
        if proc is not None:
            proc.terminate()
            try:
                proc.wait(5)
            except subprocess.TimeoutExpired:
                proc.kill()
        shutil.rmtree(home, ignore_errors=True)
    return finish(PLAN)


if __name__ == "__main__":
    sys.exit(main())
