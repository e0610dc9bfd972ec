/* hep-build-library.c: builds the bundled case library from .case files
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: hep-build-library OUTPUT.db CASE-FILE...
 *
 * Validates every case file (the build fails naming the first bad file),
 * refuses duplicate ids, and writes a fresh database with the current
 * schema. Run by meson at build time; not installed.
 */

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <glib/gstdio.h>

#include "hep-case-db-private.h"
#include "hep-case-source.h"
#include "hep-db.h"
#include "hep-migrations.h"

static int
fail (const char *format,
      ...) G_GNUC_PRINTF (1, 2);

static int
fail (const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list ap;

  va_start (ap, format);
  message = g_strdup_vprintf (format, ap);
  va_end (ap);
  fprintf (stderr, "hep-build-library: %s\n", message);
  return 1;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  g_autoptr(HepDb) db = NULL;
  g_autofree char *tmp = NULL;
  const char *output;

  setlocale (LC_ALL, "C.UTF-8");
  if (argc < 2)
    return fail ("usage: hep-build-library OUTPUT.db CASE-FILE...");
  output = argv[1];

  for (int i = 2; i < argc; i++)
    {
      HepCase *c = hep_case_source_load_file (argv[i], &error);
      const char *other;

      if (c == NULL)
        return fail ("%s", error->message);
      other = g_hash_table_lookup (ids, hep_case_get_id (c));
      if (other != NULL)
        return fail ("%s: the id “%s” is used by %s too", argv[i], hep_case_get_id (c), other);
      g_hash_table_insert (ids, (gpointer) hep_case_get_id (c), argv[i]);
      g_ptr_array_add (cases, c);
    }

  tmp = g_strconcat (output, ".tmp", NULL);
  g_unlink (tmp);
  db = hep_db_open (tmp, HEP_DB_OPEN_CREATE, &error);
  if (db == NULL ||
      !hep_migrations_run (db, &error) ||
      !hep_db_begin (db, &error))
    return fail ("%s", error->message);
  for (guint i = 0; i < cases->len; i++)
    if (!hep_case_db_insert (db, cases->pdata[i], NULL, &error))
      return fail ("%s: %s", argv[i + 2], error->message);
  if (!hep_db_commit (db, &error) ||
      !hep_db_exec (db, "INSERT INTO case_fts (case_fts) VALUES ('optimize')", &error) ||
      !hep_db_exec (db, "VACUUM", &error))
    return fail ("%s", error->message);
  g_clear_object (&db);

  if (g_rename (tmp, output) != 0)
    return fail ("cannot write %s: %s", output, g_strerror (errno));
  return 0;
}
