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
static const char * const deck_keys[] = { "Name", "Notes", "Cases", NULL };

void
hep_case_pack_info_clear (HepCasePackInfo *info)
{
  g_clear_pointer (&info->generator, g_free);
  g_clear_pointer (&info->created, g_free);
  g_clear_pointer (&info->deck, hep_deck_free);
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
  if (value > HEP_CASE_PACK_FORMAT)
    {
      g_set_error (error, HEP_CASE_PACK_ERROR, HEP_CASE_PACK_ERROR_VERSION,
                   _("The case pack has format %" G_GUINT64_FORMAT "; this version of Hepatica reads formats 1 to %d"),
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

/* The [Deck] group: known keys only, a valid name and notes, and every
 * case of the pack (@order) once in Cases. */
static HepDeck *
parse_deck (GKeyFile    *key_file,
            int          format,
            GHashTable  *ids,
            GPtrArray   *order,
            GError     **error)
{
  g_autoptr(HepDeck) deck = g_new0 (HepDeck, 1);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) keys = NULL;
  gsize n = 0;

  if (format < HEP_CASE_PACK_FORMAT_DECK)
    {
      g_set_error (error, HEP_CASE_PACK_ERROR, HEP_CASE_PACK_ERROR_DECK,
                   _("The case pack has a [%s] group, which format %d does not have"), HEP_CASE_PACK_DECK, format);
      return NULL;
    }
  keys = g_key_file_get_keys (key_file, HEP_CASE_PACK_DECK, NULL, NULL);
  for (guint i = 0; keys && keys[i]; i++)
    if (!g_strv_contains (deck_keys, keys[i]))
      {
        g_autofree char *shown = hep_escape_for_message (keys[i], 80);

        g_set_error (error, HEP_CASE_PACK_ERROR, HEP_CASE_PACK_ERROR_DECK,
                     _("Unknown key “%s” in the [%s] group of the case pack"), shown, HEP_CASE_PACK_DECK);
        return NULL;
      }

  /* GKeyFile returns a value and an error for a bad escape: the error decides */
  deck->name = g_key_file_get_string (key_file, HEP_CASE_PACK_DECK, "Name", &local_error);
  if (g_error_matches (local_error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_KEY_NOT_FOUND))
    {
      g_set_error (error, HEP_CASE_PACK_ERROR, HEP_CASE_PACK_ERROR_DECK,
                   _("The [%s] group of the case pack has no “Name”"), HEP_CASE_PACK_DECK);
      return NULL;
    }
  if (local_error != NULL || !hep_deck_check_name (deck->name, &local_error))
    goto invalid;
  g_strstrip (deck->name);
  deck->notes = g_key_file_get_string (key_file, HEP_CASE_PACK_DECK, "Notes", &local_error);
  if (g_error_matches (local_error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_KEY_NOT_FOUND))
    g_clear_error (&local_error);
  if (local_error != NULL || !hep_deck_check_notes (deck->notes, &local_error))
    goto invalid;
  if (deck->notes != NULL && *deck->notes == '\0')
    g_clear_pointer (&deck->notes, g_free);

  deck->case_ids = g_key_file_get_string_list (key_file, HEP_CASE_PACK_DECK, "Cases", &n, &local_error);
  if (g_error_matches (local_error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_KEY_NOT_FOUND))
    {
      g_set_error (error, HEP_CASE_PACK_ERROR, HEP_CASE_PACK_ERROR_DECK,
                   _("The [%s] group of the case pack has no “Cases”"), HEP_CASE_PACK_DECK);
      return NULL;
    }
  if (local_error != NULL || deck->case_ids == NULL)
    {
      if (local_error == NULL)
        g_set_error_literal (&local_error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE, "Cases");
      goto invalid;
    }
  if (n == 0)
    {
      g_set_error (error, HEP_CASE_PACK_ERROR, HEP_CASE_PACK_ERROR_DECK,
                   _("The deck of the case pack lists no cases"));
      return NULL;
    }
  for (gsize i = 0; i < n; i++)
    {
      g_autofree char *shown = hep_escape_for_message (deck->case_ids[i], 80);

      if (!g_hash_table_contains (ids, deck->case_ids[i]))
        {
          g_set_error (error, HEP_CASE_PACK_ERROR, HEP_CASE_PACK_ERROR_DECK,
                       _("The deck of the case pack names the case “%s”, which is not in the pack"), shown);
          return NULL;
        }
      if (!g_hash_table_add (seen, deck->case_ids[i]))
        {
          g_set_error (error, HEP_CASE_PACK_ERROR, HEP_CASE_PACK_ERROR_DECK,
                       _("The deck of the case pack names the case “%s” twice"), shown);
          return NULL;
        }
    }
  for (guint i = 0; i < order->len; i++)
    if (!g_hash_table_contains (seen, order->pdata[i]))
      {
        g_autofree char *shown = hep_escape_for_message (order->pdata[i], 80);

        g_set_error (error, HEP_CASE_PACK_ERROR, HEP_CASE_PACK_ERROR_DECK,
                     _("The deck of the case pack leaves out its case “%s”"), shown);
        return NULL;
      }
  return g_steal_pointer (&deck);

invalid:
  {
    g_autofree char *shown = hep_escape_for_message (local_error->message, 200);

    g_set_error (error, HEP_CASE_PACK_ERROR, HEP_CASE_PACK_ERROR_DECK,
                 _("The deck of the case pack is invalid: %s"), shown);
    return NULL;
  }
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
  gboolean has_deck = FALSE;
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
      if (g_str_equal (groups[i], HEP_CASE_PACK_DECK))
        {
          has_deck = TRUE;
          continue;
        }
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

  if (has_deck)
    {
      info.deck = parse_deck (key_file, info.format, ids, order, error);
      if (info.deck == NULL)
        {
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
  return hep_case_pack_write_full (cases, NULL, generator, created, length, error);
}

/* The writer's side of parse_deck(): what it would refuse is not written. */
static gboolean
check_deck_for_writing (const HepDeck  *deck,
                        GHashTable     *ids,
                        GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = deck->case_ids ? g_strv_length (deck->case_ids) : 0;

  if (!hep_deck_check_name (deck->name, &local_error) || !hep_deck_check_notes (deck->notes, &local_error))
    {
      g_set_error (error, HEP_CASE_PACK_ERROR, HEP_CASE_PACK_ERROR_DECK,
                   _("The deck cannot be written to a case pack: %s"), local_error->message);
      return FALSE;
    }
  if (n == 0)
    {
      g_set_error (error, HEP_CASE_PACK_ERROR, HEP_CASE_PACK_ERROR_DECK, _("The deck has no cases"));
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    if (!g_hash_table_contains (ids, deck->case_ids[i]) || !g_hash_table_add (seen, deck->case_ids[i]))
      {
        g_autofree char *shown = hep_escape_for_message (deck->case_ids[i], 80);

        g_set_error (error, HEP_CASE_PACK_ERROR, HEP_CASE_PACK_ERROR_DECK,
                     _("The deck’s case “%s” is not written once with it"), shown);
        return FALSE;
      }
  if (g_hash_table_size (seen) != g_hash_table_size (ids))
    {
      g_set_error (error, HEP_CASE_PACK_ERROR, HEP_CASE_PACK_ERROR_DECK,
                   _("A case pack with a deck holds the deck’s cases and no others"));
      return FALSE;
    }
  return TRUE;
}

char *
hep_case_pack_write_full (GPtrArray      *cases,
                          const HepDeck  *deck,
                          const char     *generator,
                          const char     *created,
                          gsize          *length,
                          GError        **error)
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
    if (!g_hash_table_add (ids, (gpointer) hep_case_get_id (cases->pdata[i])))
      {
        g_set_error (error, HEP_CASE_PACK_ERROR, HEP_CASE_PACK_ERROR_DUPLICATE,
                     _("The case id “%s” appears twice"), hep_case_get_id (cases->pdata[i]));
        return NULL;
      }
  /* the deck first, so that a reader sees it at the top */
  if (deck != NULL)
    {
      g_autofree char *name = NULL;

      if (!check_deck_for_writing (deck, ids, error))
        return NULL;
      name = g_strstrip (g_strdup (deck->name));
      g_key_file_set_list_separator (body_file, '|');
      g_key_file_set_string (body_file, HEP_CASE_PACK_DECK, "Name", name);
      if (deck->notes != NULL && *deck->notes != '\0')
        g_key_file_set_string (body_file, HEP_CASE_PACK_DECK, "Notes", deck->notes);
      g_key_file_set_string_list (body_file, HEP_CASE_PACK_DECK, "Cases",
                                  (const char * const *) deck->case_ids, g_strv_length (deck->case_ids));
    }
  for (guint i = 0; i < cases->len; i++)
    {
      HepCase *c = cases->pdata[i];

      if (!hep_case_source_validate (c, error))
        return NULL;
      hep_case_source_write_key_file (c, body_file, hep_case_get_id (c));
    }
  body = g_key_file_to_data (body_file, &body_length, NULL);

  /* format 1 without a deck, so that older versions read it */
  g_key_file_set_integer (header, HEP_CASE_PACK_HEADER, "Format", deck != NULL ? HEP_CASE_PACK_FORMAT_DECK : 1);
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
  return hep_case_pack_save_file_full (cases, NULL, path, generator, created, error);
}

gboolean
hep_case_pack_save_file_full (GPtrArray      *cases,
                              const HepDeck  *deck,
                              const char     *path,
                              const char     *generator,
                              const char     *created,
                              GError        **error)
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
  data = hep_case_pack_write_full (cases, deck, generator, created, &length, error);
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
  return hep_case_pack_import_file_full (store, path, now, NULL, error);
}

GPtrArray *
hep_case_pack_import_file_full (HepCaseStore         *store,
                                const char           *path,
                                gint64                now,
                                HepDeckImportResult **deck_result,
                                GError              **error)
{
  HepCasePackInfo info = { 0, };
  g_autoptr(GPtrArray) cases = hep_case_pack_load_file (path, &info, error);
  GPtrArray *results;

  if (deck_result != NULL)
    *deck_result = NULL;
  if (cases == NULL)
    return NULL;
  results = hep_case_store_import_cases_with_deck (store, cases, info.deck, now, deck_result, error);
  hep_case_pack_info_clear (&info);
  return results;
}
