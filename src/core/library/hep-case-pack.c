/* hep-case-pack.c: one file to share cases between teachers
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hep-case-pack.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "hep-case-source.h"
#include "hep-text.h"

G_DEFINE_QUARK (hep-case-pack-error-quark, hep_case_pack_error)

#define HEADER_LINE "[" HEP_CASE_PACK_HEADER "]\n"

static const char * const header_keys[] = { "Format", "Count", "Generator", "Created", "Checksum", NULL };

void
hep_case_pack_info_clear (HepCasePackInfo *info)
{
  g_clear_pointer (&info->generator, g_free);
  g_clear_pointer (&info->created, g_free);
}

/* SHA-256 of the whole file except its one "Checksum=" line, which must
 * be in the header (before @body_start). */
static char *
pack_checksum (const char  *data,
               gsize        length,
               gsize        body_start,
               GError     **error)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  gsize line_start = 0, line_end = 0;
  guint found = 0;

  for (gsize i = 0; i < body_start; )
    {
      const char *nl = memchr (data + i, '\n', body_start - i);
      gsize end = nl ? (gsize) (nl - data) + 1 : body_start;

      if (g_str_has_prefix (data + i, "Checksum="))
        {
          found++;
          line_start = i;
          line_end = end;
        }
      i = end;
    }
  if (found != 1)
    {
      g_set_error (error, HEP_CASE_PACK_ERROR, HEP_CASE_PACK_ERROR_DAMAGED,
                   _("The case pack header must have exactly one checksum line; it is damaged or incomplete"));
      return NULL;
    }
  g_checksum_update (sum, (const guchar *) data, line_start);
  g_checksum_update (sum, (const guchar *) data + line_end, length - line_end);
  return g_strdup (g_checksum_get_string (sum));
}

/* Where the body (the first group after the header) starts: the first
 * "[" at the start of a line after the header line. */
static gsize
find_body (const char *data,
           gsize       length)
{
  for (gsize i = strlen (HEADER_LINE); i < length; i++)
    if (data[i] == '[' && data[i - 1] == '\n')
      return i;
  return length;
}

/* "Case ID", "Findings ID" or "Image ID N": the ID, or NULL. */
static char *
group_case_id (const char *group)
{
  const char *rest;

  if (g_str_has_prefix (group, "Case "))
    return g_strdup (group + 5);
  if (g_str_has_prefix (group, "Findings "))
    return g_strdup (group + 9);
  if (g_str_has_prefix (group, "Image "))
    {
      rest = group + 6;
      if (strchr (rest, ' ') == NULL)
        return NULL;
      return g_strndup (rest, strchr (rest, ' ') - rest);
    }
  return NULL;
}

