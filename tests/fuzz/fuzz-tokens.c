/* fuzz-tokens.c: libFuzzer harness of the feature-token parser
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any bytes are a token string; a parse either fails with an error whose
 * message is one clean line, or gives a set that writes back to tokens
 * that parse to the same set.
 */

#include "config.h"

#include <string.h>

#include "hep-core.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(GError) error = NULL;
  HepFeatureSet set, again;

  hep_feature_set_init (&set);
  if (!hep_feature_set_parse (&set, text, &error))
    {
      g_assert_nonnull (error);
      for (const char *p = error->message; *p; p++)
        g_assert_true ((guchar) *p >= 0x20 && (guchar) *p != 0x7f);
      return 0;
    }
  {
    g_autofree char *written = hep_feature_set_to_string (&set);

    hep_feature_set_init (&again);
    g_assert_true (hep_feature_set_parse (&again, written, NULL));
    g_assert_true (hep_feature_set_equal (&set, &again));
  }
  return 0;
}
