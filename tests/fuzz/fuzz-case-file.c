/* fuzz-case-file.c: libFuzzer harness of the .case file parser
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any bytes are a case file; a parse either fails with a clean one-line
 * error, or gives a case that validates and writes back to a file that
 * parses to an equal case.
 */

#include "config.h"

#include <string.h>

#include "hep-core.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HepCase) c = NULL;

  if (size > 256 * 1024)
    return 0;
  c = hep_case_source_parse ((const char *) data, size, &error);
  if (c == NULL)
    {
      g_assert_nonnull (error);
      for (const char *p = error->message; *p; p++)
        g_assert_true ((guchar) *p >= 0x20 && (guchar) *p != 0x7f);
      return 0;
    }
  g_assert_true (hep_case_source_validate (c, NULL));
  {
    gsize length = 0;
    g_autofree char *written = hep_case_source_to_data (c, &length);
    g_autoptr(HepCase) again = hep_case_source_parse (written, length, NULL);

    g_assert_nonnull (again);
    g_assert_true (hep_case_equal (c, again));
  }
  return 0;
}