static gboolean
parse_header (const char       *data,
              gsize             length,
              gsize             body_start,
              HepCasePackInfo  *info,
              char            **sum,
              GError          **error)
{
  g_autoptr(GKeyFile) header = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) keys = NULL;
  g_autofree char *format = NULL, *count = NULL;
  guint64 value;

  if (!g_key_file_load_from_data (header, data, body_start, G_KEY_FILE_NONE, &local_error))
    {
      g_autofree char *shown = hep_escape_for_message (local_error->message, 200);

      g_set_error (error, HEP_CASE_PACK_ERROR, HEP_CASE_PACK_ERROR_HEADER,
                   _("The case pack header cannot be read: %s"), shown);
      return FALSE;
    }
  keys = g_key_file_get_keys (header, HEP_CASE_PACK_HEADER, NULL, NULL);
  for (guint i = 0; keys && keys[i]; i++)
    if (!g_strv_contains (header_keys, keys[i]))
      {
        g_autofree char *shown = hep_escape_for_message (keys[i], 80);

        g_set_error (error, HEP_CASE_PACK_ERROR, HEP_CASE_PACK_ERROR_HEADER,
                     _("Unknown key “%s” in the case pack header"), shown);
        return FALSE;
      }

  format = g_key_file_get_string (header, HEP_CASE_PACK_HEADER, "Format", NULL);
  if (format == NULL)
    {
      g_set_error (error, HEP_CASE_PACK_ERROR, HEP_CASE_PACK_ERROR_HEADER,
                   _("The case pack header has no “Format”"));
      return FALSE;
    }
  if (!g_ascii_string_to_unsigned (format, 10, 1, G_MAXINT, &value, NULL))
    {
      g_autofree char *shown = hep_escape_for_message (format, 80);

      g_set_error (error, HEP_CASE_PACK_ERROR, HEP_CASE_PACK_ERROR_HEADER,
                   _("Bad case pack format “%s”"), shown);
      return FALSE;
    }
  if (value != HEP_CASE_PACK_FORMAT)
    {
      g_set_error (error, HEP_CASE_PACK_ERROR, HEP_CASE_PACK_ERROR_VERSION,
                   _("The case pack has format %" G_GUINT64_FORMAT "; this version of Hepatica reads format %d"),
                   value, HEP_CASE_PACK_FORMAT);
      return FALSE;
    }
  info->format = (int) value;

  count = g_key_file_get_string (header, HEP_CASE_PACK_HEADER, "Count", NULL);
  if (count == NULL || !g_ascii_string_to_unsigned (count, 10, 0, G_MAXINT, &value, NULL))
    {
      g_set_error (error, HEP_CASE_PACK_ERROR, HEP_CASE_PACK_ERROR_HEADER,
                   _("The case pack header has no valid “Count”"));
      return FALSE;
    }
  if (value > HEP_CASE_PACK_MAX_CASES)
    {
      g_set_error (error, HEP_CASE_PACK_ERROR, HEP_CASE_PACK_ERROR_TOO_MANY,
                   _("The case pack holds %" G_GUINT64_FORMAT " cases; the limit is %d"), value,
                   HEP_CASE_PACK_MAX_CASES);
      return FALSE;
    }
  info->count = (guint) value;
  info->generator = g_key_file_get_string (header, HEP_CASE_PACK_HEADER, "Generator", NULL);
  info->created = g_key_file_get_string (header, HEP_CASE_PACK_HEADER, "Created", NULL);

  *sum = g_key_file_get_string (header, HEP_CASE_PACK_HEADER, "Checksum", NULL);
  if (*sum == NULL || strlen (*sum) != 64)
    {
      g_set_error (error, HEP_CASE_PACK_ERROR, HEP_CASE_PACK_ERROR_DAMAGED,
                   _("The case pack has no valid checksum; it is damaged or incomplete"));
      return FALSE;
    }
  return TRUE;
}

