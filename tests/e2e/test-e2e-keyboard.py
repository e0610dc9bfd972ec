#!/usr/bin/python3
# End-to-end, keyboard only: the real hepatica binary driven by key presses
# synthesized through AT-SPI (as a keyboard user would), its state read
# from the accessibility tree. Search, open, toggle, unknown-case mode,
# reveal, reset and undo, F6 between panes. TAP output; needs a display and
# a session bus (./test provides both).
#
# Usage: test-e2e-keyboard.py PATH/TO/hepatica

import sys
import time

import gi
gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402
import pyatspi  # noqa: E402

from hep_e2e import App, category, find, finish, tap, wait_for, walk  # noqa: E402

PLAN = 10

# Modifiers are held by X keycode (KeySynthType is not a set of flags: a
# keysym can only be pressed and released at once); keys are X keysyms.
CONTROL, SHIFT = 37, 50
RETURN, F6, DOWN, TAB = 0xff0d, 0xffc3, 0xff54, 0xff09


def focused(app):
    for node in walk(app):
        try:
            if node.getState().contains(pyatspi.STATE_FOCUSED):
                return node
        except Exception:
            continue
    return None


def ancestors(node):
    out = []
    while node is not None:
        try:
            out.append(node)
            node = node.parent
        except Exception:
            break
    return out


def press(sym, mods=()):
    for m in mods:
        Atspi.generate_keyboard_event(m, None, Atspi.KeySynthType.PRESS)
    Atspi.generate_keyboard_event(sym, None, Atspi.KeySynthType.SYM)
    for m in reversed(mods):
        Atspi.generate_keyboard_event(m, None, Atspi.KeySynthType.RELEASE)
    time.sleep(0.15)


def type_text(text):
    Atspi.generate_keyboard_event(0, text, Atspi.KeySynthType.STRING)
    time.sleep(0.3)


def main():
    hepatica = App(sys.argv[1])
    print(f"1..{PLAN}")
    try:
        app = hepatica.accessible()
        wait_for(lambda: find(app, role="frame"), "the window")
        time.sleep(1)

        # Ctrl+F, type, Return: the best match opens
        title = "Washout nodule that stays bright in the hepatobiliary phase"
        press(ord("f"), (CONTROL,))
        type_text("washout nodule bright")
        press(RETURN)
        opened = wait_for(lambda: sum(1 for n in walk(app) if n.name == title) >= 2 or None, "the case card")
        tap(bool(opened), "Ctrl+F, words, Return opens the best match")
        try:
            got = wait_for(lambda: category(app) == "LR-4" or None, "LR-4")
        except TimeoutError:
            got = None
        tap(got is True, "its category is LR-4",
            "labels: " + ", ".join(sorted({n.name for n in walk(app) if n.getRoleName() == "label" and
                                           n.name and (n.name.startswith("LR") or n.name == "NA")})))

        # F6 goes to the features; Tab to the first control there
        press(F6)
        panel = find(app, name="HCC risk")
        now = wait_for(lambda: focused(app), "a focused widget")
        inside = any(a.name in ("Clinical Context",) for a in ancestors(now))
        tap(inside, "F6 moves the focus to the features", f"focused: {now.getRoleName()} {now.name!r}")

        # unknown-case mode and the reveal, by keys
        press(ord("u"), (CONTROL,))
        hidden = wait_for(lambda: find(app, role="label", name="Unknown Case"), "the hidden title")
        tap(hidden is not None and category(app) is None, "Ctrl+U hides the title and the category")
        press(RETURN, (CONTROL,))
        tap(wait_for(lambda: category(app) == "LR-4" or None, "the category after the reveal") is True,
            "Ctrl+Return reveals the answer")
        press(ord("u"), (CONTROL,))

        # toggle a feature by keyboard: washout's switch, Space
        before = category(app)
        press(F6, (SHIFT,))
        press(F6)   # back to the features' first control
        for _ in range(120):
            now = focused(app)
            if now is not None and now.name == "Nonperipheral washout":
                break
            press(TAB)
        tap(now is not None and now.name == "Nonperipheral washout", "Tab reaches the washout switch",
            f"focused: {now.name if now else None!r}")
        press(ord(" "))
        after = wait_for(lambda: category(app) != before and category(app), "the category to change")
        tap(after != before, f"Space on a switch changes the category ({before} → {after})")

        # reset (Ctrl+R), then undo it (Ctrl+Z, as the toast offers)
        press(ord("r"), (CONTROL,))
        tap(wait_for(lambda: category(app) == before or None, "the case's category again") is True,
            "Ctrl+R resets to the case")
        press(ord("z"), (CONTROL,))
        tap(wait_for(lambda: category(app) == after or None, "the change back") is True,
            "Ctrl+Z undoes the reset")
        tap(panel is not None, "the feature rows are named")
    except Exception as e:  # report, do not hang
        tap(False, "end-to-end run", repr(e))
    finally:
        hepatica.close()
    return finish(PLAN)

if __name__ == "__main__":
    sys.exit(main())
