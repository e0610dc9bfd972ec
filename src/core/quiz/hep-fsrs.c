/* hep-fsrs.c: the FSRS-6 spaced-repetition scheduler
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The formulas are FSRS-6's as published by open-spaced-repetition (the
 * fsrs4anki wiki's "The Algorithm", and the reference scheduler py-fsrs 6.x,
 * fsrs/scheduler.py), with w[i] the i-th of the 21 weights, G the rating
 * (1 again … 4 easy), D difficulty, S stability (days), R retrievability:
 *
 *   decay = −w20,  factor = 0.9^(1/decay) − 1
 *   R(t, S)   = (1 + factor · t / S)^decay             (t: whole days elapsed)
 *   I(r, S)   = S / factor · (r^(1/decay) − 1)        rounded half-to-even,
 *                                                     then within [1, maximum]
 *   S0(G)     = w[G−1]
 *   D0(G)     = w4 − e^(w5·(G−1)) + 1                 clamped to [1, 10]
 *   D'(D, G)  = w7 · D0(4) + (1 − w7) · (D + ΔD · (10 − D) / 9),
 *               ΔD = −w6 · (G − 3), D0(4) unclamped;  clamped to [1, 10]
 *   S'r       = S · (1 + e^w8 · (11 − D) · S^−w9 · (e^(w10·(1−R)) − 1)
 *                    · w15 if G = 2 · w16 if G = 4)
 *   S'f       = min (w11 · D^−w12 · ((S + 1)^w13 − 1) · e^(w14·(1−R)),
 *                    S / e^(w17·w18))
 *   S'short   = S · e^(w17·(G − 3 + w18)) · S^−w19, the factor at least 1
 *               for G ≥ 3 (good and easy never lower stability)
 *   every new stability at least 0.001
 *
 * A review less than one whole day after the last one uses S'short; the
 * others use R at the review and S'r or S'f. The states and steps follow the
 * reference scheduler (see hep_fsrs_review).
 */

#include "config.h"

#include "hep-fsrs.h"

#include <gio/gio.h>
#include <math.h>

/* The published FSRS-6 default weights. */
static const double default_weights[HEP_FSRS_N_WEIGHTS] = {
  0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
  1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
};

/* The reference's bounds of each weight (its optimizer keeps them there). */
static const double weight_min[HEP_FSRS_N_WEIGHTS] = {
  HEP_FSRS_STABILITY_MIN, HEP_FSRS_STABILITY_MIN, HEP_FSRS_STABILITY_MIN, HEP_FSRS_STABILITY_MIN,
  1.0, 0.001, 0.001, 0.001, 0.0, 0.0, 0.001, 0.001, 0.001, 0.001, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.1,
};
static const double weight_max[HEP_FSRS_N_WEIGHTS] = {
  100.0, 100.0, 100.0, 100.0,
  10.0, 4.0, 4.0, 0.75, 4.5, 0.8, 3.5, 5.0, 0.25, 0.9, 4.0, 1.0, 6.0, 2.0, 2.0, 0.8, 0.8,
};

void
hep_fsrs_params_init_default (HepFsrsParams *params)
{
  *params = (HepFsrsParams) { 0, };
  for (guint i = 0; i < HEP_FSRS_N_WEIGHTS; i++)
    params->weights[i] = default_weights[i];
  params->desired_retention = 0.9;
  params->learning_steps[0] = 60;
  params->learning_steps[1] = 10 * 60;
  params->n_learning_steps = 2;
  params->relearning_steps[0] = 10 * 60;
  params->n_relearning_steps = 1;
  params->maximum_interval = 36500;
}

