/* hep-core.h: umbrella header of the GTK-free core
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hep-feature-set.h"
#include "hep-feature-state.h"
#include "hep-lirads.h"
#include "hep-provenance.h"
#include "hep-text.h"
#include "hep-ddx.h"
#include "hep-next-imaging.h"
#include "hep-curve-model.h"
#include "hep-svg-writer.h"
#include "hep-diagram.h"
#include "hep-case.h"
#include "hep-case-pack.h"
#include "hep-case-source.h"
#include "hep-case-lint.h"
#include "hep-case-spoilers.h"
#include "hep-case-store.h"
#include "hep-case-store-decks.h"
#include "hep-db.h"
#include "hep-db-backup.h"
#include "hep-migrations.h"
#include "hep-fsrs.h"
#include "hep-quiz-error.h"
#include "hep-quiz-plan.h"
#include "hep-reveal.h"
#include "hep-quiz-question.h"
#include "hep-quiz-review.h"
#include "hep-quiz-stats.h"
