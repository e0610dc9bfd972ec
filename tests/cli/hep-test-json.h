/* hep-test-json.h: a JSON reader for tests (JSON → GVariant)
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Parsed by json-glib. Objects become a{sv}, arrays av, strings s, numbers d,
 * booleans b and null the empty maybe "mv". Anything json-glib cannot parse
 * is an error, so a test that parses CLI output also checks that it is JSON.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

GVariant   *hep_test_json_parse        (const char *text,
                                        GError    **error);
/* Members by path: "steps/0/rule". Returns a borrowed-free new ref or NULL. */
GVariant   *hep_test_json_get          (GVariant   *root,
                                        const char *path);
const char *hep_test_json_get_string   (GVariant   *root,
                                        const char *path);
gboolean    hep_test_json_is_null      (GVariant   *root,
                                        const char *path);

/* Runs the CLI ($HEPATICA_CLI) with @argv (NULL-terminated, without the
 * program), returns its exit status and captures stdout/stderr. */
int         hep_test_run_cli           (const char * const *argv,
                                        char              **out,
                                        char              **err);

G_END_DECLS
