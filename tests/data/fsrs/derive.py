#!/usr/bin/env python3
# derive.py: the expectations of tests/core/test-fsrs.c and
# tests/cli/test-cli-srs.c, computed from the published FSRS-6 formulas.
#
# Written by hand from the formulas (the fsrs4anki wiki's "The Algorithm",
# FSRS-6 section) and the step rules of the reference scheduler (py-fsrs 6.x,
# fsrs/scheduler.py, Scheduler.review_card), not from Hepatica's C code.
# Run it from this folder to re-derive:
#
#   python3 derive.py formulas > formulas.tsv
#   python3 derive.py replay > replay.tsv
#
# and `git diff` shows any change. Only the standard library is used. The
# script checks itself against two results that the reference's own tests
# list (py-fsrs's TestPyFSRS, in its FSRS-6 version: the intervals of
# test_review_card, the memory state of test_memo_state); every other
# expectation is its own.

import math
import sys
from datetime import datetime, timezone

# FSRS-6 default weights w0 … w20, as published.
W = [0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722,
     0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425,
     0.0912, 0.0658, 0.1542]
S_MIN = 0.001
DAY = 86400
AGAIN, HARD, GOOD, EASY = 1, 2, 3, 4
NAMES = {"again": AGAIN, "hard": HARD, "good": GOOD, "easy": EASY}


class Params:
    def __init__(self, retention=0.9, maximum=36500, learning=(60, 600), relearning=(600,)):
        self.r = retention
        self.maximum = maximum
        self.learning = list(learning)
        self.relearning = list(relearning)


def decay():
    return -W[20]


def factor():
    # chosen so that R(S, S) = 0.9
    return 0.9 ** (1 / decay()) - 1


def R(t, s):
    return (1 + factor() * max(t, 0) / s) ** decay()


def interval(p, s):
    # the t at which R(t, S) = r, in whole days (Python's round: half to even)
    t = s / factor() * (p.r ** (1 / decay()) - 1)
    return min(max(round(t), 1), p.maximum)


def S0(g):
    return max(W[g - 1], S_MIN)


def D0_raw(g):
    return W[4] - math.exp(W[5] * (g - 1)) + 1


def D0(g):
    return min(max(D0_raw(g), 1), 10)


def D_next(d, g):
    delta = -W[6] * (g - 3)
    damped = d + delta * (10 - d) / 9          # linear damping
    reverted = W[7] * D0_raw(EASY) + (1 - W[7]) * damped   # mean reversion to D0(4)
    return min(max(reverted, 1), 10)


def S_recall(d, s, r, g):
    hard = W[15] if g == HARD else 1
    easy = W[16] if g == EASY else 1
    inc = math.exp(W[8]) * (11 - d) * s ** -W[9] * (math.exp(W[10] * (1 - r)) - 1)
    return max(s * (1 + inc * hard * easy), S_MIN)


def S_forget(d, s, r):
    long_term = W[11] * d ** -W[12] * ((s + 1) ** W[13] - 1) * math.exp(W[14] * (1 - r))
    return max(min(long_term, s / math.exp(W[17] * W[18])), S_MIN)


def S_short(s, g):
    inc = math.exp(W[17] * (g - 3 + W[18])) * s ** -W[19]
    if g >= GOOD:
        inc = max(inc, 1)     # good and easy never lower stability
    return max(s * inc, S_MIN)


