/* test-feature-state.c: the shared feature state notifies once per real change
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hep-feature-state.h"

typedef struct {
  guint features;
  guint base;
  guint modified;
} Counts;

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           Counts     *counts)
{
  if (g_str_equal (pspec->name, "features"))
    counts->features++;
  else if (g_str_equal (pspec->name, "base"))
    counts->base++;
  else if (g_str_equal (pspec->name, "modified"))
    counts->modified++;
}

static void
test_state_notifies_on_change_only (void)
{
  g_autoptr(HepFeatureState) state = hep_feature_state_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *changes = NULL;
  Counts counts = { 0, };
  HepFeatureSet case_features;

  g_signal_connect (state, "notify", G_CALLBACK (notify_cb), &counts);

  hep_feature_set_init (&case_features);
  g_assert_true (hep_feature_set_parse (&case_features, "risk=cirrhosis size=15 aphe=nonrim capsule", NULL));
  hep_feature_state_load (state, &case_features);
  g_assert_cmpuint (counts.features, ==, 1);
  g_assert_cmpuint (counts.base, ==, 1);
  g_assert_cmpuint (counts.modified, ==, 0);
  g_assert_false (hep_feature_state_get_modified (state));

  /* a toggle: one notify of features, one of modified */
  hep_feature_state_set_value (state, HEP_FEATURE_WASHOUT, 1);
  g_assert_cmpuint (counts.features, ==, 2);
  g_assert_cmpuint (counts.modified, ==, 1);
  g_assert_true (hep_feature_state_get_modified (state));

  /* setting the same value again: nothing */
  hep_feature_state_set_value (state, HEP_FEATURE_WASHOUT, 1);
  g_assert_cmpuint (counts.features, ==, 2);

  /* another change while modified: features only */
  g_assert_true (hep_feature_state_apply_tokens (state, "-capsule size=20", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.features, ==, 3);
  g_assert_cmpuint (counts.modified, ==, 1);
  changes = hep_feature_state_dup_changes (state);
  g_assert_cmpstr (changes, ==, "size=20 washout -capsule");

  /* bad tokens change nothing */
  g_assert_false (hep_feature_state_apply_tokens (state, "washout bogus", &error));
  g_assert_error (error, HEP_FEATURE_ERROR, HEP_FEATURE_ERROR_UNKNOWN_TOKEN);
  g_assert_cmpuint (counts.features, ==, 3);

  /* reset to the case */
  hep_feature_state_reset (state);
  g_assert_cmpuint (counts.features, ==, 4);
  g_assert_cmpuint (counts.modified, ==, 2);
  g_assert_true (hep_feature_set_equal (hep_feature_state_get_features (state), &case_features));
  g_clear_pointer (&changes, g_free);
  changes = hep_feature_state_dup_changes (state);
  g_assert_cmpstr (changes, ==, "");

  g_signal_handlers_disconnect_by_func (state, notify_cb, &counts);
  g_assert_finalize_object (g_steal_pointer (&state));
}

static void
test_state_load_while_modified (void)
{
  g_autoptr(HepFeatureState) state = hep_feature_state_new ();
  Counts counts = { 0, };
  HepFeatureSet a, b;

  hep_feature_set_init (&a);
  hep_feature_set_parse (&a, "risk=hbv size=30", NULL);
  hep_feature_set_init (&b);
  hep_feature_set_parse (&b, "risk=none size=8 no-enhancement", NULL);

  hep_feature_state_load (state, &a);
  hep_feature_state_set_value (state, HEP_FEATURE_TIV, 1);
  g_signal_connect (state, "notify", G_CALLBACK (notify_cb), &counts);

  /* loading another case drops the user's edits and says so once */
  hep_feature_state_load (state, &b);
  g_assert_cmpuint (counts.features, ==, 1);
  g_assert_cmpuint (counts.base, ==, 1);
  g_assert_cmpuint (counts.modified, ==, 1);
  g_assert_false (hep_feature_state_get_modified (state));
  g_assert_true (hep_feature_set_equal (hep_feature_state_get_features (state), &b));
  g_signal_handlers_disconnect_by_func (state, notify_cb, &counts);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/feature-state/notifies-on-change-only", test_state_notifies_on_change_only);
  g_test_add_func ("/feature-state/load-while-modified", test_state_load_while_modified);
  return g_test_run ();
}
