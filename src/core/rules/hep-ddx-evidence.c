/* hep-ddx-evidence.c: what a differential's result says: the evidence for
 * and against each diagnosis, and what separates the first two
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * hep-ddx.c ranks; this file reads a ranking back, with the grades of the
 * rows that held (spec §5.3, §5.3a).
 */

#include "config.h"

#include "hep-ddx-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

const HepDdxEntry *
hep_ddx_result_find (const HepDdxResult *result,
                     HepDdxDiagnosis     diagnosis,
                     guint              *rank)
{
  g_return_val_if_fail (result != NULL, NULL);

  for (guint i = 0; i < HEP_N_DDX; i++)
    {
      if (result->ranking[i].diagnosis == diagnosis)
        {
          if (rank != NULL)
            *rank = i;
          return &result->ranking[i];
        }
    }
  g_return_val_if_reached (NULL);
}

/* The evidence of one row for @diagnosis as it counted in @result. */
static HepDdxEvidence
evidence_for (const HepDdxResult *result,
              const HepDdxRow    *row,
              HepDdxDiagnosis     diagnosis)
{
  HepDdxEvidence e = { row, HEP_DDX_GRADE_NA, FALSE, FALSE };

  e.context = hep_ddx_row_is_context (row);
  e.grade = _hep_ddx_cell_grade (row, diagnosis, result->small_lesion);
  e.lowered = e.context && e.grade != _hep_ddx_cell_grade (row, diagnosis, FALSE);
  return e;
}

/* Row @i of the matrix rows followed by the context rows, if it holds in
 * @result; NULL if it does not. */
static const HepDdxRow *
holding_row (const HepDdxResult *result,
             guint               i)
{
  if (i < _hep_ddx_n_rows)
    return (result->rows >> i) & 1u ? &_hep_ddx_rows[i] : NULL;
  i -= _hep_ddx_n_rows;
  return (result->contexts >> i) & 1u ? &_hep_ddx_context_rows[i] : NULL;
}

guint
hep_ddx_collect_evidence (const HepDdxResult *result,
                          HepDdxDiagnosis     diagnosis,
                          int                 sign,
                          HepDdxEvidence     *out,
                          guint               max)
{
  guint n = 0;

  g_return_val_if_fail (result != NULL, 0);
  g_return_val_if_fail ((guint) diagnosis < HEP_N_DDX, 0);

  for (guint i = 0; i < _hep_ddx_n_rows + HEP_N_DDX_CONTEXTS && n < max; i++)
    {
      const HepDdxRow *row = holding_row (result, i);
      HepDdxEvidence e;
      int points;

      if (row == NULL)
        continue;
      e = evidence_for (result, row, diagnosis);
      points = hep_ddx_grade_get_points (e.grade);
      if ((sign > 0 && points <= 0) || (sign < 0 && points >= 0) || (sign == 0 && points != 0))
        continue;
      out[n++] = e;
    }
  return n;
}

/* Inserts @e into @out (at most @max, largest @diff first). */
static void
insert_by_difference (HepDdxEvidence *out,
                      int            *diffs,
                      guint          *n,
                      guint           max,
                      HepDdxEvidence  e,
                      int             diff)
{
  guint j = *n < max ? (*n)++ : max;

  if (j == max && (max == 0 || diffs[max - 1] >= diff))
    return;
  if (j == max)
    j = max - 1;
  while (j > 0 && diffs[j - 1] < diff)
    {
      out[j] = out[j - 1];
      diffs[j] = diffs[j - 1];
      j--;
    }
  out[j] = e;
  diffs[j] = diff;
}