GPtrArray *
hep_case_pack_parse (const char       *data,
                     gsize             length,
                     HepCasePackInfo  *info_out,
                     GError          **error)
{
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) n_images = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *sum = NULL, *actual = NULL;
  g_auto(GStrv) groups = NULL;
  HepCasePackInfo info = { 0, };
  const char *end;
  gsize body_start;

  if (length > HEP_CASE_PACK_MAX_SIZE)
    {
      g_set_error (error, HEP_CASE_PACK_ERROR, HEP_CASE_PACK_ERROR_TOO_LARGE,
                   _("The case pack is %zu bytes; the limit is %d MiB"), length,
                   HEP_CASE_PACK_MAX_SIZE / (1024 * 1024));
      return NULL;
    }
  if (length >= strlen (HEADER_LINE) + 1 &&
      memcmp (data, "[" HEP_CASE_PACK_HEADER "]\r\n", strlen (HEADER_LINE) + 1) == 0)
    {
      g_set_error (error, HEP_CASE_PACK_ERROR, HEP_CASE_PACK_ERROR_DAMAGED,
                   _("The case pack is damaged: its line endings were converted to CRLF on the way"));
      return NULL;
    }
  if (length < strlen (HEADER_LINE) || memcmp (data, HEADER_LINE, strlen (HEADER_LINE)) != 0)
    {
      g_set_error (error, HEP_CASE_PACK_ERROR, HEP_CASE_PACK_ERROR_NOT_A_PACK,
                   _("Not a Hepatica case pack: it must start with “[%s]”"), HEP_CASE_PACK_HEADER);
      return NULL;
    }
  if (!g_utf8_validate (data, length, &end))
    {
      g_set_error (error, HEP_CASE_PACK_ERROR, HEP_CASE_PACK_ERROR_NOT_A_PACK,
                   _("The case pack is not valid UTF-8 text (at byte %zu)"), (gsize) (end - data));
      return NULL;
    }

  body_start = find_body (data, length);
  if (!parse_header (data, length, body_start, &info, &sum, error))
    {
      hep_case_pack_info_clear (&info);
      return NULL;
    }
  actual = pack_checksum (data, length, body_start, error);
  if (actual == NULL)
    {
      hep_case_pack_info_clear (&info);
      return NULL;
    }
  if (g_ascii_strcasecmp (actual, sum) != 0)
    {
      hep_case_pack_info_clear (&info);
      g_set_error (error, HEP_CASE_PACK_ERROR, HEP_CASE_PACK_ERROR_DAMAGED,
                   _("The case pack is damaged, incomplete or was edited: its checksum does not match"));
      return NULL;
    }

  /* GKeyFile merges repeated groups and keys: the text is checked first
   * (a second header group is a repeated group too) */
  {
    g_autoptr(GError) lines_error = NULL;

    if (!hep_case_source_check_lines (data, length, &lines_error))
      {
        g_set_error (error, HEP_CASE_PACK_ERROR,
                     g_error_matches (lines_error, HEP_CASE_SOURCE_ERROR, HEP_CASE_SOURCE_ERROR_DUPLICATE)
                       ? HEP_CASE_PACK_ERROR_DUPLICATE : HEP_CASE_PACK_ERROR_CASE,
                     _("The case pack is invalid: %s"), lines_error->message);
        hep_case_pack_info_clear (&info);
        return NULL;
      }
  }

  /* the case groups in the order of the text */
  for (gsize i = body_start; i < length; )
    {
      const char *line = data + i;
      const char *nl = memchr (line, '\n', length - i);
      gsize line_len = nl ? (gsize) (nl - line) : length - i;

      i += line_len + 1;
      if (line_len > 0 && line[line_len - 1] == '\r')
        line_len--;
      if (line_len > 6 && g_str_has_prefix (line, "[Case ") && line[line_len - 1] == ']')
        {
          char *id = g_strndup (line + 6, line_len - 7);

          if (!g_hash_table_add (ids, id))
            {
              g_autofree char *shown = hep_escape_for_message (id, 80);

              g_set_error (error, HEP_CASE_PACK_ERROR, HEP_CASE_PACK_ERROR_DUPLICATE,
                           _("The case id “%s” appears twice in the pack"), shown);
              hep_case_pack_info_clear (&info);
              return NULL;
            }
          g_ptr_array_add (order, g_strdup (id));
          if (order->len > HEP_CASE_PACK_MAX_CASES)
            {
              g_set_error (error, HEP_CASE_PACK_ERROR, HEP_CASE_PACK_ERROR_TOO_MANY,
                           _("The case pack holds more than %d cases"), HEP_CASE_PACK_MAX_CASES);
              hep_case_pack_info_clear (&info);
              return NULL;
            }
        }
    }
  if (order->len != info.count)
    {
      g_set_error (error, HEP_CASE_PACK_ERROR, HEP_CASE_PACK_ERROR_COUNT,
                   _("The case pack header says %u cases, but it holds %u"), info.count, order->len);
      hep_case_pack_info_clear (&info);
      return NULL;
    }

  g_key_file_set_list_separator (key_file, '|');
  if (!g_key_file_load_from_data (key_file, data, length, G_KEY_FILE_NONE, &local_error))
    {
      g_autofree char *shown = hep_escape_for_message (local_error->message, 200);

      g_set_error (error, HEP_CASE_PACK_ERROR, HEP_CASE_PACK_ERROR_CASE,
                   _("The case pack cannot be read: %s"), shown);
      hep_case_pack_info_clear (&info);
      return NULL;
    }
  /* one pass over the groups: each belongs to a case, and each case's image
   * groups are counted here rather than by a pass per case */
  groups = g_key_file_get_groups (key_file, NULL);
  for (guint i = 0; groups[i]; i++)
    {
      g_autofree char *id = NULL;

      if (g_str_equal (groups[i], HEP_CASE_PACK_HEADER))
        continue;
      id = group_case_id (groups[i]);
      if (id != NULL && g_str_has_prefix (groups[i], "Image ") && g_hash_table_contains (ids, id))
        {
          gpointer n = g_hash_table_lookup (n_images, id);

          g_hash_table_insert (n_images, g_strdup (id), GINT_TO_POINTER (GPOINTER_TO_INT (n) + 1));
        }
      if (id == NULL || !g_hash_table_contains (ids, id))
        {
          g_autofree char *shown = hep_escape_for_message (groups[i], 80);

          g_set_error (error, HEP_CASE_PACK_ERROR, HEP_CASE_PACK_ERROR_STRAY_GROUP,
                       _("The group [%s] belongs to no case of the pack"), shown);
          hep_case_pack_info_clear (&info);
          return NULL;
        }
    }

  for (guint i = 0; i < order->len; i++)
    {
      const char *id = order->pdata[i];
      HepCase *c = hep_case_source_parse_key_file_full (key_file, id,
                                                        GPOINTER_TO_INT (g_hash_table_lookup (n_images, id)),
                                                        &local_error);

      if (c == NULL)
        {
          g_autofree char *shown = hep_escape_for_message (id, 80);

          g_set_error (error, HEP_CASE_PACK_ERROR, HEP_CASE_PACK_ERROR_CASE,
                       _("Case %u (“%s”) of the pack is invalid: %s"), i + 1, shown, local_error->message);
          hep_case_pack_info_clear (&info);
          return NULL;
        }
      g_ptr_array_add (cases, c);
    }

  if (info_out != NULL)
    *info_out = info;
  else
    hep_case_pack_info_clear (&info);
  return g_steal_pointer (&cases);
}

