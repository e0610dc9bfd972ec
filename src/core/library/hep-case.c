/* hep-case.c: one teaching case of the case library
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hep-case.h"
#include "hep-case-spoilers.h"

#include "hep-ddx.h"

#include <glib/gi18n-lib.h>
#include <stddef.h>

struct _HepCase
{
  GObject        parent_instance;

  char          *id;
  char          *title;
  char          *history;
  char          *presentation;
  char          *found_on;
  char          *diagnosis;
  char          *proof;
  char          *outcome;
  char          *certainty;
  char          *language;
  char          *author;
  char          *license;
  char          *derived_from;
  HepFeatureSet  features;
  char          *findings[HEP_N_CASE_PHASES];
  GStrv          tags;
  GStrv          teaching_points;
  GStrv          pitfalls;
  GStrv          references;
  GPtrArray     *images;          /* HepCaseImage */
  HepLiradsCategory lirads;
  int            difficulty;
  guint          spoilers;
  HepCaseOrigin  origin;
  gint64         modified;
};

G_DEFINE_FINAL_TYPE (HepCase, hep_case, G_TYPE_OBJECT)

enum {
  PROP_0,
  /* string properties, in the order of string_offsets[] */
  PROP_ID,
  PROP_TITLE,
  PROP_HISTORY,
  PROP_PRESENTATION,
  PROP_FOUND_ON,
  PROP_DIAGNOSIS,
  PROP_PROOF,
  PROP_OUTCOME,
  PROP_CERTAINTY,
  PROP_LANGUAGE,
  PROP_AUTHOR,
  PROP_LICENSE,
  PROP_DERIVED_FROM,
  /* string lists */
  PROP_TAGS,
  PROP_TEACHING_POINTS,
  PROP_PITFALLS,
  PROP_REFERENCES,
  /* others */
  PROP_FEATURES,
  PROP_AGE,
  PROP_SEX,
  PROP_SIZE,
  PROP_LIRADS,
  PROP_DIFFICULTY,
  PROP_SPOILERS,
  PROP_ORIGIN,
  PROP_EDITABLE,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct {
  const char *name;
  size_t      offset;
} string_props[] = {
  { "id", offsetof (HepCase, id) },
  { "title", offsetof (HepCase, title) },
  { "history", offsetof (HepCase, history) },
  { "presentation", offsetof (HepCase, presentation) },
  { "found-on", offsetof (HepCase, found_on) },
  { "diagnosis", offsetof (HepCase, diagnosis) },
  { "proof", offsetof (HepCase, proof) },
  { "outcome", offsetof (HepCase, outcome) },
  { "certainty", offsetof (HepCase, certainty) },
  { "language", offsetof (HepCase, language) },
  { "author", offsetof (HepCase, author) },
  { "license", offsetof (HepCase, license) },
  { "derived-from", offsetof (HepCase, derived_from) },
};

static const struct {
  const char *name;
  size_t      offset;
} list_props[] = {
  { "tags", offsetof (HepCase, tags) },
  { "teaching-points", offsetof (HepCase, teaching_points) },
  { "pitfalls", offsetof (HepCase, pitfalls) },
  { "references", offsetof (HepCase, references) },
};

#define STRING_FIELD(self, i) ((char **) ((guint8 *) (self) + string_props[i].offset))
#define LIST_FIELD(self, i) ((GStrv *) ((guint8 *) (self) + list_props[i].offset))

/* ---- images ---------------------------------------------------------------- */

G_DEFINE_BOXED_TYPE (HepCaseImage, hep_case_image, hep_case_image_copy, hep_case_image_free)

HepCaseImage *
hep_case_image_new (const char *caption,
                    const char *phase,
                    const char *modality,
                    const char *file)
{
  HepCaseImage *image = g_new0 (HepCaseImage, 1);

  image->caption = g_strdup (caption ? caption : "");
  image->phase = g_strdup (phase);
  image->modality = g_strdup (modality);
  image->file = g_strdup (file);
  return image;
}

HepCaseImage *
hep_case_image_copy (const HepCaseImage *image)
{
  return hep_case_image_new (image->caption, image->phase, image->modality, image->file);
}

void
hep_case_image_free (HepCaseImage *image)
{
  if (image == NULL)
    return;
  g_free (image->caption);
  g_free (image->phase);
  g_free (image->modality);
  g_free (image->file);
  g_free (image);
}

/* ---- object ------------------------------------------------------------------ */

static void
hep_case_finalize (GObject *object)
{
  HepCase *self = (HepCase *) object;

  for (guint i = 0; i < G_N_ELEMENTS (string_props); i++)
    g_free (*STRING_FIELD (self, i));
  for (guint i = 0; i < G_N_ELEMENTS (list_props); i++)
    g_strfreev (*LIST_FIELD (self, i));
  for (guint i = 0; i < HEP_N_CASE_PHASES; i++)
    g_free (self->findings[i]);
  g_ptr_array_unref (self->images);

  G_OBJECT_CLASS (hep_case_parent_class)->finalize (object);
}

static void
hep_case_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  HepCase *self = HEP_CASE (object);

