#!/usr/bin/python3
# End-to-end: start the real hepatica binary and drive it through AT-SPI by
# accessible role and name, as assistive technology (or a person) would.
# TAP output. Needs a display and a session bus (./test provides both).
#
# Usage: test-e2e-explore.py PATH/TO/hepatica

import sys

from hep_e2e import App, category, find, finish, tap, wait_for, walk


def main():
    hepatica = App(sys.argv[1], "--features=risk=cirrhosis size=15 aphe=nonrim capsule")
    print("1..10")
    try:
        app = hepatica.accessible()
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
        hepatica.close()
    return finish(10)


if __name__ == "__main__":
    sys.exit(main())