GPtrArray *
hep_case_pack_load_file (const char       *path,
                         HepCasePackInfo  *info,
                         GError          **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) file_info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  file_info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                 G_FILE_QUERY_INFO_NONE, NULL, error);
  if (file_info == NULL)
    return NULL;
  if (g_file_info_get_file_type (file_info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, _("“%s” is not a regular file"), path);
      return NULL;
    }
  if (g_file_info_get_size (file_info) > HEP_CASE_PACK_MAX_SIZE)
    {
      g_set_error (error, HEP_CASE_PACK_ERROR, HEP_CASE_PACK_ERROR_TOO_LARGE,
                   _("The case pack is %" G_GOFFSET_FORMAT " bytes; the limit is %d MiB"),
                   g_file_info_get_size (file_info), HEP_CASE_PACK_MAX_SIZE / (1024 * 1024));
      return NULL;
    }

  /* read at most one byte past the limit, whatever the size said */
  stream = g_file_read (file, NULL, error);
  if (stream == NULL)
    return NULL;
  data = g_malloc (HEP_CASE_PACK_MAX_SIZE + 2);
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), data, HEP_CASE_PACK_MAX_SIZE + 1, &length, NULL, error))
    return NULL;
  data[length] = '\0';
  return hep_case_pack_parse (data, length, info, error);
}

