#!/usr/bin/env python3
"""Fills a user database with a sample review log, through hepatica-cli.

Usage: scripts/sample-review-log.py HEPATICA_CLI DB [LIBRARY]

Three weeks of quiz answers ending today (local time), made the way the app
makes them: `hepatica-cli quiz question --reveal` for the key, then `quiz
answer` with a right or a wrong answer, a confidence and a time, at a time
given by --now. The learner gets better over the weeks; some answers are
wrong for each reason (perception, rule, knowledge, timing). Deterministic:
the same days give the same log. For screenshots (scripts/screenshot.sh
with HEPATICA_SAMPLE_LOG=1) and for looking at the Progress page by hand.
"""
import datetime
import json
import random
import subprocess
import sys

CASES = [
    "hcc-classic-cirrhosis", "fnh-classic-young-woman", "hemangioma-classic-incidental",
    "adenoma-inflammatory", "hcc-lr4-capsule-only", "cyst-cirrhosis-lr1", "hemangioma-flash-filling",
    "hcc-lrm-rim-aphe", "icc-cirrhosis-lrm", "focal-fat-sparing-gallbladder", "fnh-small-no-scar",
    "abscess-klebsiella-gas", "hcc-hbp-iso-gadoxetate", "adenoma-hnf1a-steatotic",
]
KINDS = ["diagnosis", "lirads", "features", "next-test"]


def main():
    cli, db = sys.argv[1], sys.argv[2]
    common = ["--db=" + db] + (["--library=" + sys.argv[3]] if len(sys.argv) > 3 else [])
    rng = random.Random(18)
    today = datetime.datetime.now().astimezone().replace(hour=9, minute=0, second=0, microsecond=0)
    days = 21
    for d in range(days):
        day = today - datetime.timedelta(days=days - 1 - d)
        if rng.random() < 0.25 and d != days - 1:
            continue   # a day off
        skill = 0.45 + 0.45 * d / days
        for n in range(rng.randint(3, 7)):
            when = day + datetime.timedelta(minutes=7 * n + rng.randint(0, 5))
            if when > datetime.datetime.now().astimezone():
                when = datetime.datetime.now().astimezone() - datetime.timedelta(minutes=60 - n)
            now = when.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
            case = rng.choice(CASES)
            kind = rng.choice(KINDS)
            seed = str(rng.randint(0, 1000))
            q = subprocess.run([cli, "quiz", "question", "--json", "--reveal", "--kind=" + kind,
                                "--seed=" + seed, case] + common, capture_output=True, text=True)
            if q.returncode != 0:
                continue   # no such question for this case (e.g. LI-RADS of a case not at risk)
            q = json.loads(q.stdout)
            right = rng.random() < skill
            confidence = "sure" if right and rng.random() < 0.7 else rng.choice(["sure", "unsure", "guessing"])
            duration = str(rng.randint(8000, 80000))
            args = [cli, "quiz", "answer", "--json", "--kind=" + kind, "--seed=" + seed, "--now=" + now,
                    "--confidence=" + confidence, "--duration-ms=" + duration, "--mode=tutor", case]
            if not right and rng.random() < 0.12:
                args.append("--timed-out")
            elif kind == "features":
                tokens = q["answer"]["features"].split()
                if not right and tokens:
                    tokens.pop(rng.randrange(len(tokens)))
                    extra = rng.choice(["capsule", "washout", "aphe=rim", "t2=mild"])
                    if rng.random() < 0.5 and not any(t.split("=")[0] == extra.split("=")[0] for t in tokens):
                        tokens.append(extra)
                args += tokens or ["-washout"]
            else:
                options = [o["id"] for o in q["options"]]
                answer = q["answer"]["id"]
                wrong = [o for o in options if o != answer]
                args.append(answer if right or not wrong else rng.choice(wrong))
            subprocess.run(args + common, check=True, capture_output=True)


if __name__ == "__main__":
    main()