def whole_days(a, b):
    # whole days from a to b; a clock that went backwards gives 0
    return max((b - a) // DAY, 0)


def review(p, card, g, now):
    """card: dict(state, step, s, d, due, last). Returns the new card."""
    c = dict(card)
    if c["state"] == "new":
        c["s"], c["d"] = S0(g), D0(g)
        c["state"], c["step"] = "learning", 0
    else:
        t = whole_days(c["last"], now)
        if t < 1:
            c["s"] = S_short(c["s"], g)
        elif g == AGAIN:
            c["s"] = S_forget(c["d"], c["s"], R(t, c["s"]))
        else:
            c["s"] = S_recall(c["d"], c["s"], R(t, c["s"]), g)
        c["d"] = D_next(c["d"], g)

    wait = None        # seconds, when the card stays on a step
    if c["state"] in ("learning", "relearning"):
        steps = p.learning if c["state"] == "learning" else p.relearning
        if not steps or (c["step"] >= len(steps) and g != AGAIN):
            pass                                    # graduates
        elif g == AGAIN:
            c["step"] = 0
            wait = steps[0]
        elif g == HARD:
            if c["step"] == 0:
                wait = steps[0] * 3 // 2 if len(steps) == 1 else (steps[0] + steps[1]) // 2
            else:
                wait = steps[c["step"]]
        elif g == GOOD and c["step"] + 1 < len(steps):
            c["step"] += 1
            wait = steps[c["step"]]
        if wait is None:
            c["state"] = "review"
    elif g == AGAIN and p.relearning:
        c["state"], c["step"] = "relearning", 0
        wait = p.relearning[0]
    if c["state"] == "review":
        c["step"] = 0
        wait = interval(p, c["s"]) * DAY
    c["last"] = now
    c["due"] = now + wait
    return c


def iso(t):
    return datetime.fromtimestamp(t, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_iso(text):
    return int(datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc).timestamp())


# Each case: name, retention, maximum interval, start, steps. A step is a
# rating, reviewed when due, or RATING+N with N seconds after the previous
# review (negative: the clock went back).
START = "2026-03-01T08:00:00Z"
CASES = [
    ("first-again", 0.9, 36500, START, ["again"]),
    ("first-hard", 0.9, 36500, START, ["hard"]),
    ("first-good", 0.9, 36500, START, ["good"]),
    ("first-easy", 0.9, 36500, START, ["easy"]),
    # through both learning steps, then reviews early, on time and late
    ("learn-then-review", 0.9, 36500, START,
     ["good", "good", f"good+{3 * DAY}", "good", f"hard+{40 * DAY}", "easy"]),
    # hard on the first of two steps waits their mean; on the second, that step
    ("learning-hard", 0.9, 36500, START, ["hard", "good", "hard", "again", "good", "good"]),
    # a lapse: review → relearning (10 min) → review
    ("lapse", 0.9, 36500, START, ["good", "good", "good", "again", "good", "good"]),
    # relearning: again stays on the step, hard on the only step waits 1.5 × it,
    # easy graduates; a lapse after a long gap uses the forgetting formula
    ("relearning", 0.9, 36500, START,
     ["easy", f"again+{20 * DAY}", "again", "hard", "easy", f"again+{400 * DAY}", "good"]),
    # the same day: a review card reviewed again minutes later (short-term stability)
    ("same-day", 0.9, 36500, START, ["easy", "good+60", "hard+120", "easy+3600", "again+7200"]),
    # the clock went backwards by an hour and by two days: elapsed time counts as 0
    ("clock-backwards", 0.9, 36500, START,
     ["good", "good", "good-3600", f"good+{5 * DAY}", f"again-{2 * DAY}"]),
    # the reference's own step sequence (its interval list is checked below)
    ("reference-sequence", 0.9, 36500, "2022-11-29T12:30:00Z",
     ["good"] * 6 + ["again"] * 2 + ["good"] * 5),
    # the same learner at retention 0.8: longer intervals
    ("retention-0.8", 0.8, 36500, START, ["good", "good", "good", "good", "good", "hard", "easy"]),
    ("retention-0.9", 0.9, 36500, START, ["good", "good", "good", "good", "good", "hard", "easy"]),
    # intervals capped by a maximum of 30 days, and by the default 36,500
    ("maximum-30", 0.9, 30, START, ["easy", "easy", "easy", "easy"]),
    ("maximum-default", 0.9, 36500, START, ["easy"] * 8),
    # the reference's memory-state sequence (its end state is checked below)
    ("reference-memory-state", 0.9, 36500, "2022-11-29T12:30:00Z",
     ["again+0", "good+0", f"good+{DAY}", f"good+{3 * DAY}", f"good+{8 * DAY}", f"good+{21 * DAY}"]),
    # the example in README.md
    ("readme", 0.9, 36500, START, ["good", "good", f"good+{3 * DAY}", "again", "good", f"easy+{2 * DAY}"]),
]


def replay(case):
    name, retention, maximum, start, steps = case
    p = Params(retention, maximum)
    now = parse_iso(start)
    card = {"state": "new", "step": 0, "s": 0.0, "d": 0.0, "due": now, "last": None}
    rows = []
    for i, step in enumerate(steps):
        if "+" in step or "-" in step:
            sign = "+" if "+" in step else "-"
            rating, n = step.split(sign)
            after = int(n) if sign == "+" else -int(n)
            now = (now if i == 0 else card["last"]) + after
        else:
            rating, after = step, None
            now = card["due"]
        card = review(p, card, NAMES[rating], now)
        ivl = (card["due"] - now) // DAY
        rows.append((name, retention, maximum, start, i, rating,
                     "due" if after is None else after, card["state"], ivl,
                     card["s"], card["d"], card["due"], iso(card["due"])))
    return rows


def main():
    what = sys.argv[1] if len(sys.argv) > 1 else "replay"
    if what == "replay":
        print("# case\tretention\tmaximum_interval\tstart\tindex\trating\tafter (s or due)"
              "\tstate\tinterval_days\tstability\tdifficulty\tdue_unix\tdue")
        for case in CASES:
            rows = replay(case)
            if case[0] == "reference-sequence":
                # py-fsrs's test_review_card lists these intervals for this sequence
                assert [r[8] for r in rows] == [0, 2, 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21], rows
            if case[0] == "reference-memory-state":
                # py-fsrs's test_memo_state: stability 53.62691, difficulty 6.3574867 (± 1e-4)
                assert abs(rows[-1][9] - 53.62691) < 1e-4 and abs(rows[-1][10] - 6.3574867) < 1e-4, rows[-1]
            if case[0] == "maximum-default":
                assert rows[-1][8] == 36500
            for r in rows:
                print("\t".join([r[0], f"{r[1]:g}", str(r[2]), r[3], str(r[4]), r[5], str(r[6]),
                                 r[7], str(r[8]), f"{r[9]:.6f}", f"{r[10]:.6f}", str(r[11]), r[12]]))
    elif what == "formulas":
        p9, p8 = Params(0.9), Params(0.8)
        print("# formula\targuments\texpected (6 decimals)")
        for g in (AGAIN, HARD, GOOD, EASY):
            print(f"S0\t{g}\t{S0(g):.6f}")
        for g in (AGAIN, HARD, GOOD, EASY):
            print(f"D0\t{g}\t{D0(g):.6f}")
        for d in (1.0, 5.0, 9.5):
            for g in (AGAIN, HARD, GOOD, EASY):
                print(f"D'\t{d:g} {g}\t{D_next(d, g):.6f}")
        for t, s in ((0, 3.0), (3, 3.0), (10, 3.0), (100, 8.2956), (1, 0.5)):
            print(f"R\t{t} {s:g}\t{R(t, s):.6f}")
        for d, s, r, g in ((5.0, 3.0, 0.9, HARD), (5.0, 3.0, 0.9, GOOD), (5.0, 3.0, 0.9, EASY),
                           (2.0, 20.0, 0.7, GOOD), (8.0, 1.0, 0.95, GOOD)):
            print(f"S'r\t{d:g} {s:g} {r:g} {g}\t{S_recall(d, s, r, g):.6f}")
        for d, s, r in ((5.0, 3.0, 0.9), (5.0, 100.0, 0.6), (9.0, 0.1, 0.99)):
            print(f"S'f\t{d:g} {s:g} {r:g}\t{S_forget(d, s, r):.6f}")
        for s in (0.2, 2.3065, 30.0):
            for g in (AGAIN, HARD, GOOD, EASY):
                print(f"S'short\t{s:g} {g}\t{S_short(s, g):.6f}")
        for s in (0.2, 1.0, 3.0, 8.2956, 100.0, 1e6):
            print(f"I\t0.9 {s:g}\t{interval(p9, s)}")
            print(f"I\t0.8 {s:g}\t{interval(p8, s)}")


main()
