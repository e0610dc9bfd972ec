#!/usr/bin/python3
# End-to-end: start the real hepatica binary and drive it through AT-SPI by
# accessible role and name, as assistive technology (or a person) would.
# TAP output. Needs a display and a session bus (./test provides both).
#
# Usage: test-e2e-explore.py PATH/TO/hepatica

import os
import subprocess
import shutil
import sys
import tempfile
import time

import pyatspi

TIMEOUT = 15.0
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


def wait_for(predicate, what):
    deadline = time.monotonic() + TIMEOUT
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
    # the category label's accessible name is the category itself
    for cat in ("LR-1", "LR-2", "LR-3", "LR-4", "LR-5", "LR-M", "LR-TIV", "LR-NC", "NA"):
        node = find(app, role="label", name=cat)
        if node is not None:
            return cat
    return None


def main():
    binary = sys.argv[1]
    env = dict(os.environ)
    env.pop("GTK_A11Y", None)
    env.setdefault("GSETTINGS_BACKEND", "memory")
    env["GDK_DEBUG"] = "gl-disable"
    home = tempfile.mkdtemp(prefix="hepatica-e2e-")
    env["XDG_DATA_HOME"] = home     # the user's case database goes here
    proc = subprocess.Popen([binary, "--features=risk=cirrhosis size=15 aphe=nonrim capsule"], env=env)
    print("1..10")
    try:
        app = wait_for(lambda: find_app(proc.pid), "the app on the accessibility bus")
        tap(True, "the app appears on the accessibility bus")

        first = wait_for(lambda: category(app), "the LI-RADS category label")
        tap(first == "LR-4", "the category starts at LR-4", f"got {first}")

        # GTK 4.8 exposes a GtkSwitch as a check box; newer GTK as a switch
        washout = wait_for(lambda: next((n for role in ("check box", "switch", "toggle button")
                                         for n in [find(app, role=role, name="Nonperipheral washout")] if n), None),
                           "the washout toggle")
        role = washout.getRoleName()
        action = washout.queryAction()
        names = [action.getName(i) for i in range(action.nActions)]
        tap(len(names) > 0, f"the washout toggle ({role}) offers an action", f"actions: {names}")
        action.doAction(0)

        after = wait_for(lambda: category(app) == "LR-5" and "LR-5", "LR-5 after the toggle")
        tap(after == "LR-5", "toggling washout gives LR-5")

        changed = wait_for(lambda: find(app, role="label", name="Nonperipheral washout"), "the list of changes")
        tap(changed is not None, "the change against the case is listed")

        # The case flow: search the library, pick the first hit, look at it.
        title = "Washout nodule that stays bright in the hepatobiliary phase"
        search = wait_for(lambda: find(app, name="Search cases", role="entry"), "the search box")
        cases = find(app, role="list", name="Teaching cases")
        everything = cases.childCount
        search.queryEditableText().setTextContents("washout nodule bright")
        # full-text search ranks the best match first
        wait_for(lambda: 0 < cases.childCount < everything or None, "the search hits")
        cases.querySelection().selectChild(0)
        card_title = wait_for(lambda: sum(1 for n in walk(app) if n.name == title) >= 2 or None,
                              "the case card")
        tap(bool(card_title), "searching and selecting a case opens its card")
        tap(wait_for(lambda: category(app) == "LR-4" or None, "LR-4") is True,
            "the case's LI-RADS category is shown (LR-4)")

        unknown = find(app, name="Unknown-Case Mode")
        unknown.queryAction().doAction(0)
        hidden = wait_for(lambda: find(app, role="label", name="Unknown Case"), "the hidden title")
        tap(hidden is not None and category(app) is None,
            "unknown-case mode hides the title and the LI-RADS category")
        reveal = wait_for(lambda: find(app, role="push button", name="Reveal Answer"), "the reveal button")
        reveal.queryAction().doAction(0)
        shown = wait_for(lambda: category(app) == "LR-4" or None, "the category after the reveal")
        tap(shown is True, "revealing shows the answer again")
        unknown.queryAction().doAction(0)   # leave the setting as it was

        # Every button-like control says what it does (GTK falls back to the
        # class name, e.g. "GtkImage", when nothing names it).
        anonymous = sorted({f"{n.getRoleName()} {n.name!r}" for n in walk(app)
                            if n.getRoleName() in ("push button", "toggle button", "check box", "combo box")
                            and (not n.name or n.name.startswith("Gtk"))})
        tap(not anonymous, "every button, toggle and check box has a name", "\n".join(anonymous))
    except Exception as e:  # report, do not hang
        tap(False, "end-to-end run", repr(e))
    finally:
        proc.terminate()
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(home, ignore_errors=True)
    while len(results) < 10:
        tap(False, "not reached")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