  if (prop_id >= PROP_ID && prop_id <= PROP_DERIVED_FROM)
    {
      g_value_set_string (value, *STRING_FIELD (self, prop_id - PROP_ID));
      return;
    }
  if (prop_id >= PROP_TAGS && prop_id <= PROP_REFERENCES)
    {
      g_value_set_boxed (value, *LIST_FIELD (self, prop_id - PROP_TAGS));
      return;
    }

  switch (prop_id)
    {
    case PROP_FEATURES:
      g_value_set_boxed (value, &self->features);
      break;
    case PROP_AGE:
      g_value_set_int (value, hep_case_get_age (self));
      break;
    case PROP_SEX:
      g_value_set_int (value, hep_case_get_sex (self));
      break;
    case PROP_SIZE:
      g_value_set_int (value, hep_case_get_size (self));
      break;
    case PROP_LIRADS:
      g_value_set_int (value, self->lirads);
      break;
    case PROP_DIFFICULTY:
      g_value_set_int (value, self->difficulty);
      break;
    case PROP_SPOILERS:
      g_value_set_uint (value, self->spoilers);
      break;
    case PROP_ORIGIN:
      g_value_set_int (value, self->origin);
      break;
    case PROP_EDITABLE:
      g_value_set_boolean (value, hep_case_is_editable (self));
      break;
    case PROP_MODIFIED:
      g_value_set_int64 (value, self->modified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hep_case_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  HepCase *self = HEP_CASE (object);

  if (prop_id >= PROP_ID && prop_id <= PROP_DERIVED_FROM)
    {
      char **field = STRING_FIELD (self, prop_id - PROP_ID);
      const char *text = g_value_get_string (value);

      /* an empty outcome is no outcome, as in the database's column */
      if (prop_id == PROP_OUTCOME && text != NULL && *text == '\0')
        text = NULL;
      if (g_strcmp0 (*field, text) != 0)
        {
          g_free (*field);
          *field = g_strdup (text);
          g_object_notify_by_pspec (object, pspec);
        }
      return;
    }
  if (prop_id >= PROP_TAGS && prop_id <= PROP_REFERENCES)
    {
      GStrv *field = LIST_FIELD (self, prop_id - PROP_TAGS);
      const char * const *list = g_value_get_boxed (value);

      g_strfreev (*field);
      *field = list ? g_strdupv ((char **) list) : g_new0 (char *, 1);
      g_object_notify_by_pspec (object, pspec);
      return;
    }

  switch (prop_id)
    {
    case PROP_FEATURES:
      {
        const HepFeatureSet *features = g_value_get_boxed (value);

        if (features != NULL)
          self->features = *features;
        else
          hep_feature_set_init (&self->features);
        g_object_notify_by_pspec (object, pspec);
        g_object_notify_by_pspec (object, properties[PROP_AGE]);
        g_object_notify_by_pspec (object, properties[PROP_SEX]);
        g_object_notify_by_pspec (object, properties[PROP_SIZE]);
      }
      break;
    case PROP_LIRADS:
      self->lirads = (HepLiradsCategory) g_value_get_int (value);
      g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_DIFFICULTY:
      self->difficulty = g_value_get_int (value);
      g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_SPOILERS:
      self->spoilers = g_value_get_uint (value) & HEP_CASE_SPOILER_ALL;
      g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_ORIGIN:
      self->origin = (HepCaseOrigin) g_value_get_int (value);
      g_object_notify_by_pspec (object, pspec);
      g_object_notify_by_pspec (object, properties[PROP_EDITABLE]);
      break;
    case PROP_MODIFIED:
      self->modified = g_value_get_int64 (value);
      g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hep_case_class_init (HepCaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = hep_case_finalize;
  object_class->get_property = hep_case_get_property;
  object_class->set_property = hep_case_set_property;

  for (guint i = 0; i < G_N_ELEMENTS (string_props); i++)
    properties[PROP_ID + i] = g_param_spec_string (string_props[i].name, NULL, NULL, NULL, rw);
  for (guint i = 0; i < G_N_ELEMENTS (list_props); i++)
    properties[PROP_TAGS + i] = g_param_spec_boxed (list_props[i].name, NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_FEATURES] = g_param_spec_boxed ("features", NULL, NULL, HEP_TYPE_FEATURE_SET, rw);
  properties[PROP_AGE] = g_param_spec_int ("age", NULL, NULL, -1, 120, -1, ro);
  properties[PROP_SEX] = g_param_spec_int ("sex", NULL, NULL, HEP_SEX_UNSET, HEP_SEX_M, HEP_SEX_UNSET, ro);
  properties[PROP_SIZE] = g_param_spec_int ("size", NULL, NULL, -1, G_MAXINT16, -1, ro);
  properties[PROP_LIRADS] = g_param_spec_int ("lirads", NULL, NULL, 0, HEP_N_LIRADS_CATEGORIES - 1,
                                              HEP_LIRADS_NA, rw);
  properties[PROP_DIFFICULTY] = g_param_spec_int ("difficulty", NULL, NULL, 1, 5, 3, rw);
  properties[PROP_SPOILERS] = g_param_spec_uint ("spoilers", NULL, NULL, 0, HEP_CASE_SPOILER_ALL,
                                                 HEP_CASE_SPOILER_DEFAULT, rw);
  properties[PROP_ORIGIN] = g_param_spec_int ("origin", NULL, NULL, HEP_CASE_ORIGIN_USER,
                                              HEP_CASE_ORIGIN_BUNDLED, HEP_CASE_ORIGIN_USER, rw);
  properties[PROP_EDITABLE] = g_param_spec_boolean ("editable", NULL, NULL, TRUE, ro);
  properties[PROP_MODIFIED] = g_param_spec_int64 ("modified", NULL, NULL, 0, G_MAXINT64, 0, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hep_case_init (HepCase *self)
{
  hep_feature_set_init (&self->features);
  for (guint i = 0; i < G_N_ELEMENTS (list_props); i++)
    *LIST_FIELD (self, i) = g_new0 (char *, 1);
  self->images = g_ptr_array_new_with_free_func ((GDestroyNotify) hep_case_image_free);
  self->lirads = HEP_LIRADS_NA;
  self->difficulty = 3;
  self->spoilers = HEP_CASE_SPOILER_DEFAULT;
  self->origin = HEP_CASE_ORIGIN_USER;
}

HepCase *
hep_case_new (const char *id)
{
  return g_object_new (HEP_TYPE_CASE, "id", id, NULL);
}

/* A deep copy (same id and origin). */
HepCase *
hep_case_copy (HepCase *self)
{
  HepCase *copy;

  g_return_val_if_fail (HEP_IS_CASE (self), NULL);

  copy = hep_case_new (self->id);
  for (guint i = 0; i < G_N_ELEMENTS (string_props); i++)
    {
      g_free (*STRING_FIELD (copy, i));
      *STRING_FIELD (copy, i) = g_strdup (*STRING_FIELD (self, i));
    }
  for (guint i = 0; i < G_N_ELEMENTS (list_props); i++)
    {
      g_strfreev (*LIST_FIELD (copy, i));
      *LIST_FIELD (copy, i) = g_strdupv (*LIST_FIELD (self, i));
    }
  for (guint i = 0; i < HEP_N_CASE_PHASES; i++)
    copy->findings[i] = g_strdup (self->findings[i]);
  for (guint i = 0; i < self->images->len; i++)
    g_ptr_array_add (copy->images, hep_case_image_copy (self->images->pdata[i]));
  copy->features = self->features;
  copy->lirads = self->lirads;
  copy->difficulty = self->difficulty;
  copy->spoilers = self->spoilers;
  copy->origin = self->origin;
  copy->modified = self->modified;
  return copy;
}

static gboolean
strv_equal0 (char **a,
             char **b)
{
  if (a == NULL || b == NULL)
    return (a == NULL || !*a) && (b == NULL || !*b);
  return g_strv_equal ((const char * const *) a, (const char * const *) b);
}

/* Equal content: every field of the case source format, that is all but
 * the origin, the case it was duplicated from and the modification time. */
gboolean
hep_case_equal (HepCase *a,
                HepCase *b)
{
  g_return_val_if_fail (HEP_IS_CASE (a) && HEP_IS_CASE (b), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (string_props); i++)
    if (string_props[i].offset != offsetof (HepCase, derived_from) &&
        g_strcmp0 (*STRING_FIELD (a, i), *STRING_FIELD (b, i)) != 0)
      return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (list_props); i++)
    if (!strv_equal0 (*LIST_FIELD (a, i), *LIST_FIELD (b, i)))
      return FALSE;
  for (guint i = 0; i < HEP_N_CASE_PHASES; i++)
    if (g_strcmp0 (a->findings[i], b->findings[i]) != 0)
      return FALSE;
  if (a->images->len != b->images->len)
    return FALSE;
  for (guint i = 0; i < a->images->len; i++)
    {
      const HepCaseImage *x = a->images->pdata[i], *y = b->images->pdata[i];

      if (g_strcmp0 (x->caption, y->caption) || g_strcmp0 (x->phase, y->phase) ||
          g_strcmp0 (x->modality, y->modality) || g_strcmp0 (x->file, y->file))
        return FALSE;
    }
  return hep_feature_set_equal (&a->features, &b->features) &&
         a->lirads == b->lirads && a->difficulty == b->difficulty && a->spoilers == b->spoilers;
}

#define STRING_ACCESSORS(field, prop)                               \
const char *                                                        \
hep_case_get_##field (HepCase *self)                                \
{                                                                   \
  g_return_val_if_fail (HEP_IS_CASE (self), NULL);                  \
  return self->field;                                               \
}                                                                   \
void                                                                \
hep_case_set_##field (HepCase    *self,                             \
                      const char *value)                            \
{                                                                   \
  g_return_if_fail (HEP_IS_CASE (self));                            \
  g_object_set (self, prop, value, NULL);                           \
}

STRING_ACCESSORS (id, "id")
STRING_ACCESSORS (title, "title")
STRING_ACCESSORS (history, "history")
STRING_ACCESSORS (presentation, "presentation")
STRING_ACCESSORS (found_on, "found-on")
STRING_ACCESSORS (diagnosis, "diagnosis")
STRING_ACCESSORS (proof, "proof")
STRING_ACCESSORS (outcome, "outcome")
STRING_ACCESSORS (certainty, "certainty")
STRING_ACCESSORS (language, "language")
STRING_ACCESSORS (author, "author")
STRING_ACCESSORS (license, "license")
STRING_ACCESSORS (derived_from, "derived-from")

#define LIST_ACCESSORS(field, prop)                                 \
const char * const *                                                \
hep_case_get_##field (HepCase *self)                                \
{                                                                   \
  g_return_val_if_fail (HEP_IS_CASE (self), NULL);                  \
  return (const char * const *) self->field;                        \
}                                                                   \
void                                                                \
hep_case_set_##field (HepCase            *self,                     \
                      const char * const *value)                    \
{                                                                   \
  g_return_if_fail (HEP_IS_CASE (self));                            \
  g_object_set (self, prop, value, NULL);                           \
}

LIST_ACCESSORS (tags, "tags")
LIST_ACCESSORS (teaching_points, "teaching-points")
LIST_ACCESSORS (pitfalls, "pitfalls")
LIST_ACCESSORS (references, "references")

gboolean
hep_case_has_tag (HepCase    *self,
                  const char *tag)
{
  g_return_val_if_fail (HEP_IS_CASE (self), FALSE);
  return g_strv_contains ((const char * const *) self->tags, tag);
}

const HepFeatureSet *
hep_case_get_features (HepCase *self)
{
  g_return_val_if_fail (HEP_IS_CASE (self), NULL);
  return &self->features;
}

void
hep_case_set_features (HepCase             *self,
                       const HepFeatureSet *features)
{
  g_return_if_fail (HEP_IS_CASE (self));
  g_object_set (self, "features", features, NULL);
}

char *
hep_case_dup_features_string (HepCase *self)
{
  g_return_val_if_fail (HEP_IS_CASE (self), NULL);
  return hep_feature_set_to_string (&self->features);
}

int
hep_case_get_age (HepCase *self)
{
  g_return_val_if_fail (HEP_IS_CASE (self), HEP_FEATURE_UNSET);
  return hep_feature_set_get (&self->features, HEP_FEATURE_AGE);
}

HepSex
hep_case_get_sex (HepCase *self)
{
  int sex;

  g_return_val_if_fail (HEP_IS_CASE (self), HEP_SEX_UNSET);
  sex = hep_feature_set_get (&self->features, HEP_FEATURE_SEX);
  return sex < 0 ? HEP_SEX_UNSET : (HepSex) sex;
}

int
hep_case_get_size (HepCase *self)
{
  g_return_val_if_fail (HEP_IS_CASE (self), HEP_FEATURE_UNSET);
  return hep_feature_set_get (&self->features, HEP_FEATURE_SIZE);
}

const char *
hep_case_get_findings (HepCase      *self,
                       HepCasePhase  phase)
{
  g_return_val_if_fail (HEP_IS_CASE (self), NULL);
  g_return_val_if_fail (phase < HEP_N_CASE_PHASES, NULL);
  return self->findings[phase];
}

/* NULL or "" removes the finding of @phase. */
void
hep_case_set_findings (HepCase      *self,
                       HepCasePhase  phase,
                       const char   *text)
{
  g_return_if_fail (HEP_IS_CASE (self));
  g_return_if_fail (phase < HEP_N_CASE_PHASES);

  g_free (self->findings[phase]);
  self->findings[phase] = (text != NULL && *text) ? g_strdup (text) : NULL;
}

HepLiradsCategory
hep_case_get_lirads (HepCase *self)
{
  g_return_val_if_fail (HEP_IS_CASE (self), HEP_LIRADS_NA);
  return self->lirads;
}

void
hep_case_set_lirads (HepCase           *self,
                     HepLiradsCategory  category)
{
  g_return_if_fail (HEP_IS_CASE (self));
  g_object_set (self, "lirads", (int) category, NULL);
}

int
hep_case_get_difficulty (HepCase *self)
{
  g_return_val_if_fail (HEP_IS_CASE (self), 0);
  return self->difficulty;
}

void
hep_case_set_difficulty (HepCase *self,
                         int      difficulty)
{
  g_return_if_fail (HEP_IS_CASE (self));
  g_object_set (self, "difficulty", CLAMP (difficulty, 1, 5), NULL);
}

guint
hep_case_get_spoilers (HepCase *self)
{
  g_return_val_if_fail (HEP_IS_CASE (self), 0);
  return self->spoilers;
}

void
hep_case_set_spoilers (HepCase *self,
                       guint    spoilers)
{
  g_return_if_fail (HEP_IS_CASE (self));
  g_object_set (self, "spoilers", spoilers & HEP_CASE_SPOILER_ALL, NULL);
}

/* Whether @field ("diagnosis", "findings-hbp", …) is hidden in unknown-case
 * mode: the rule of hep-case-spoilers.c, not only what the case lists.
 * Unknown field names are not spoilers. */
gboolean
hep_case_is_spoiler (HepCase    *self,
                     const char *field)
{
  HepCaseSpoiler spoiler;

  g_return_val_if_fail (HEP_IS_CASE (self), FALSE);
  if (!hep_case_spoiler_from_string (field, &spoiler))
    return FALSE;
  return hep_case_hides (self, spoiler);
}

guint
hep_case_get_n_images (HepCase *self)
{
  g_return_val_if_fail (HEP_IS_CASE (self), 0);
  return self->images->len;
}

const HepCaseImage *
hep_case_get_image (HepCase *self,
                    guint    index)
{
  g_return_val_if_fail (HEP_IS_CASE (self), NULL);
  g_return_val_if_fail (index < self->images->len, NULL);
  return self->images->pdata[index];
}

void
hep_case_add_image (HepCase            *self,
                    const HepCaseImage *image)
{
  g_return_if_fail (HEP_IS_CASE (self));
  g_ptr_array_add (self->images, hep_case_image_copy (image));
}

void
hep_case_clear_images (HepCase *self)
{
  g_return_if_fail (HEP_IS_CASE (self));
  g_ptr_array_set_size (self->images, 0);
}

HepCaseOrigin
hep_case_get_origin (HepCase *self)
{
  g_return_val_if_fail (HEP_IS_CASE (self), HEP_CASE_ORIGIN_USER);
  return self->origin;
}

void
hep_case_set_origin (HepCase       *self,
                     HepCaseOrigin  origin)
{
  g_return_if_fail (HEP_IS_CASE (self));
  g_object_set (self, "origin", (int) origin, NULL);
}

gboolean
hep_case_is_editable (HepCase *self)
{
  g_return_val_if_fail (HEP_IS_CASE (self), FALSE);
  return self->origin == HEP_CASE_ORIGIN_USER;
}

gint64
hep_case_get_modified (HepCase *self)
{
  g_return_val_if_fail (HEP_IS_CASE (self), 0);
  return self->modified;
}

void
hep_case_set_modified (HepCase *self,
                       gint64   unix_time)
{
  g_return_if_fail (HEP_IS_CASE (self));
  g_object_set (self, "modified", unix_time, NULL);
}

/* ---- vocabularies -------------------------------------------------------------- */

static const struct {
  const char *key;
  const char *label;
} phases[HEP_N_CASE_PHASES] = {
  { "pre", N_("Precontrast") },
  { "arterial", N_("Arterial phase") },
  { "portal", N_("Portal venous phase") },
  { "delayed", N_("Delayed / transitional phase") },
  { "hbp", N_("Hepatobiliary phase") },
  { "t2", N_("T2-weighted") },
  { "dwi", N_("Diffusion-weighted") },
  { "other", N_("Other findings") },
};

const char *
hep_case_phase_to_key (HepCasePhase phase)
{
  g_return_val_if_fail (phase < HEP_N_CASE_PHASES, NULL);
  return phases[phase].key;
}

gboolean
hep_case_phase_from_key (const char   *key,
                         HepCasePhase *phase)
{
  for (guint i = 0; i < HEP_N_CASE_PHASES; i++)
    if (g_strcmp0 (key, phases[i].key) == 0)
      {
        if (phase)
          *phase = (HepCasePhase) i;
        return TRUE;
      }
  return FALSE;
}

const char *
hep_case_phase_get_label (HepCasePhase phase)
{
  g_return_val_if_fail (phase < HEP_N_CASE_PHASES, NULL);
  return _(phases[phase].label);
}

static const char * const spoiler_names[] = {
  "title", "diagnosis", "proof", "certainty", "lirads", "teaching-points", "pitfalls",
  "references", "tags", "findings-pre", "findings-arterial", "findings-portal",
  "findings-delayed", "findings-hbp", "findings-t2", "findings-dwi", "findings-other",
  "outcome",
};
G_STATIC_ASSERT (G_N_ELEMENTS (spoiler_names) == 10 + HEP_N_CASE_PHASES);
G_STATIC_ASSERT (1u << (G_N_ELEMENTS (spoiler_names) - 1) == HEP_CASE_SPOILER_OUTCOME);

const char *
hep_case_spoiler_to_string (HepCaseSpoiler spoiler)
{
  for (guint i = 0; i < G_N_ELEMENTS (spoiler_names); i++)
    if ((guint) spoiler == 1u << i)
      return spoiler_names[i];
  return NULL;
}

gboolean
hep_case_spoiler_from_string (const char     *name,
                              HepCaseSpoiler *spoiler)
{
  for (guint i = 0; i < G_N_ELEMENTS (spoiler_names); i++)
    if (g_strcmp0 (name, spoiler_names[i]) == 0)
      {
        if (spoiler)
          *spoiler = (HepCaseSpoiler) (1u << i);
        return TRUE;
      }
  return FALSE;
}

/* The diagnosis ids of the differential engine (clinical-rules.md). */
/* The diagnosis ids are the differential engine's: one table, in hep-ddx.c. */
const char * const *
hep_case_get_diagnosis_ids (void)
{
  static const char *ids[HEP_N_DDX + 1];

  if (ids[0] == NULL)
    for (guint i = 0; i < HEP_N_DDX; i++)
      ids[i] = hep_ddx_diagnosis_to_string ((HepDdxDiagnosis) i);
  return ids;
}

gboolean
hep_case_diagnosis_is_known (const char *diagnosis)
{
  return diagnosis != NULL && hep_ddx_diagnosis_from_string (diagnosis, NULL);
}

const char *
hep_case_diagnosis_get_label (const char *diagnosis)
{
  HepDdxDiagnosis d;

  if (diagnosis == NULL || !hep_ddx_diagnosis_from_string (diagnosis, &d))
    return diagnosis;
  return hep_ddx_diagnosis_get_label (d);
}

static const char * const proof_ids[] = {
  "histology", "explant", "imaging-criteria", "follow-up", "aspiration-culture", "clinical-course", NULL,
};
static const char * const proof_labels[] = {
  N_("Histology"), N_("Explant pathology"), N_("Imaging criteria"), N_("Imaging follow-up"),
  N_("Aspiration and culture"), N_("Clinical course"),
};

gboolean
hep_case_proof_is_known (const char *proof)
{
  return proof != NULL && g_strv_contains (proof_ids, proof);
}

const char *
hep_case_proof_get_label (const char *proof)
{
  for (guint i = 0; proof_ids[i]; i++)
    if (g_strcmp0 (proof, proof_ids[i]) == 0)
      return _(proof_labels[i]);
  return proof;
}

gboolean
hep_case_modality_is_known (const char *modality)
{
  return g_strcmp0 (modality, "us") == 0 || g_strcmp0 (modality, "ct") == 0 ||
         g_strcmp0 (modality, "mri") == 0;
}

const char *
hep_case_modality_get_label (const char *modality)
{
  if (g_strcmp0 (modality, "us") == 0)
    return _("Ultrasound");
  if (g_strcmp0 (modality, "ct") == 0)
    return _("CT");
  if (g_strcmp0 (modality, "mri") == 0)
    return _("MRI");
  return modality;
}

/* The modality as a word in running text: "found on ultrasound". */
const char *
hep_case_modality_get_phrase (const char *modality)
{
  if (g_strcmp0 (modality, "us") == 0)
    /* Translators: in running text, "found on ultrasound" */
    return C_("in running text", "ultrasound");
  return hep_case_modality_get_label (modality);
}