char *
hep_case_pack_write (GPtrArray   *cases,
                     const char  *generator,
                     const char  *created,
                     gsize       *length,
                     GError     **error)
{
  g_autoptr(GKeyFile) body_file = g_key_file_new ();
  g_autoptr(GKeyFile) header = g_key_file_new ();
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *body = NULL, *head = NULL, *sum = NULL;
  GString *out;
  gsize body_length = 0;

  if (cases->len > HEP_CASE_PACK_MAX_CASES)
    {
      g_set_error (error, HEP_CASE_PACK_ERROR, HEP_CASE_PACK_ERROR_TOO_MANY,
                   _("A case pack holds at most %d cases"), HEP_CASE_PACK_MAX_CASES);
      return NULL;
    }
  for (guint i = 0; i < cases->len; i++)
    {
      HepCase *c = cases->pdata[i];

      if (!hep_case_source_validate (c, error))
        return NULL;
      if (!g_hash_table_add (ids, (gpointer) hep_case_get_id (c)))
        {
          g_set_error (error, HEP_CASE_PACK_ERROR, HEP_CASE_PACK_ERROR_DUPLICATE,
                       _("The case id “%s” appears twice"), hep_case_get_id (c));
          return NULL;
        }
      hep_case_source_write_key_file (c, body_file, hep_case_get_id (c));
    }
  body = g_key_file_to_data (body_file, &body_length, NULL);

  g_key_file_set_integer (header, HEP_CASE_PACK_HEADER, "Format", HEP_CASE_PACK_FORMAT);
  g_key_file_set_integer (header, HEP_CASE_PACK_HEADER, "Count", (int) cases->len);
  if (generator)
    g_key_file_set_string (header, HEP_CASE_PACK_HEADER, "Generator", generator);
  if (created)
    g_key_file_set_string (header, HEP_CASE_PACK_HEADER, "Created", created);
  head = g_key_file_to_data (header, NULL, NULL);

  /* the checksum covers everything but its own line, which ends the header */
  out = g_string_new (head);
  g_string_append_c (out, '\n');
  g_string_append_len (out, body, body_length);
  sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) out->str, out->len);
  g_string_insert (out, strlen (head), "Checksum=");
  g_string_insert (out, strlen (head) + strlen ("Checksum="), sum);
  g_string_insert_c (out, strlen (head) + strlen ("Checksum=") + 64, '\n');
  if (out->len > HEP_CASE_PACK_MAX_SIZE)
    {
      g_set_error (error, HEP_CASE_PACK_ERROR, HEP_CASE_PACK_ERROR_TOO_LARGE,
                   _("The case pack would be %zu bytes; the limit is %d MiB"), out->len,
                   HEP_CASE_PACK_MAX_SIZE / (1024 * 1024));
      g_string_free (out, TRUE);
      return NULL;
    }
  if (length)
    *length = out->len;
  return g_string_free (out, FALSE);
}

gboolean
hep_case_pack_save_file (GPtrArray   *cases,
                         const char  *path,
                         const char  *generator,
                         const char  *created,
                         GError     **error)
{
  g_autofree char *data = NULL;
  gsize length;

  GStatBuf st;

  /* replace a regular file or nothing: not a symlink (whose target would
   * stay as it was while the link is replaced), a device, a FIFO or a folder */
  if (g_lstat (path, &st) == 0 && !S_ISREG (st.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("“%s” exists and is not a regular file; a case pack replaces only a regular file"), path);
      return FALSE;
    }
  data = hep_case_pack_write (cases, generator, created, &length, error);
  if (data == NULL)
    return FALSE;
  /* a temporary file in the same folder, renamed over the target once
   * complete: a reader sees the old pack or the new one, never half */
  return g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_CONSISTENT, 0644, error);
}

GPtrArray *
hep_case_pack_import_file (HepCaseStore  *store,
                           const char    *path,
                           gint64         now,
                           GError       **error)
{
  g_autoptr(GPtrArray) cases = hep_case_pack_load_file (path, NULL, error);

  if (cases == NULL)
    return NULL;
  return hep_case_store_import_cases (store, cases, now, error);
}
