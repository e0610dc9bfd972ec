/* hep-case-db.c: reading and writing case rows (core-internal)
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hep-case-db-private.h"
#include "hep-case-spoilers.h"

#include <string.h>

static const char * const text_kinds[] = { "teaching-point", "pitfall", "reference" };

static const char * const *
case_texts (HepCase *c,
            guint    kind)
{
  switch (kind)
    {
    case 0: return hep_case_get_teaching_points (c);
    case 1: return hep_case_get_pitfalls (c);
    default: return hep_case_get_references (c);
    }
}

static char *
join_spoilers (guint mask)
{
  GString *s = g_string_new (NULL);

  for (guint bit = 0; (1u << bit) <= HEP_CASE_SPOILER_ALL; bit++)
    if (mask & (1u << bit))
      {
        if (s->len)
          g_string_append_c (s, ' ');
        g_string_append (s, hep_case_spoiler_to_string (1u << bit));
      }
  return g_string_free (s, FALSE);
}

static guint
parse_spoilers (const char *text)
{
  g_auto(GStrv) names = g_strsplit (text ? text : "", " ", -1);
  guint mask = 0;

  for (guint i = 0; names[i]; i++)
    {
      HepCaseSpoiler spoiler;

      if (hep_case_spoiler_from_string (names[i], &spoiler))
        mask |= spoiler;
    }
  return mask;
}

static char *
joined (const char * const *list,
        const char         *separator)
{
  return g_strjoinv (separator, (char **) list);
}

/* The text unknown-case mode shows, in its own index (hep-case-spoilers.h). */
static gboolean
insert_open_text (HepDb    *db,
                  HepCase  *c,
                  gint64    case_pk,
                  GError  **error)
{
  g_autofree char *open_text = hep_case_dup_open_text (c);
  HepDbStatement *stmt;

  stmt = hep_db_get_statement (db, "INSERT INTO main.case_open_fts (rowid, text) VALUES (?1, ?2)", error);
  if (stmt == NULL)
    return FALSE;
  hep_db_statement_bind_int (stmt, 1, case_pk);
  hep_db_statement_bind_text (stmt, 2, open_text);
  return hep_db_statement_run (stmt, error);
}