gboolean
hep_fsrs_params_validate (const HepFsrsParams *params,
                          GError             **error)
{
  for (guint i = 0; i < HEP_FSRS_N_WEIGHTS; i++)
    if (!(params->weights[i] >= weight_min[i] && params->weights[i] <= weight_max[i]))
      {
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                     "FSRS weight w%u = %g is outside [%g, %g]",
                     i, params->weights[i], weight_min[i], weight_max[i]);
        return FALSE;
      }
  if (!(params->desired_retention > 0.0 && params->desired_retention < 1.0))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "desired retention %g is outside (0, 1)", params->desired_retention);
      return FALSE;
    }
  if (params->maximum_interval < 1)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "maximum interval %d is less than one day", params->maximum_interval);
      return FALSE;
    }
  if (params->n_learning_steps > HEP_FSRS_MAX_STEPS || params->n_relearning_steps > HEP_FSRS_MAX_STEPS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "more than %d learning or relearning steps", HEP_FSRS_MAX_STEPS);
      return FALSE;
    }
  for (guint i = 0; i < params->n_learning_steps; i++)
    if (params->learning_steps[i] <= 0)
      {
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                     "learning step %u is not a positive number of seconds", i + 1);
        return FALSE;
      }
  for (guint i = 0; i < params->n_relearning_steps; i++)
    if (params->relearning_steps[i] <= 0)
      {
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                     "relearning step %u is not a positive number of seconds", i + 1);
        return FALSE;
      }
  return TRUE;
}

/* ---- the formulas ----------------------------------------------------------- */

static double
decay (const HepFsrsParams *params)
{
  return -params->weights[20];
}

static double
factor (const HepFsrsParams *params)
{
  return pow (0.9, 1.0 / decay (params)) - 1.0;
}

static double
clamp_difficulty (double difficulty)
{
  return CLAMP (difficulty, HEP_FSRS_DIFFICULTY_MIN, HEP_FSRS_DIFFICULTY_MAX);
}

static double
clamp_stability (double stability)
{
  return MAX (stability, HEP_FSRS_STABILITY_MIN);
}

double
hep_fsrs_forgetting_curve (const HepFsrsParams *params,
                           double               elapsed_days,
                           double               stability)
{
  return pow (1.0 + factor (params) * MAX (elapsed_days, 0.0) / stability, decay (params));
}

double
hep_fsrs_initial_stability (const HepFsrsParams *params,
                            HepFsrsRating        rating)
{
  g_return_val_if_fail (rating >= HEP_FSRS_RATING_AGAIN && rating <= HEP_FSRS_RATING_EASY, 0.0);

  return clamp_stability (params->weights[rating - 1]);
}

static double
initial_difficulty_unclamped (const HepFsrsParams *params,
                              HepFsrsRating        rating)
{
  const double *w = params->weights;

  return w[4] - exp (w[5] * ((int) rating - 1)) + 1.0;
}

double
hep_fsrs_initial_difficulty (const HepFsrsParams *params,
                             HepFsrsRating        rating)
{
  g_return_val_if_fail (rating >= HEP_FSRS_RATING_AGAIN && rating <= HEP_FSRS_RATING_EASY, 0.0);

  return clamp_difficulty (initial_difficulty_unclamped (params, rating));
}

double
hep_fsrs_next_difficulty (const HepFsrsParams *params,
                          double               difficulty,
                          HepFsrsRating        rating)
{
  const double *w = params->weights;
  double delta = -w[6] * ((int) rating - 3);
  double damped = difficulty + (10.0 - difficulty) * delta / 9.0;
  double target = initial_difficulty_unclamped (params, HEP_FSRS_RATING_EASY);

  return clamp_difficulty (w[7] * target + (1.0 - w[7]) * damped);
}

double
hep_fsrs_recall_stability (const HepFsrsParams *params,
                           double               difficulty,
                           double               stability,
                           double               retrievability,
                           HepFsrsRating        rating)
{
  const double *w = params->weights;
  double hard_penalty = rating == HEP_FSRS_RATING_HARD ? w[15] : 1.0;
  double easy_bonus = rating == HEP_FSRS_RATING_EASY ? w[16] : 1.0;

  return clamp_stability (stability * (1.0 + exp (w[8]) * (11.0 - difficulty)
                                             * pow (stability, -w[9])
                                             * (exp ((1.0 - retrievability) * w[10]) - 1.0)
                                             * hard_penalty * easy_bonus));
}