guint
hep_ddx_separate_top_two (const HepDdxResult *result,
                          HepDdxEvidence     *out_for,
                          guint              *n_against,
                          HepDdxEvidence     *out_against,
                          guint               max)
{
  HepDdxDiagnosis a, b;
  int diff_for[HEP_DDX_MAX_EVIDENCE], diff_against[HEP_DDX_MAX_EVIDENCE];
  guint n_for = 0, n_ag = 0;

  g_return_val_if_fail (result != NULL, 0);
  g_return_val_if_fail (max <= HEP_DDX_MAX_EVIDENCE, 0);

  a = result->ranking[0].diagnosis;
  b = result->ranking[1].diagnosis;
  for (guint i = 0; i < _hep_ddx_n_rows + HEP_N_DDX_CONTEXTS; i++)
    {
      const HepDdxRow *row = holding_row (result, i);
      HepDdxEvidence ea, eb;
      int diff;

      if (row == NULL)
        continue;
      ea = evidence_for (result, row, a);
      eb = evidence_for (result, row, b);
      diff = hep_ddx_grade_get_points (ea.grade) - hep_ddx_grade_get_points (eb.grade);

      if (diff > 0)
        insert_by_difference (out_for, diff_for, &n_for, max, ea, diff);
      else if (diff < 0 && out_against != NULL)
        insert_by_difference (out_against, diff_against, &n_ag, max, ea, -diff);
    }
  if (n_against != NULL)
    *n_against = n_ag;
  return n_for;
}

/* "Nonrim APHE" → "nonrim APHE", "Hepatocellular carcinoma" →
 * "hepatocellular carcinoma"; a leading acronym ("HBP …") stays. */
static char *
lower_first (const char *label)
{
  char *text = g_strdup (label);

  if (g_ascii_isupper (text[0]) && text[1] != '\0' && !g_ascii_isupper (text[1]))
    text[0] = g_ascii_tolower (text[0]);
  return text;
}

static void
append_separating (GString              *s,
                   const HepDdxResult   *result,
                   const HepDdxEvidence *ev,
                   guint                 n)
{
  HepDdxDiagnosis b = result->ranking[1].diagnosis;

  for (guint i = 0; i < n; i++)
    {
      HepDdxEvidence eb = evidence_for (result, ev[i].row, b);
      g_autofree char *label = lower_first (g_dgettext (GETTEXT_PACKAGE, ev[i].row->label));

      /* TRANSLATORS: one separating row, e.g. "known malignancy, hypervascular
       * primary (context ++/−)" or "nonrim APHE (+/++)" */
      g_string_append_printf (s, ev[i].context ? _("%s%s (context %s/%s)") : _("%s%s (%s/%s)"),
                              i > 0 ? ", " : "", label,
                              hep_ddx_grade_to_string (ev[i].grade), hep_ddx_grade_to_string (eb.grade));
    }
}

char *
hep_ddx_describe_top_two (const HepDdxResult *result)
{
  HepDdxEvidence pro[4], con[4];
  guint n_pro, n_con = 0;
  const HepDdxEntry *a, *b;
  GString *s;
  g_autofree char *second = NULL;

  g_return_val_if_fail (result != NULL, NULL);

  a = &result->ranking[0];
  b = &result->ranking[1];
  n_pro = hep_ddx_separate_top_two (result, pro, &n_con, con, G_N_ELEMENTS (pro));
  second = lower_first (hep_ddx_diagnosis_get_label (b->diagnosis));
  s = g_string_new (NULL);
  /* TRANSLATORS: "Hypervascular metastasis over hepatocellular carcinoma (score 6 vs 5)" */
  g_string_append_printf (s, _("%s over %s (score %d vs %d)"), hep_ddx_diagnosis_get_label (a->diagnosis),
                          second, a->score, b->score);
  if (a->pinned_by >= 0 && a->pinned_by != b->pinned_by)
    g_string_append_printf (s, _(": hard rule “%s”"), hep_ddx_hard_rule_get_title (a->pinned_by));
  else if (a->score == b->score && n_pro == 0)
    g_string_append (s, _(": equal scores, fixed order of last resort"));
  if (n_pro > 0)
    {
      g_string_append (s, a->pinned_by >= 0 && a->pinned_by != b->pinned_by ? "; " : ": ");
      append_separating (s, result, pro, n_pro);
    }
  if (n_con > 0)
    {
      g_string_append (s, _("; against: "));
      append_separating (s, result, con, n_con);
    }
  return g_string_free (s, FALSE);
}