gboolean
hep_case_db_insert (HepDb    *db,
                    HepCase  *c,
                    gint64   *pk,
                    GError  **error)
{
  HepDbStatement *stmt;
  g_autofree char *features = hep_case_dup_features_string (c);
  g_autofree char *spoilers = join_spoilers (hep_case_get_spoilers (c));
  g_autofree char *tags_text = joined (hep_case_get_tags (c), " ");
  g_autoptr(GString) findings = g_string_new (NULL);
  g_autoptr(GString) teaching = g_string_new (NULL);
  g_autofree char *history = NULL;
  g_autofree char *diagnosis = NULL;
  HepSex sex = hep_case_get_sex (c);
  int age = hep_case_get_age (c), size = hep_case_get_size (c);
  gint64 case_pk;

  stmt = hep_db_get_statement (db,
    "INSERT INTO main.cases (id, title, age, sex, history, presentation, found_on, size_mm, features,"
    " diagnosis, proof, certainty, lirads, difficulty, language, spoilers, author, license,"
    " derived_from, modified, outcome)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)",
    error);
  if (stmt == NULL)
    return FALSE;
  hep_db_statement_bind_text (stmt, 1, hep_case_get_id (c));
  hep_db_statement_bind_text (stmt, 2, hep_case_get_title (c));
  if (age >= 0)
    hep_db_statement_bind_int (stmt, 3, age);
  else
    hep_db_statement_bind_null (stmt, 3);
  hep_db_statement_bind_text (stmt, 4, sex == HEP_SEX_F ? "f" : sex == HEP_SEX_M ? "m" : NULL);
  hep_db_statement_bind_text (stmt, 5, hep_case_get_history (c));
  hep_db_statement_bind_text (stmt, 6, hep_case_get_presentation (c));
  hep_db_statement_bind_text (stmt, 7, hep_case_get_found_on (c));
  if (size >= 0)
    hep_db_statement_bind_int (stmt, 8, size);
  else
    hep_db_statement_bind_null (stmt, 8);
  hep_db_statement_bind_text (stmt, 9, features);
  hep_db_statement_bind_text (stmt, 10, hep_case_get_diagnosis (c));
  hep_db_statement_bind_text (stmt, 11, hep_case_get_proof (c));
  hep_db_statement_bind_text (stmt, 12, hep_case_get_certainty (c));
  hep_db_statement_bind_text (stmt, 13, hep_lirads_category_to_string (hep_case_get_lirads (c)));
  hep_db_statement_bind_int (stmt, 14, hep_case_get_difficulty (c));
  hep_db_statement_bind_text (stmt, 15, hep_case_get_language (c));
  hep_db_statement_bind_text (stmt, 16, spoilers);
  hep_db_statement_bind_text (stmt, 17, hep_case_get_author (c));
  hep_db_statement_bind_text (stmt, 18, hep_case_get_license (c));
  hep_db_statement_bind_text (stmt, 19, hep_case_get_derived_from (c));
  hep_db_statement_bind_int (stmt, 20, hep_case_get_modified (c));
  hep_db_statement_bind_text (stmt, 21, hep_case_get_outcome (c) ? hep_case_get_outcome (c) : "");
  if (!hep_db_statement_run (stmt, error))
    return FALSE;
  case_pk = hep_db_last_insert_rowid (db);

  stmt = hep_db_get_statement (db, "INSERT INTO main.case_finding (case_pk, phase, text) VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint p = 0; p < HEP_N_CASE_PHASES; p++)
    {
      const char *text = hep_case_get_findings (c, p);

      if (text == NULL)
        continue;
      hep_db_statement_reset (stmt);
      hep_db_statement_bind_int (stmt, 1, case_pk);
      hep_db_statement_bind_text (stmt, 2, hep_case_phase_to_key (p));
      hep_db_statement_bind_text (stmt, 3, text);
      if (!hep_db_statement_run (stmt, error))
        return FALSE;
      if (findings->len)
        g_string_append_c (findings, '\n');
      g_string_append (findings, text);
    }

  stmt = hep_db_get_statement (db, "INSERT INTO main.case_text (case_pk, kind, position, text) VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint k = 0; k < G_N_ELEMENTS (text_kinds); k++)
    {
      const char * const *list = case_texts (c, k);

      for (guint i = 0; list[i]; i++)
        {
          hep_db_statement_reset (stmt);
          hep_db_statement_bind_int (stmt, 1, case_pk);
          hep_db_statement_bind_text (stmt, 2, text_kinds[k]);
          hep_db_statement_bind_int (stmt, 3, i);
          hep_db_statement_bind_text (stmt, 4, list[i]);
          if (!hep_db_statement_run (stmt, error))
            return FALSE;
          if (k < 2)
            {
              if (teaching->len)
                g_string_append_c (teaching, '\n');
              g_string_append (teaching, list[i]);
            }
        }
    }

  stmt = hep_db_get_statement (db, "INSERT INTO main.case_tag (case_pk, tag, position) VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; hep_case_get_tags (c)[i]; i++)
    {
      hep_db_statement_reset (stmt);
      hep_db_statement_bind_int (stmt, 1, case_pk);
      hep_db_statement_bind_text (stmt, 2, hep_case_get_tags (c)[i]);
      hep_db_statement_bind_int (stmt, 3, i);
      if (!hep_db_statement_run (stmt, error))
        return FALSE;
    }

  stmt = hep_db_get_statement (db,
    "INSERT INTO main.case_image (case_pk, position, caption, phase, modality, file) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < hep_case_get_n_images (c); i++)
    {
      const HepCaseImage *image = hep_case_get_image (c, i);

      hep_db_statement_reset (stmt);
      hep_db_statement_bind_int (stmt, 1, case_pk);
      hep_db_statement_bind_int (stmt, 2, i);
      hep_db_statement_bind_text (stmt, 3, image->caption);
      hep_db_statement_bind_text (stmt, 4, image->phase);
      hep_db_statement_bind_text (stmt, 5, image->modality);
      hep_db_statement_bind_text (stmt, 6, image->file);
      if (!hep_db_statement_run (stmt, error))
        return FALSE;
    }

  /* the outcome is searched with the teaching text, never in unknown-case
   * mode (insert_open_text leaves it out, hep-case-spoilers.h) */
  if (hep_case_get_outcome (c) != NULL)
    {
      if (teaching->len)
        g_string_append_c (teaching, '\n');
      g_string_append (teaching, hep_case_get_outcome (c));
    }
  history = g_strconcat (hep_case_get_history (c), "\n", hep_case_get_presentation (c), NULL);
  /* the LI-RADS category only where it applies: "NA" is no search word */
  diagnosis = g_strconcat (hep_case_get_diagnosis (c), " ", hep_case_diagnosis_get_label (hep_case_get_diagnosis (c)),
                           hep_case_get_lirads (c) != HEP_LIRADS_NA ? " " : "",
                           hep_case_get_lirads (c) != HEP_LIRADS_NA ? hep_lirads_category_to_string (hep_case_get_lirads (c)) : "",
                           NULL);
  stmt = hep_db_get_statement (db,
    "INSERT INTO main.case_fts (rowid, title, diagnosis, tags, findings, history, teaching)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
  if (stmt == NULL)
    return FALSE;
  hep_db_statement_bind_int (stmt, 1, case_pk);
  hep_db_statement_bind_text (stmt, 2, hep_case_get_title (c));
  hep_db_statement_bind_text (stmt, 3, diagnosis);
  hep_db_statement_bind_text (stmt, 4, tags_text);
  hep_db_statement_bind_text (stmt, 5, findings->str);
  hep_db_statement_bind_text (stmt, 6, history);
  hep_db_statement_bind_text (stmt, 7, teaching->str);
  if (!hep_db_statement_run (stmt, error))
    return FALSE;
  if (!insert_open_text (db, c, case_pk, error))
    return FALSE;

  if (pk)
    *pk = case_pk;
  return TRUE;
}

gboolean
hep_case_db_delete (HepDb    *db,
                    gint64    pk,
                    GError  **error)
{
  HepDbStatement *stmt;

  stmt = hep_db_get_statement (db, "DELETE FROM main.case_fts WHERE rowid = ?1", error);
  if (stmt == NULL)
    return FALSE;
  hep_db_statement_bind_int (stmt, 1, pk);
  if (!hep_db_statement_run (stmt, error))
    return FALSE;
  stmt = hep_db_get_statement (db, "DELETE FROM main.case_open_fts WHERE rowid = ?1", error);
  if (stmt == NULL)
    return FALSE;
  hep_db_statement_bind_int (stmt, 1, pk);
  if (!hep_db_statement_run (stmt, error))
    return FALSE;
  stmt = hep_db_get_statement (db, "DELETE FROM main.cases WHERE pk = ?1", error);
  if (stmt == NULL)
    return FALSE;
  hep_db_statement_bind_int (stmt, 1, pk);
  return hep_db_statement_run (stmt, error);
}

static HepDbStatement *
get_statement (HepDb       *db,
               const char  *schema,
               const char  *format,
               GError     **error)
{
  g_autoptr(GString) sql = g_string_new (format);

  /* The schema is one of two fixed names, never user input. */
  g_return_val_if_fail (g_str_equal (schema, "main") || g_str_equal (schema, "lib"), NULL);
  g_string_replace (sql, "@S", schema, 0);
  return hep_db_get_statement (db, sql->str, error);
}

HepCase *
hep_case_db_load (HepDb       *db,
                  const char  *schema,
                  gint64       pk,
                  GError     **error)
{
  HepDbStatement *stmt;
  g_autoptr(HepCase) c = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GError) step_error = NULL;
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *lists[G_N_ELEMENTS (text_kinds)];
  HepFeatureSet features;
  HepLiradsCategory category = HEP_LIRADS_NA;
  gboolean has_row;

  stmt = get_statement (db, schema,
    "SELECT id, title, history, presentation, found_on, features, diagnosis, proof, certainty,"
    " lirads, difficulty, language, spoilers, author, license, derived_from, modified, outcome"
    " FROM @S.cases WHERE pk = ?1", error);
  if (stmt == NULL)
    return NULL;
  hep_db_statement_bind_int (stmt, 1, pk);
  if (!hep_db_statement_step (stmt, &has_row, error))
    return NULL;
  if (!has_row)
    {
      g_set_error (error, HEP_DB_ERROR, HEP_DB_ERROR_SQL, "no case row %" G_GINT64_FORMAT, pk);
      return NULL;
    }

  /* a NULL in a NOT NULL column is damage, not an empty value: the row is
   * not loaded (the columns are id … license, 0–14, in the SELECT above) */
  for (int col = 0; col <= 14; col++)
    if (hep_db_statement_is_null (stmt, col))
      {
        g_set_error (error, HEP_DB_ERROR, HEP_DB_ERROR_DAMAGED,
                     "case row %" G_GINT64_FORMAT " is damaged: a required column is empty", pk);
        hep_db_statement_reset (stmt);
        return NULL;
      }
  c = hep_case_new (hep_db_statement_get_text (stmt, 0));
  hep_feature_set_init (&features);
  /* stored by this program from a validated set; a damaged value loads as
   * the tokens that do parse */
  hep_feature_set_parse (&features, hep_db_statement_get_text (stmt, 5), &local_error);
  hep_lirads_category_from_string (hep_db_statement_get_text (stmt, 9), &category);
  g_object_set (c,
                "title", hep_db_statement_get_text (stmt, 1),
                "history", hep_db_statement_get_text (stmt, 2),
                "presentation", hep_db_statement_get_text (stmt, 3),
                "found-on", hep_db_statement_get_text (stmt, 4),
                "features", &features,
                "diagnosis", hep_db_statement_get_text (stmt, 6),
                "proof", hep_db_statement_get_text (stmt, 7),
                "certainty", hep_db_statement_get_text (stmt, 8),
                "lirads", (int) category,
                "difficulty", CLAMP ((int) hep_db_statement_get_int (stmt, 10), 1, 5),
                "language", hep_db_statement_get_text (stmt, 11),
                "spoilers", parse_spoilers (hep_db_statement_get_text (stmt, 12)),
                "author", hep_db_statement_get_text (stmt, 13),
                "license", hep_db_statement_get_text (stmt, 14),
                "derived-from", hep_db_statement_get_text (stmt, 15),
                "modified", hep_db_statement_get_int (stmt, 16),
                "outcome", hep_db_statement_get_text (stmt, 17),
                "origin", g_str_equal (schema, "lib") ? HEP_CASE_ORIGIN_BUNDLED : HEP_CASE_ORIGIN_USER,
                NULL);
  hep_db_statement_reset (stmt);

  stmt = get_statement (db, schema, "SELECT phase, text FROM @S.case_finding WHERE case_pk = ?1", error);
  if (stmt == NULL)
    return NULL;
  hep_db_statement_bind_int (stmt, 1, pk);
  while (hep_db_statement_step (stmt, &has_row, &step_error) && has_row)
    {
      HepCasePhase phase;

      if (hep_db_statement_is_null (stmt, 0) || hep_db_statement_is_null (stmt, 1))
        {
          hep_db_statement_reset (stmt);
          g_set_error (error, HEP_DB_ERROR, HEP_DB_ERROR_DAMAGED,
                       "case row %" G_GINT64_FORMAT " is damaged: a finding is empty", pk);
          return NULL;
        }
      if (hep_case_phase_from_key (hep_db_statement_get_text (stmt, 0), &phase))
        hep_case_set_findings (c, phase, hep_db_statement_get_text (stmt, 1));
    }
  if (step_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&step_error));
      return NULL;
    }

  stmt = get_statement (db, schema,
                        "SELECT kind, text FROM @S.case_text WHERE case_pk = ?1 ORDER BY kind, position", error);
  if (stmt == NULL)
    return NULL;
  hep_db_statement_bind_int (stmt, 1, pk);
  for (guint k = 0; k < G_N_ELEMENTS (text_kinds); k++)
    lists[k] = g_ptr_array_new_with_free_func (g_free);
  while (hep_db_statement_step (stmt, &has_row, &step_error) && has_row)
    {
      const char *kind = hep_db_statement_get_text (stmt, 0);

      if (kind == NULL || hep_db_statement_is_null (stmt, 1))
        continue;
      for (guint k = 0; k < G_N_ELEMENTS (text_kinds); k++)
        if (g_str_equal (kind, text_kinds[k]))
          g_ptr_array_add (lists[k], g_strdup (hep_db_statement_get_text (stmt, 1)));
    }
  if (step_error != NULL)
    {
      for (guint k = 0; k < G_N_ELEMENTS (text_kinds); k++)
        g_ptr_array_unref (lists[k]);
      g_propagate_error (error, g_steal_pointer (&step_error));
      return NULL;
    }
  for (guint k = 0; k < G_N_ELEMENTS (text_kinds); k++)
    g_ptr_array_add (lists[k], NULL);
  hep_case_set_teaching_points (c, (const char * const *) lists[0]->pdata);
  hep_case_set_pitfalls (c, (const char * const *) lists[1]->pdata);
  hep_case_set_references (c, (const char * const *) lists[2]->pdata);
  for (guint k = 0; k < G_N_ELEMENTS (text_kinds); k++)
    g_ptr_array_unref (lists[k]);

  stmt = get_statement (db, schema, "SELECT tag FROM @S.case_tag WHERE case_pk = ?1 ORDER BY position", error);
  if (stmt == NULL)
    return NULL;
  hep_db_statement_bind_int (stmt, 1, pk);
  while (hep_db_statement_step (stmt, &has_row, &step_error) && has_row)
    if (!hep_db_statement_is_null (stmt, 0))
      g_ptr_array_add (tags, g_strdup (hep_db_statement_get_text (stmt, 0)));
  if (step_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&step_error));
      return NULL;
    }
  g_ptr_array_add (tags, NULL);
  hep_case_set_tags (c, (const char * const *) tags->pdata);

  stmt = get_statement (db, schema,
                        "SELECT caption, phase, modality, file FROM @S.case_image WHERE case_pk = ?1 ORDER BY position",
                        error);
  if (stmt == NULL)
    return NULL;
  hep_db_statement_bind_int (stmt, 1, pk);
  while (hep_db_statement_step (stmt, &has_row, &step_error) && has_row)
    {
      g_autoptr(HepCaseImage) image = NULL;

      if (hep_db_statement_is_null (stmt, 0))
        continue;
      image = hep_case_image_new (hep_db_statement_get_text (stmt, 0), hep_db_statement_get_text (stmt, 1),
                                  hep_db_statement_get_text (stmt, 2), hep_db_statement_get_text (stmt, 3));
      hep_case_add_image (c, image);
    }
  if (step_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&step_error));
      return NULL;
    }

  return g_steal_pointer (&c);
}

