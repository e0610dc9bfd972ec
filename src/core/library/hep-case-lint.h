/* hep-case-lint.h: does a case's text agree with its feature tokens?
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A case says the same thing twice: in prose (the findings, the
 * presentation) and as feature tokens, which the engines read. When the two
 * disagree, the case teaches one thing and the engines compute another (a
 * nodule "seen on ultrasound" without us-visible keeps an LR-5 that the
 * teaching point says is downgraded). hep_case_lint() reports what it can
 * see of that, for a case author: a size in the findings that is not size=,
 * and the words the vocabulary associates with a token (washout, capsule,
 * corona, restricted diffusion, transitional-phase hypointensity, a
 * hepatobiliary phase, T2 grade, ultrasound visibility) present without the
 * token, or the token without the words; a Proof= that the outcome
 * contradicts (a resection result on a case proven by imaging criteria).
 * The rules are a table in hep-case-lint.c, each with what it checks and its
 * source.
 *
 * Negation counts: "no washout", "without a capsule", "washout absent" and
 * "does not restrict" do not say the feature is there.
 */

#pragma once

#include "hep-case.h"

G_BEGIN_DECLS

/* Whether @text says @phrase (lower case; a trailing '*' matches any word
 * it starts), as whole words and not negated: no "no", "not", "without",
 * "never", "nor", "neither", "lacks", "lacking" or "absent" before it in the
 * same clause, nor "absent" after it. Clauses end at . , ; : ( ) ! ? */
gboolean   hep_case_lint_text_says (const char *text,
                                    const char *phrase);

/* One line per disagreement: "rule-id: what to fix". Empty when none. */
GPtrArray *hep_case_lint           (HepCase    *self);

G_END_DECLS
