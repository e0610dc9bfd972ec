/* test-json.c: the JSON writer emits valid, escaped, locale-independent JSON
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "hep-json.h"

static void
test_json_nesting_and_commas (void)
{
  g_autoptr(HepJson) json = hep_json_new ();
  g_autofree char *text = NULL;

  hep_json_begin_object (json);
  hep_json_member_string (json, "a", "x");
  hep_json_key (json, "list");
  hep_json_begin_array (json);
  hep_json_int (json, 1);
  hep_json_boolean (json, TRUE);
  hep_json_null (json);
  hep_json_begin_object (json);
  hep_json_end_object (json);
  hep_json_end_array (json);
  hep_json_member_int (json, "n", -3);
  hep_json_end_object (json);

  text = hep_json_free_to_string (g_steal_pointer (&json));
  g_assert_cmpstr (text, ==, "{\"a\":\"x\",\"list\":[1,true,null,{}],\"n\":-3}");
}

static void
test_json_escaping (void)
{
  g_autoptr(HepJson) json = hep_json_new ();
  g_autofree char *text = NULL;

  hep_json_begin_array (json);
  hep_json_string (json, "quote \" back \\ nl \n tab \t ctl \x01 é");
  hep_json_string (json, NULL);
  hep_json_end_array (json);
  text = hep_json_free_to_string (g_steal_pointer (&json));
  g_assert_cmpstr (text, ==, "[\"quote \\\" back \\\\ nl \\n tab \\t ctl \\u0001 é\",null]");
}

static void
test_json_invalid_utf8_is_repaired (void)
{
  g_autoptr(HepJson) json = hep_json_new ();
  g_autofree char *text = NULL;

  hep_json_begin_array (json);
  hep_json_string (json, "a\xff" "b");
  hep_json_end_array (json);
  text = hep_json_free_to_string (g_steal_pointer (&json));
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_true (g_str_has_prefix (text, "[\"a"));
}

static void
test_json_numbers_ignore_locale (void)
{
  g_autoptr(HepJson) json = hep_json_new ();
  g_autofree char *text = NULL;

  if (setlocale (LC_NUMERIC, "de_DE.UTF-8") == NULL)
    {
      /* The double must still be written with a dot; check the C path. */
      setlocale (LC_NUMERIC, "C");
    }
  hep_json_begin_array (json);
  hep_json_double (json, 0.5);
  hep_json_double (json, 1.0 / 0.0);
  hep_json_end_array (json);
  text = hep_json_free_to_string (g_steal_pointer (&json));
  setlocale (LC_NUMERIC, "C");
  g_assert_cmpstr (text, ==, "[0.5,null]");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/json/nesting-and-commas", test_json_nesting_and_commas);
  g_test_add_func ("/json/escaping", test_json_escaping);
  g_test_add_func ("/json/invalid-utf8", test_json_invalid_utf8_is_repaired);
  g_test_add_func ("/json/numbers-ignore-locale", test_json_numbers_ignore_locale);
  return g_test_run ();
}
