/* fuzz-pack-import.c: libFuzzer harness of case-pack reading and import
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any bytes are a pack. A checksum line is recomputed first (as a careful
 * forger would), so that the fuzzer gets past it to the format checks; the
 * cases (and the deck) of a pack that reads are imported into an in-memory
 * store, all or nothing.
 */

#include "config.h"

#include <string.h>

#include "hep-core.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static HepCaseStore *store;

/* @text with its header's Checksum line made right, if it has one. */
static void
resign (GString *text)
{
  const char *line = strstr (text->str, "\nChecksum=");
  const char *end;
  gsize start, stop;
  g_autoptr(GString) rest = NULL;
  g_autofree char *sum = NULL;

  if (line == NULL || (end = strchr (line + 1, '\n')) == NULL || end - line - 1 != 9 + 64)
    return;
  start = line - text->str + 1;
  stop = end - text->str + 1;
  rest = g_string_new_len (text->str, start);
  g_string_append_len (rest, text->str + stop, text->len - stop);
  sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) rest->str, rest->len);
  memcpy (text->str + start + 9, sum, 64);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GString) text = g_string_new_len ((const char *) data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(HepDeckImportResult) deck_result = NULL;
  HepCasePackInfo info = { 0, };
  guint before;

  if (store == NULL)
    {
      store = hep_case_store_new (":memory:", "", &error);
      g_assert_no_error (error);
    }
  resign (text);
  cases = hep_case_pack_parse (text->str, text->len, &info, &error);
  if (cases == NULL)
    {
      g_assert_nonnull (error);
      for (const char *p = error->message; *p; p++)
        g_assert_true ((guchar) *p >= 0x20 && (guchar) *p != 0x7f);
      return 0;
    }
  before = g_list_model_get_n_items (G_LIST_MODEL (store));
  results = hep_case_store_import_cases_with_deck (store, cases, info.deck, 1780000000, &deck_result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, cases->len);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), >=, before);
  if (info.deck != NULL)
    {
      /* what was read is what is stored, each case under the id it got */
      g_assert_nonnull (deck_result);
      g_assert_true (hep_deck_check_name (deck_result->deck->name, NULL));
      g_assert_cmpuint (hep_deck_get_n_cases (deck_result->deck), ==, g_strv_length (info.deck->case_ids));
      for (guint i = 0; info.deck->case_ids[i] != NULL; i++)
        for (guint j = 0; j < results->len; j++)
          {
            HepCaseImportResult *r = results->pdata[j];

            if (g_str_equal (r->id, info.deck->case_ids[i]))
              g_assert_cmpstr (deck_result->deck->case_ids[i], ==, r->new_id);
          }
    }
  else
    g_assert_null (deck_result);
  hep_case_pack_info_clear (&info);
  return 0;
}