double
hep_fsrs_forget_stability (const HepFsrsParams *params,
                           double               difficulty,
                           double               stability,
                           double               retrievability)
{
  const double *w = params->weights;
  double long_term = w[11] * pow (difficulty, -w[12]) * (pow (stability + 1.0, w[13]) - 1.0)
                     * exp ((1.0 - retrievability) * w[14]);
  double short_term = stability / exp (w[17] * w[18]);

  return clamp_stability (MIN (long_term, short_term));
}

double
hep_fsrs_short_term_stability (const HepFsrsParams *params,
                               double               stability,
                               HepFsrsRating        rating)
{
  const double *w = params->weights;
  double increase = exp (w[17] * ((int) rating - 3 + w[18])) * pow (stability, -w[19]);

  if (rating >= HEP_FSRS_RATING_GOOD)
    increase = MAX (increase, 1.0);
  return clamp_stability (stability * increase);
}

int
hep_fsrs_next_interval (const HepFsrsParams *params,
                        double               stability)
{
  double days = stability / factor (params) * (pow (params->desired_retention, 1.0 / decay (params)) - 1.0);

  /* whole days, rounded half to even as the reference does (rint in the
   * default rounding mode); at least one day, at most the maximum */
  days = rint (days);
  if (!(days >= 1.0))
    return 1;
  if (days >= params->maximum_interval)
    return params->maximum_interval;
  return (int) days;
}

/* ---- the card ------------------------------------------------------------- */

gint64
hep_fsrs_elapsed_days (gint64 from,
                       gint64 to)
{
  if (to <= from)
    return 0;
  return (to - from) / HEP_FSRS_SECONDS_PER_DAY;
}

void
hep_fsrs_card_init (HepFsrsCard *card,
                    gint64       now)
{
  *card = (HepFsrsCard) { 0, };
  card->state = HEP_FSRS_STATE_NEW;
  card->due = now;
}

double
hep_fsrs_card_retrievability (const HepFsrsParams *params,
                              const HepFsrsCard   *card,
                              gint64               now)
{
  if (card->state == HEP_FSRS_STATE_NEW)
    return 0.0;
  return hep_fsrs_forgetting_curve (params, hep_fsrs_elapsed_days (card->last_review, now),
                                    card->stability);
}

/* The interval of a learning or relearning step: again goes back to the
 * first step; hard stays on its step, waiting 1.5 × the only step or, on
 * the first of several, the mean of the first two; good moves on. Returns
 * FALSE when the card graduates to review. Times are whole seconds: half a
 * second (1.5 × or the mean of steps of an odd number of seconds) is
 * dropped, where the reference keeps microseconds. */
static gboolean
step_interval (const gint64  *steps,
               guint          n_steps,
               HepFsrsCard   *card,
               HepFsrsRating  rating,
               gint64        *seconds)
{
  /* no steps, or a card left on a step beyond the last (steps were
   * removed since): anything but again graduates */
  if (n_steps == 0 || (card->step >= n_steps && rating != HEP_FSRS_RATING_AGAIN))
    return FALSE;

  switch (rating)
    {
    case HEP_FSRS_RATING_AGAIN:
      card->step = 0;
      *seconds = steps[0];
      return TRUE;
    case HEP_FSRS_RATING_HARD:
      if (card->step == 0 && n_steps == 1)
        *seconds = steps[0] * 3 / 2;
      else if (card->step == 0)
        *seconds = (steps[0] + steps[1]) / 2;
      else
        *seconds = steps[card->step];
      return TRUE;
    case HEP_FSRS_RATING_GOOD:
      if (card->step + 1 >= n_steps)
        return FALSE;
      card->step++;
      *seconds = steps[card->step];
      return TRUE;
    case HEP_FSRS_RATING_EASY:
    default:
      return FALSE;
    }
}

