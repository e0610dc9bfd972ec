/* hep-test-damage.h: a user database, and a bit flipped in it
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "hep-test-cases.h"

#define HEP_TEST_NOW G_GINT64_CONSTANT (1780000000)
#define HEP_TEST_N_CASES 40

/* A user database at @path with HEP_TEST_N_CASES cases (copies of a fixture case,
 * enough for several leaf pages), quiz answers and review states; closed,
 * so that everything is in the main file. */
static inline void
hep_test_make_user_db (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HepCaseStore) store = hep_case_store_new (path, "", &error);
  g_autoptr(HepCase) base = hep_test_load_case ("fx-fnh-scar");

  g_assert_no_error (error);
  for (guint i = 0; i < HEP_TEST_N_CASES; i++)
    {
      g_autoptr(HepCase) c = hep_case_copy (base);
      g_autofree char *id = g_strdup_printf ("case-%03u", i);
      HepQuizAttempt attempt = { id, "diagnosis", NULL, "fnh", "fnh", TRUE, 1.0, 3, 5000, HEP_TEST_NOW + i };
      HepReviewState state = { HEP_REVIEW_ITEM_CASE, id, (char *) "review", HEP_TEST_NOW + 86400, 1.0, 2.5,
                               -1, -1, 1, 0, HEP_TEST_NOW };

      hep_case_set_id (c, id);
      g_assert_true (hep_case_store_create_case (store, c, HEP_TEST_NOW, &error));
      g_assert_true (hep_case_store_record_attempt (store, &attempt, &error));
      g_assert_true (hep_case_store_put_review_state (store, &state, &error));
      g_assert_no_error (error);
    }
}

static inline int
hep_test_raw_int (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int value = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

/* Flips one bit in the page-type byte of the first leaf page under the
 * cases table's root: the rows before it and after it stay readable. */
static inline void
hep_test_flip_bit_in_cases_page (const char *path)
{
  int page_size = hep_test_raw_int (path, "PRAGMA page_size");
  int root = hep_test_raw_int (path, "SELECT rootpage FROM sqlite_schema WHERE name = 'cases'");
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  guchar *page;
  guint32 child;

  g_assert_true (g_file_get_contents (path, &data, &length, &error));
  page = (guchar *) data + (gsize) (root - 1) * page_size;
  g_assert_cmpint (page[0], ==, 0x05);   /* an interior table page: the cases span leaves */
  {
    guint cell = (page[12] << 8) | page[13];   /* the first cell pointer */

    child = ((guint32) page[cell] << 24) | (page[cell + 1] << 16) | (page[cell + 2] << 8) | page[cell + 3];
  }
  page = (guchar *) data + (gsize) (child - 1) * page_size;
  g_assert_cmpint (page[0], ==, 0x0d);   /* a leaf table page */
  page[0] ^= 0x40;
  g_assert_true (g_file_set_contents (path, data, length, &error));
}

