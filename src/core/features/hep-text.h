/* hep-text.h: text checks and escapes shared by every parser of input
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every error message that quotes input (a token, a case id, a header
 * value, a file's line) quotes it through hep_escape_for_message(), so that
 * no terminal escape, control character or bidi override reaches a
 * terminal or a log from a file someone else wrote.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @text made safe to quote in one line of a message: invalid UTF-8 bytes
 * become \xNN, C0 and C1 controls and DEL become \xNN or \u0085, bidi
 * embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) become
 * \u202e; cut to @max_chars characters (0: no
 * limit) with "…". NULL gives "". Escaping twice changes nothing more, so
 * a message may be escaped where it is built and again where it is shown. */
char     *hep_escape_for_message  (const char *text,
                                   gsize       max_chars);

/* TRUE if @ch must not appear in a one-line field: a C0 or C1 control,
 * DEL, or a bidi embedding, override or isolate. With @multiline, tab and
 * newline are allowed. */
gboolean  hep_text_char_is_unsafe (gunichar    ch,
                                   gboolean    multiline);
/* The first unsafe character of valid UTF-8 @text, or 0. */
gunichar  hep_text_find_unsafe    (const char *text,
                                   gboolean    multiline);

G_END_DECLS