/* The state machine of the reference scheduler:
 *
 * - new (the reference's learning card without a memory state): S0 and D0,
 *   then as learning on step 0;
 * - learning and relearning: S and D updated (short-term stability within a
 *   day), then the step rules of step_interval; graduating makes the card a
 *   review card due in I(r, S) days;
 * - review: S and D updated; again sends the card to the first relearning
 *   step (or, without relearning steps, keeps it in review), the other
 *   ratings schedule it I(r, S) days on.
 */
void
hep_fsrs_review (const HepFsrsParams *params,
                 HepFsrsCard         *card,
                 HepFsrsRating        rating,
                 gint64               now)
{
  gint64 seconds = 0;
  gboolean same_day;

  g_return_if_fail (rating >= HEP_FSRS_RATING_AGAIN && rating <= HEP_FSRS_RATING_EASY);

  same_day = hep_fsrs_elapsed_days (card->last_review, now) < 1;

  if (card->state == HEP_FSRS_STATE_NEW)
    {
      card->stability = hep_fsrs_initial_stability (params, rating);
      card->difficulty = hep_fsrs_initial_difficulty (params, rating);
      card->state = HEP_FSRS_STATE_LEARNING;
      card->step = 0;
    }
  else
    {
      if (same_day)
        card->stability = hep_fsrs_short_term_stability (params, card->stability, rating);
      else
        {
          double r = hep_fsrs_card_retrievability (params, card, now);

          if (rating == HEP_FSRS_RATING_AGAIN)
            card->stability = hep_fsrs_forget_stability (params, card->difficulty, card->stability, r);
          else
            card->stability = hep_fsrs_recall_stability (params, card->difficulty, card->stability, r, rating);
        }
      card->difficulty = hep_fsrs_next_difficulty (params, card->difficulty, rating);
    }

  switch (card->state)
    {
    case HEP_FSRS_STATE_LEARNING:
      if (!step_interval (params->learning_steps, params->n_learning_steps, card, rating, &seconds))
        card->state = HEP_FSRS_STATE_REVIEW;
      break;
    case HEP_FSRS_STATE_RELEARNING:
      if (!step_interval (params->relearning_steps, params->n_relearning_steps, card, rating, &seconds))
        card->state = HEP_FSRS_STATE_REVIEW;
      break;
    case HEP_FSRS_STATE_REVIEW:
      if (rating == HEP_FSRS_RATING_AGAIN && params->n_relearning_steps > 0)
        {
          card->state = HEP_FSRS_STATE_RELEARNING;
          card->step = 0;
          seconds = params->relearning_steps[0];
        }
      break;
    case HEP_FSRS_STATE_NEW:
    default:
      g_assert_not_reached ();
    }

  /* a review card, however it got there, waits whole days */
  if (card->state == HEP_FSRS_STATE_REVIEW)
    {
      card->step = 0;
      seconds = hep_fsrs_next_interval (params, card->stability) * HEP_FSRS_SECONDS_PER_DAY;
    }

  card->last_review = now;
  card->due = now + seconds;
}

/* ---- names ------------------------------------------------------------------ */

const char *
hep_fsrs_state_to_string (HepFsrsState state)
{
  switch (state)
    {
    case HEP_FSRS_STATE_NEW:        return "new";
    case HEP_FSRS_STATE_LEARNING:   return "learning";
    case HEP_FSRS_STATE_REVIEW:     return "review";
    case HEP_FSRS_STATE_RELEARNING: return "relearning";
    default:                        return NULL;
    }
}

static const char * const rating_names[] = { NULL, "again", "hard", "good", "easy" };

const char *
hep_fsrs_rating_to_string (HepFsrsRating rating)
{
  if (rating < HEP_FSRS_RATING_AGAIN || rating > HEP_FSRS_RATING_EASY)
    return NULL;
  return rating_names[rating];
}

gboolean
hep_fsrs_rating_from_string (const char    *text,
                             HepFsrsRating *rating)
{
  for (int r = HEP_FSRS_RATING_AGAIN; r <= HEP_FSRS_RATING_EASY; r++)
    if (g_strcmp0 (text, rating_names[r]) == 0)
      {
        *rating = r;
        return TRUE;
      }
  return FALSE;
}
