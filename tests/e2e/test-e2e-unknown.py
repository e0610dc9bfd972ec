#!/usr/bin/python3
# End-to-end: unknown-case mode gives nothing away, for every case of the
# bundled library. Starts the real hepatica binary, turns the mode on as a
# person would (the Unknown-Case Mode toggle), opens each case from the
# sidebar and walks the whole accessibility tree: no accessible name,
# description or text may hold the case's diagnosis (its names and synonyms,
# as the core lists them), its tags, teaching points, pitfalls, references,
# or any field the core hides for it (`hepatica-cli cases show --json` says
# which). TAP output; needs a display and a session bus (./test provides both).
#
# Usage: test-e2e-unknown.py PATH/TO/hepatica PATH/TO/hepatica-cli

import json
import re
import subprocess
import sys

from hep_e2e import App, find, finish, tap, wait_for


def texts(app, feature_groups=()):
    """Every accessible name, description and text in the tree, each with
    whether it lies in the feature panel (a list named after a group of the
    vocabulary): the case's features, which the student is meant to read."""
    out = {}

    def visit(node, in_features, depth):
        if node is None or depth > 60:
            return
        try:
            name = node.name
            if name and name.lower() in feature_groups and node.getRoleName() == "list":
                in_features = True
            found = [name, node.description]
            try:
                t = node.queryText()
                if t.characterCount:
                    found.append(t.getText(0, -1))
            except NotImplementedError:
                pass
            for text in found:
                if text:
                    out[text] = out.get(text, True) and in_features
            count = node.childCount
        except Exception:
            return
        for i in range(count):
            try:
                child = node.getChildAtIndex(i)
            except Exception:
                continue
            visit(child, in_features, depth + 1)

    visit(app, False, 0)
    return out


def name_pattern(name):
    """The core's matching rule for a diagnosis name (hep-case-spoilers.c):
    a whole word, also with a plural s/es; a trailing * matches any word
    that starts with it."""
    if name.endswith("*"):
        return re.compile(r"(?<![0-9a-z\u0080-\uffff])" + re.escape(name[:-1]), re.I)
    return re.compile(r"(?<![0-9a-z\u0080-\uffff])" + re.escape(name) + r"(?:e?s)?(?![0-9a-z\u0080-\uffff])", re.I)


def cli_json(cli, env, *args):
    out = subprocess.run([cli, *args, "--json"], env=env, check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def leaks(case, seen, baseline, labels):
    """What in @seen gives @case away. @baseline: the texts with no case
    open; @labels: the vocabulary's feature labels (constant UI text)."""
    found = []
    hidden = set(case["hidden"])
    shown_findings = {t for p, t in (case.get("findings") or {}).items()
                      if t and "findings-" + p not in hidden}
    # the clinical setting is shown by rule; `cases check` keeps the
    # answer out of it (a prior HCC or a known primary is the setting)
    setting = {case.get("history"), case.get("presentation")}
    spoilers = []
    spoilers += case.get("teaching_points") or []
    spoilers += case.get("pitfalls") or []
    spoilers += case.get("references") or []
    if case.get("tags"):
        spoilers.append(", ".join(case["tags"]))
    if "title" in hidden:
        spoilers.append(case["title"])
    for phase, text in (case.get("findings") or {}).items():
        # a hidden phase whose words another, shown phase also has
        # ("Isointense.") says nothing by itself
        if text and "findings-" + phase in hidden and text not in shown_findings:
            spoilers.append(text)
    for text, in_features in seen.items():
        for s in spoilers:
            if s and s in text:
                found.append(f"spoiler text {s[:60]!r} in {text[:80]!r}")
        # the feature panel shows the case's features, in the vocabulary's
        # words ("HCC risk", "Current or prior HCC"): what the student reads
        if in_features or text in baseline:
            continue
        # a feature control is named by its feature and its value
        if any(text.startswith(label + " ") for label in labels):
            continue
        for part in setting:
            if part:
                text = text.replace(part, " ")
        for name in case.get("diagnosis_names") or []:
            m = name_pattern(name).search(text)
            if m:
                found.append(f"diagnosis name {m.group(0)!r} in {text[:100]!r}")
        if "Tags:" in text:
            found.append(f"a tags line: {text[:80]!r}")
    return found


def meta_line(case):
    sex = {"f": "woman", "m": "man"}.get(case.get("sex"), "patient")
    found = {"us": "ultrasound", "ct": "CT", "mri": "MRI"}[case["found_on"]]
    return (f"{case['age']}-year-old {sex} · found on {found} · {case['size_mm']} mm · "
            f"difficulty {case['difficulty']} of 5")


def main():
    binary, cli = sys.argv[1], sys.argv[2]
    hepatica = App(binary)
    env = hepatica.env

    vocabulary = cli_json(cli, env, "tokens")
    labels = [t["label"] for t in vocabulary]
    groups = {t["group"].lower() for t in vocabulary}
    # the sidebar lists cases in title order, as `cases list` does
    listed = cli_json(cli, env, "cases", "list")
    cases = [cli_json(cli, env, "cases", "show", c["id"]) for c in listed]
    print(f"1..{len(cases) + 2}")

    try:
        app = hepatica.accessible()
        toggle = wait_for(lambda: find(app, name="Unknown-Case Mode"), "the Unknown-Case Mode toggle")
        toggle.queryAction().doAction(0)
        wait_for(lambda: find(app, role="label", name="Unknown Case") is None or True, "the mode")
        explore_baseline = set(texts(app, groups))
        sidebar = wait_for(lambda: find(app, role="list", name="Teaching cases"), "the case list")
        ok = wait_for(lambda: sidebar.childCount == len(cases) or None, "every case in the sidebar")
        tap(bool(ok), f"unknown-case mode on, {len(cases)} cases in the sidebar")

        for i, case in enumerate(cases):
            sidebar.querySelection().selectChild(i)
            meta = meta_line(case)
            try:
                wait_for(lambda: find(app, role="label", name=meta), f"the card of {case['id']}")
            except TimeoutError as e:
                tap(False, f"{case['id']}: opens", str(e))
                continue
            found = leaks(case, texts(app, groups), explore_baseline, labels)
            tap(not found, f"{case['id']}: nothing gives it away", "\n".join(sorted(set(found))[:20]))

        # and the hidden answer can still be revealed
        reveal = find(app, role="push button", name="Reveal Answer")
        tap(reveal is not None, "the last case offers Reveal Answer")
    except Exception as e:  # report, do not hang
        tap(False, "end-to-end run", repr(e))
    finally:
        hepatica.close()
    return finish(len(cases) + 2)

if __name__ == "__main__":
    sys.exit(main())