gboolean
hep_case_db_find (HepDb       *db,
                  const char  *schema,
                  const char  *id,
                  gboolean    *found,
                  gint64      *pk,
                  GError     **error)
{
  HepDbStatement *stmt = get_statement (db, schema, "SELECT pk FROM @S.cases WHERE id = ?1", error);
  gboolean has_row;

  *found = FALSE;
  if (stmt == NULL)
    return FALSE;
  hep_db_statement_bind_text (stmt, 1, id);
  if (!hep_db_statement_step (stmt, &has_row, error))
    return FALSE;
  *found = has_row;
  if (has_row && pk)
    *pk = hep_db_statement_get_int (stmt, 0);
  hep_db_statement_reset (stmt);
  return TRUE;
}

/* Indexes the open text of every case of main that has none: the cases
 * written before schema version 3. In one transaction; a no-op (one query)
 * when every case is indexed. A row that cannot be loaded (damage) is left
 * for the store to name. */
gboolean
hep_case_db_index_open_text (HepDb   *db,
                             GError **error)
{
  g_autoptr(GArray) missing = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) step_error = NULL;
  HepDbStatement *stmt;
  gboolean has_row;

  stmt = hep_db_get_statement (db, "SELECT EXISTS (SELECT 1 FROM main.cases"
                               " WHERE pk NOT IN (SELECT rowid FROM main.case_open_fts))", error);
  if (stmt == NULL || !hep_db_statement_step (stmt, &has_row, error))
    return FALSE;
  if (!has_row || hep_db_statement_get_int (stmt, 0) == 0)
    {
      hep_db_statement_reset (stmt);
      return TRUE;
    }
  hep_db_statement_reset (stmt);

  /* read again what is missing inside the transaction: another process
   * opening the same database may have indexed it meanwhile */
  if (!hep_db_begin (db, error))
    return FALSE;
  stmt = hep_db_get_statement (db, "SELECT pk FROM main.cases"
                               " WHERE pk NOT IN (SELECT rowid FROM main.case_open_fts)", error);
  if (stmt == NULL)
    {
      hep_db_rollback (db);
      return FALSE;
    }
  while (hep_db_statement_step (stmt, &has_row, &step_error) && has_row)
    {
      gint64 pk = hep_db_statement_get_int (stmt, 0);
      g_array_append_val (missing, pk);
    }
  hep_db_statement_reset (stmt);
  if (step_error != NULL)
    {
      hep_db_rollback (db);
      g_propagate_error (error, g_steal_pointer (&step_error));
      return FALSE;
    }

  for (guint i = 0; i < missing->len; i++)
    {
      gint64 pk = g_array_index (missing, gint64, i);
      g_autoptr(HepCase) c = hep_case_db_load (db, "main", pk, NULL);

      /* a row that cannot be loaded is damage: the store leaves it out of
       * the list and names it; it does not stop the others */
      if (c == NULL)
        continue;
      if (!insert_open_text (db, c, pk, error))
        {
          hep_db_rollback (db);
          return FALSE;
        }
    }
  return hep_db_commit (db, error);
}
