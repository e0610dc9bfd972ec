/* hep-provenance.c
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hep-provenance.h"

#include <glib/gi18n-lib.h>

/* Stable ids for JSON and the database. */
const char *
hep_provenance_to_string (HepProvenance provenance)
{
  switch (provenance)
    {
    case HEP_PROVENANCE_PRIMARY:     return "primary";
    case HEP_PROVENANCE_SECONDARY:   return "secondary";
    case HEP_PROVENANCE_UNCONFIRMED: return "unconfirmed";
    case HEP_PROVENANCE_DESIGN:      return "design";
    default:                         g_return_val_if_reached ("unconfirmed");
    }
}

const char *
hep_provenance_get_label (HepProvenance provenance)
{
  switch (provenance)
    {
    case HEP_PROVENANCE_PRIMARY:     return _("Confirmed in the primary source");
    case HEP_PROVENANCE_SECONDARY:   return _("From a secondary source");
    case HEP_PROVENANCE_UNCONFIRMED: return _("Unverified");
    case HEP_PROVENANCE_DESIGN:      return _("Teaching convention of this app");
    default:                         g_return_val_if_reached (_("Unverified"));
    }
}

gboolean
hep_provenance_is_verified (HepProvenance provenance)
{
  return provenance == HEP_PROVENANCE_PRIMARY || provenance == HEP_PROVENANCE_SECONDARY;
}
