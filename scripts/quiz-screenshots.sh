#!/bin/sh
# Screenshots of the quiz page (setup, a question, the feedback, a timed
# features question, an exam's review) at 1440x900 and 1024x700, light,
# dark and high contrast, driven by the quiz's widget test.
#
# Usage: scripts/quiz-screenshots.sh BUILD_DIR OUT_DIR
# Uses the Xvfb display $XVFB_DISPLAY (default 250).
set -eu
build=$(cd "$1" && pwd); out=$2
mkdir -p "$out"; out=$(cd "$out" && pwd)
for size in 1440x900 1024x700; do
  w=${size%x*}; h=${size#*x}
  for style in light dark hc; do
    hc=""; shot_style=$style
    [ "$style" = hc ] && hc="ADW_DEBUG_HIGH_CONTRAST=1" && shot_style=hc
    [ "$style" = hc ] && scheme=light || scheme=$style
    n=${XVFB_DISPLAY:-250}
    # the last run's server may still be going away
    i=0; while [ -e "/tmp/.X$n-lock" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
    env $hc HEPATICA_QUIZ_SHOTS="$out" HEPATICA_QUIZ_SHOT_SIZE="$size" HEPATICA_QUIZ_SHOT_STYLE="$scheme" \
      HEPATICA_QUIZ_SHOT_NAME="$shot_style" \
      G_TEST_SRCDIR="$build/../tests" G_TEST_BUILDDIR="$build/tests" GSETTINGS_BACKEND=memory \
      GSETTINGS_SCHEMA_DIR="$build/data" GDK_BACKEND=x11 GSK_RENDERER=cairo GTK_A11Y=none LC_ALL=C.UTF-8 \
      HEPATICA_LIBRARY="$build/src/core/library/tools/hepatica-library.db" \
      xvfb-run -n "$n" -s "-screen 0 $((w + 64))x$((h + 64))x24 -nolisten tcp" \
      "$build/tests/test-quiz-view" -p /quiz-view/shots >/dev/null
  done
done
ls "$out"
