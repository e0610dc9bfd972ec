/* test-settings.c: the compiled GSettings schema loads where the tests look
 * for it (style anchors P4) and has the keys the app relies on. (Summaries
 * are not in the compiled schema; tests/data/check-packaging.py checks them
 * in the XML.)
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>

#define SCHEMA_ID "io.github.hepatica.Hepatica"

static GSettingsSchema *
lookup_schema (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();

  g_assert_nonnull (source);
  return g_settings_schema_source_lookup (source, SCHEMA_ID, FALSE);
}

static void
test_schema_is_static (void)
{
  g_autoptr(GSettingsSchema) schema = lookup_schema ();

  /* The schema keeps the release id and path in every profile, so a .Devel
   * build shares the user's settings layout (P4). */
  g_assert_nonnull (schema);
  g_assert_cmpstr (g_settings_schema_get_id (schema), ==, SCHEMA_ID);
  g_assert_cmpstr (g_settings_schema_get_path (schema), ==, "/io/github/hepatica/Hepatica/");
}

static const struct {
  const char *key;
  const char *type;
  const char *default_value;
} keys[] = {
  { "window-width", "i", "1180" },
  { "window-height", "i", "760" },
  { "window-maximized", "b", "false" },
  { "last-case", "s", "''" },
  { "panel-layout", "as", "['lirads', 'next-step', 'differential', 'pitfalls', 'trace', 'sources']" },
  { "unknown-case-mode", "b", "false" },
  { "color-scheme", "s", "'default'" },
  { "sidebar-width", "i", "320" },
  { "diagram-theme-follows-style", "b", "true" },
  { "explore-found-on", "s", "'none'" },
  { "show-unrated-procedures", "b", "true" },
  { "quiz-seconds-per-question", "i", "90" },
  { "quiz-unfinished-exam", "as", "[]" },
  { "text-scale", "d", "1.0" },
};

static void
test_keys (void)
{
  g_autoptr(GSettingsSchema) schema = lookup_schema ();
  g_auto(GStrv) names = NULL;

  g_assert_nonnull (schema);
  names = g_settings_schema_list_keys (schema);
  g_assert_cmpuint (g_strv_length (names), ==, G_N_ELEMENTS (keys));

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autoptr(GSettingsSchemaKey) key = NULL;
      g_autoptr(GVariant) value = NULL;
      g_autofree char *printed = NULL;
      g_autofree char *type = NULL;

      g_test_message ("key %s", keys[i].key);
      g_assert_true (g_settings_schema_has_key (schema, keys[i].key));
      key = g_settings_schema_get_key (schema, keys[i].key);
      type = g_variant_type_dup_string (g_settings_schema_key_get_value_type (key));
      g_assert_cmpstr (type, ==, keys[i].type);
      value = g_settings_schema_key_get_default_value (key);
      printed = g_variant_print (value, FALSE);
      g_assert_cmpstr (printed, ==, keys[i].default_value);
    }
}

/* The enum's numeric values are what the app maps onto AdwColorScheme, so
 * their order is part of the contract. */
static void
test_color_scheme (void)
{
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);

  g_assert_cmpint (g_settings_get_enum (settings, "color-scheme"), ==, 0);
  g_assert_true (g_settings_set_string (settings, "color-scheme", "light"));
  g_assert_cmpint (g_settings_get_enum (settings, "color-scheme"), ==, 1);
  g_assert_true (g_settings_set_string (settings, "color-scheme", "dark"));
  g_assert_cmpint (g_settings_get_enum (settings, "color-scheme"), ==, 2);
}

static gboolean
in_range (GSettingsSchemaKey *key,
          GVariant           *value)
{
  g_autoptr(GVariant) owned = g_variant_ref_sink (value);

  return g_settings_schema_key_range_check (key, owned);
}

static void
test_ranges (void)
{
  g_autoptr(GSettingsSchema) schema = lookup_schema ();
  g_autoptr(GSettingsSchemaKey) width = NULL;
  g_autoptr(GSettingsSchemaKey) scheme = NULL;
  g_autoptr(GSettingsSchemaKey) layout = NULL;
  const char *const bad_sections[] = { "lirads", "radiology", NULL };
  const char *const good_sections[] = { "next-step", "trace", "sources", NULL };

  g_assert_nonnull (schema);
  width = g_settings_schema_get_key (schema, "sidebar-width");
  g_assert_false (in_range (width, g_variant_new_int32 (199)));
  g_assert_true (in_range (width, g_variant_new_int32 (200)));
  g_assert_true (in_range (width, g_variant_new_int32 (800)));
  g_assert_false (in_range (width, g_variant_new_int32 (801)));

  scheme = g_settings_schema_get_key (schema, "color-scheme");
  g_assert_false (in_range (scheme, g_variant_new_string ("sepia")));

  layout = g_settings_schema_get_key (schema, "panel-layout");
  g_assert_false (in_range (layout, g_variant_new_strv (bad_sections, -1)));
  g_assert_true (in_range (layout, g_variant_new_strv (good_sections, -1)));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/settings/schema-is-static", test_schema_is_static);
  g_test_add_func ("/settings/keys", test_keys);
  g_test_add_func ("/settings/color-scheme", test_color_scheme);
  g_test_add_func ("/settings/ranges", test_ranges);

  return g_test_run ();
}
