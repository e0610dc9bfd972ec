/* hep-feature-set.c: the feature vocabulary and its token syntax
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Token syntax, shared by the CLI, the case library and the UI:
 *   flag          the feature is present            (washout)
 *   key=value     a choice or a whole number        (aphe=nonrim, size=18)
 *   -key          the feature is absent / not given (-washout, -aphe)
 * Tokens are separated by white space or commas.
 */

#include "config.h"

#include "hep-feature-set.h"
#include "hep-text.h"

#include <glib/gi18n-lib.h>
#include <string.h>

typedef struct {
  HepFeature      feature;
  const char     *token;
  HepFeatureKind  kind;
  HepFeatureGroup group;
  const char     *label;            /* translatable, N_() */
  const char     *description;      /* translatable, N_() */
  /* CHOICE: NULL-terminated list of values; index + 1 is the stored value */
  const char     *choices[11];
  const char     *choice_labels[11]; /* translatable, N_() */
  /* INT */
  int             min;
  int             max;
  const char     *unit;
} FeatureInfo;

#define FLAG(f, t, g, l, d) \
  { f, t, HEP_FEATURE_KIND_FLAG, g, l, d, { NULL }, { NULL }, 0, 1, NULL }
#define CHOICE(f, t, g, l, d, ...) \
  { f, t, HEP_FEATURE_KIND_CHOICE, g, l, d, __VA_ARGS__, 0, 0, NULL }
#define INT(f, t, g, l, d, lo, hi, u) \
  { f, t, HEP_FEATURE_KIND_INT, g, l, d, { NULL }, { NULL }, lo, hi, u }

/* The one vocabulary table. Rows are in HepFeature order (checked at start-up
 * by check_table() and by tests/core/test-feature-set.c). */
static const FeatureInfo features[HEP_N_FEATURES] = {
  CHOICE (HEP_FEATURE_RISK, "risk", HEP_FEATURE_GROUP_CONTEXT,
          N_("HCC risk"),
          N_("Risk factor for hepatocellular carcinoma: none, cirrhosis, chronic hepatitis B, or current or prior HCC"),
          { "none", "cirrhosis", "hbv", "prior-hcc", NULL },
          { N_("None"), N_("Cirrhosis"), N_("Chronic hepatitis B"), N_("Current or prior HCC"), NULL }),
  INT (HEP_FEATURE_AGE, "age", HEP_FEATURE_GROUP_CONTEXT,
       N_("Age"), N_("Patient age in years"), 0, 120, "y"),
  CHOICE (HEP_FEATURE_SEX, "sex", HEP_FEATURE_GROUP_CONTEXT,
          N_("Sex"), N_("Patient sex"),
          { "f", "m", NULL }, { N_("Female"), N_("Male"), NULL }),
  FLAG (HEP_FEATURE_KNOWN_MALIGNANCY, "known-malignancy", HEP_FEATURE_GROUP_CONTEXT,
        N_("Known extrahepatic malignancy"), N_("Current or past cancer outside the liver")),
  FLAG (HEP_FEATURE_FEVER, "fever", HEP_FEATURE_GROUP_CONTEXT,
        N_("Fever"), N_("Fever, raised white count or right-upper-quadrant pain")),
  FLAG (HEP_FEATURE_HORMONE_USE, "hormone-use", HEP_FEATURE_GROUP_CONTEXT,
        N_("Oral contraceptives or oestrogens"), N_("Current or recent oral contraceptives or oestrogens (anabolic or androgenic steroids are androgen-use)")),
  FLAG (HEP_FEATURE_AFP_RAISED, "afp-raised", HEP_FEATURE_GROUP_CONTEXT,
        N_("AFP raised"), N_("Raised alpha-fetoprotein")),
  FLAG (HEP_FEATURE_CA19_9_RAISED, "ca19-9-raised", HEP_FEATURE_GROUP_CONTEXT,
        N_("CA 19-9 raised"), N_("Raised carbohydrate antigen 19-9")),
  FLAG (HEP_FEATURE_LIRADS_EXCLUDED, "lirads-excluded", HEP_FEATURE_GROUP_CONTEXT,
        N_("Cirrhosis of an excluded cause"),
        N_("Cirrhosis from congenital hepatic fibrosis or a vascular disorder (e.g. Budd–Chiari); LI-RADS does not apply to it")),
  FLAG (HEP_FEATURE_ANDROGEN_USE, "androgen-use", HEP_FEATURE_GROUP_CONTEXT,
        N_("Anabolic or androgenic steroids"), N_("Current or past use of anabolic or androgenic steroids")),
  CHOICE (HEP_FEATURE_PRIMARY, "primary", HEP_FEATURE_GROUP_CONTEXT,
          N_("Known primary"),
          N_("Site of the known extrahepatic malignancy; read only with known-malignancy. Hypervascular metastases: neuroendocrine, renal, melanoma, thyroid; hypovascular: colorectal, pancreas, stomach, lung; breast is mixed"),
          { "colorectal", "pancreas", "stomach", "lung", "breast", "neuroendocrine", "renal", "melanoma", "thyroid", "other", NULL },
          { N_("Colorectal"), N_("Pancreas"), N_("Stomach"), N_("Lung"), N_("Breast"), N_("Neuroendocrine"),
            N_("Renal cell"), N_("Melanoma"), N_("Thyroid"), N_("Other"), NULL }),

  INT (HEP_FEATURE_SIZE, "size", HEP_FEATURE_GROUP_SIZE,
       N_("Size"), N_("Largest outer-edge-to-outer-edge diameter in millimetres, capsule included"), 0, 300, "mm"),
  FLAG (HEP_FEATURE_THRESHOLD_GROWTH, "threshold-growth", HEP_FEATURE_GROUP_SIZE,
        N_("Threshold growth"), N_("Size increase of a mass by at least 50% in 6 months or less, against a prior CT or MRI")),
  FLAG (HEP_FEATURE_SUBTHRESHOLD_GROWTH, "subthreshold-growth", HEP_FEATURE_GROUP_SIZE,
        N_("Subthreshold growth"), N_("Unequivocal growth that does not meet threshold growth")),
  FLAG (HEP_FEATURE_SIZE_STABLE_2Y, "size-stable-2y", HEP_FEATURE_GROUP_SIZE,
        N_("Size stable ≥ 2 years"), N_("No change in size for two years or more")),
  FLAG (HEP_FEATURE_SIZE_REDUCTION, "size-reduction", HEP_FEATURE_GROUP_SIZE,
        N_("Size reduction"), N_("Unequivocal spontaneous decrease in size")),
  CHOICE (HEP_FEATURE_COUNT, "count", HEP_FEATURE_GROUP_SIZE,
          N_("Number of lesions"),
          N_("How many similar lesions: single, multiple (several similar), or innumerable (innumerable tiny lesions, under 15 mm)"),
          { "single", "multiple", "innumerable", NULL },
          { N_("Single"), N_("Multiple"), N_("Innumerable"), NULL }),

  CHOICE (HEP_FEATURE_APHE, "aphe", HEP_FEATURE_GROUP_ARTERIAL,
          N_("Arterial phase hyperenhancement"),
          N_("Enhancement in the late arterial phase unequivocally greater than liver: none, nonrim, or rim (periphery most enhancing)"),
          { "none", "nonrim", "rim", NULL }, { N_("None"), N_("Nonrim"), N_("Rim"), NULL }),
  FLAG (HEP_FEATURE_PERIPHERAL_NODULAR, "peripheral-nodular", HEP_FEATURE_GROUP_ARTERIAL,
        N_("Peripheral discontinuous nodular enhancement"),
        N_("Discontinuous peripheral nodules at blood-pool intensity")),
  FLAG (HEP_FEATURE_WEDGE_SHAPED, "wedge-shaped", HEP_FEATURE_GROUP_ARTERIAL,
        N_("Wedge-shaped or geographic"), N_("Peripheral wedge-shaped or geographic enhancement with straight borders")),

  FLAG (HEP_FEATURE_WASHOUT, "washout", HEP_FEATURE_GROUP_LATER,
        N_("Nonperipheral washout"),
        N_("Drop in enhancement relative to liver, not mainly at the rim; portal venous or delayed phase (portal venous only with gadoxetate)")),
  FLAG (HEP_FEATURE_PERIPHERAL_WASHOUT, "peripheral-washout", HEP_FEATURE_GROUP_LATER,
        N_("Peripheral washout"), N_("Washout mainly at the rim of the observation")),
  FLAG (HEP_FEATURE_CAPSULE, "capsule", HEP_FEATURE_GROUP_LATER,
        N_("Enhancing capsule"), N_("Smooth, uniform, sharp rim of hyperenhancement in the portal venous, delayed or transitional phase")),
  FLAG (HEP_FEATURE_NONENHANCING_CAPSULE, "nonenhancing-capsule", HEP_FEATURE_GROUP_LATER,
        N_("Nonenhancing capsule"), N_("A capsule seen as a nonenhancing rim")),
  FLAG (HEP_FEATURE_CENTRIPETAL_FILL, "centripetal-fill", HEP_FEATURE_GROUP_LATER,
        N_("Centripetal fill-in"), N_("Progressive fill-in from the periphery towards the centre")),
  FLAG (HEP_FEATURE_DELAYED_CENTRAL_ENHANCEMENT, "delayed-central-enhancement", HEP_FEATURE_GROUP_LATER,
        N_("Delayed central enhancement"), N_("Progressive enhancement of the centre in later phases")),
  FLAG (HEP_FEATURE_CENTRAL_SCAR, "central-scar", HEP_FEATURE_GROUP_LATER,
        N_("Central scar"), N_("T2-bright central scar that enhances late")),
  FLAG (HEP_FEATURE_PARALLELS_BLOOD_POOL, "parallels-blood-pool", HEP_FEATURE_GROUP_LATER,
        N_("Parallels blood pool"), N_("Enhancement that follows the blood pool in every phase")),
  FLAG (HEP_FEATURE_NO_ENHANCEMENT, "no-enhancement", HEP_FEATURE_GROUP_LATER,
        N_("No enhancement"), N_("No enhancement in any phase")),
  FLAG (HEP_FEATURE_CORONA, "corona", HEP_FEATURE_GROUP_LATER,
        N_("Corona enhancement"), N_("Periobservational enhancement in the late arterial or early portal venous phase")),

  CHOICE (HEP_FEATURE_T2, "t2", HEP_FEATURE_GROUP_SEQUENCES,
          N_("T2 signal"), N_("T2 signal relative to liver: iso, mild–moderate or marked hyperintensity"),
          { "iso", "mild-moderate", "marked", NULL },
          { N_("Iso"), N_("Mild–moderate"), N_("Marked"), NULL }),
  CHOICE (HEP_FEATURE_DWI, "dwi", HEP_FEATURE_GROUP_SEQUENCES,
          N_("Diffusion"), N_("Diffusion restriction: none, restricted, marked, or targetoid"),
          { "none", "restricted", "marked", "targetoid", NULL },
          { N_("None"), N_("Restricted"), N_("Marked"), N_("Targetoid"), NULL }),
  CHOICE (HEP_FEATURE_HBP, "hbp", HEP_FEATURE_GROUP_SEQUENCES,
          N_("Hepatobiliary phase"), N_("Signal in the gadoxetate hepatobiliary phase: hypo, iso/hyper, or targetoid"),
          { "hypo", "iso-hyper", "targetoid", NULL },
          { N_("Hypointense"), N_("Iso/hyperintense"), N_("Targetoid"), NULL }),
  FLAG (HEP_FEATURE_TP_HYPO, "tp-hypo", HEP_FEATURE_GROUP_SEQUENCES,
        N_("Transitional-phase hypointensity"), N_("Hypointense to liver in the gadoxetate transitional phase")),
  FLAG (HEP_FEATURE_FAT_IN_MASS, "fat-in-mass", HEP_FEATURE_GROUP_SEQUENCES,
        N_("Fat in mass"), N_("More fat in the mass than in the adjacent liver (opposed-phase signal drop)")),
  FLAG (HEP_FEATURE_FAT_SPARING, "fat-sparing", HEP_FEATURE_GROUP_SEQUENCES,
        N_("Fat sparing in a solid mass"), N_("A solid mass spared from fat in a fatty liver")),
  FLAG (HEP_FEATURE_IRON_IN_MASS, "iron-in-mass", HEP_FEATURE_GROUP_SEQUENCES,
        N_("Iron in mass"), N_("More iron in the mass than in the liver")),
  FLAG (HEP_FEATURE_IRON_SPARING, "iron-sparing", HEP_FEATURE_GROUP_SEQUENCES,
        N_("Iron sparing in a solid mass"), N_("A solid mass spared from iron in an iron-overloaded liver")),
  FLAG (HEP_FEATURE_BLOOD_PRODUCTS, "blood-products", HEP_FEATURE_GROUP_SEQUENCES,
        N_("Blood products in mass"), N_("Intralesional haemorrhage without biopsy, trauma or treatment")),
  FLAG (HEP_FEATURE_US_VISIBLE, "us-visible", HEP_FEATURE_GROUP_SEQUENCES,
        N_("Visible on ultrasound"), N_("Visible as a discrete nodule on ultrasound")),
  FLAG (HEP_FEATURE_NODULE_IN_NODULE, "nodule-in-nodule", HEP_FEATURE_GROUP_SEQUENCES,
        N_("Nodule-in-nodule"), N_("An inner nodule with different imaging features")),
  FLAG (HEP_FEATURE_MOSAIC, "mosaic", HEP_FEATURE_GROUP_SEQUENCES,
        N_("Mosaic architecture"), N_("Randomly distributed internal nodules or compartments")),
  FLAG (HEP_FEATURE_UNDISTORTED_VESSELS, "undistorted-vessels", HEP_FEATURE_GROUP_SEQUENCES,
        N_("Undistorted vessels"), N_("Vessels run through the observation without displacement or deformity")),
  FLAG (HEP_FEATURE_T1_HYPER, "t1-hyper", HEP_FEATURE_GROUP_SEQUENCES,
        N_("Intrinsic T1 hyperintensity"), N_("Hyperintense to liver on unenhanced T1: fat, blood, melanin, glycogen or protein")),

  FLAG (HEP_FEATURE_TIV, "tiv", HEP_FEATURE_GROUP_FINDINGS,
        N_("Tumor in vein"), N_("Unequivocal enhancing soft tissue in a vein")),
  FLAG (HEP_FEATURE_INFILTRATIVE, "infiltrative", HEP_FEATURE_GROUP_FINDINGS,
        N_("Infiltrative appearance"), N_("Ill-defined, permeative growth")),
  FLAG (HEP_FEATURE_NECROSIS, "necrosis", HEP_FEATURE_GROUP_FINDINGS,
        N_("Necrosis or severe ischemia"), N_("Necrosis or severe ischemia in the mass")),
  FLAG (HEP_FEATURE_OTHER_NON_HCC, "other-non-hcc", HEP_FEATURE_GROUP_FINDINGS,
        N_("Other feature suggesting non-HCC malignancy"), N_("Another feature that, in the reader's judgment, suggests non-HCC malignancy")),
  FLAG (HEP_FEATURE_GAS, "gas", HEP_FEATURE_GROUP_FINDINGS,
        N_("Gas"), N_("Gas in the lesion")),
  FLAG (HEP_FEATURE_CAPSULAR_RETRACTION, "capsular-retraction", HEP_FEATURE_GROUP_FINDINGS,
        N_("Capsular retraction"), N_("Retraction of the liver capsule or peripheral bile-duct dilatation")),

  FLAG (HEP_FEATURE_NOT_CATEGORIZABLE, "not-categorizable", HEP_FEATURE_GROUP_JUDGMENT,
        N_("Not categorizable"), N_("Image degradation or an omitted phase prevents categorization")),
  FLAG (HEP_FEATURE_DEFINITELY_BENIGN, "definitely-benign", HEP_FEATURE_GROUP_JUDGMENT,
        N_("Definitely benign"), N_("The reader is certain the observation is benign (e.g. typical cyst or hemangioma)")),
  FLAG (HEP_FEATURE_PROBABLY_BENIGN, "probably-benign", HEP_FEATURE_GROUP_JUDGMENT,
        N_("Probably benign"), N_("The reader judges the observation probably benign")),
};

static const char *group_labels[HEP_N_FEATURE_GROUPS] = {
  N_("Clinical context"),
  N_("Size and growth"),
  N_("Arterial phase"),
  N_("Later phases"),
  N_("Other sequences"),
  N_("Other findings"),
  N_("Reader judgments"),
};

G_DEFINE_BOXED_TYPE (HepFeatureSet, hep_feature_set, hep_feature_set_copy, hep_feature_set_free)
G_DEFINE_QUARK (hep-feature-error-quark, hep_feature_error)

static inline const FeatureInfo *
info_for (HepFeature feature)
{
  g_return_val_if_fail ((guint) feature < HEP_N_FEATURES, &features[0]);
  return &features[feature];
}

static int
unset_value (const FeatureInfo *info)
{
  return info->kind == HEP_FEATURE_KIND_INT ? HEP_FEATURE_UNSET : 0;
}

void
hep_feature_set_init (HepFeatureSet *self)
{
  g_return_if_fail (self != NULL);

  for (guint i = 0; i < HEP_N_FEATURES; i++)
    self->values[i] = (gint16) unset_value (&features[i]);
}

HepFeatureSet *
hep_feature_set_new (void)
{
  HepFeatureSet *self = g_new (HepFeatureSet, 1);

  hep_feature_set_init (self);
  return self;
}

HepFeatureSet *
hep_feature_set_copy (const HepFeatureSet *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_memdup2 (self, sizeof *self);
}

void
hep_feature_set_free (HepFeatureSet *self)
{
  g_free (self);
}

gboolean
hep_feature_set_equal (const HepFeatureSet *a,
                       const HepFeatureSet *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);
  return memcmp (a->values, b->values, sizeof a->values) == 0;
}

int
hep_feature_set_get (const HepFeatureSet *self,
                     HepFeature           feature)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail ((guint) feature < HEP_N_FEATURES, 0);
  return self->values[feature];
}

/* Sets @feature to @value. A value outside the feature's range is a
 * programmer error; parse user input with hep_feature_set_parse_token(). */
void
hep_feature_set_set (HepFeatureSet *self,
                     HepFeature     feature,
                     int            value)
{
  const FeatureInfo *info;

  g_return_if_fail (self != NULL);
  g_return_if_fail ((guint) feature < HEP_N_FEATURES);

  info = info_for (feature);
  switch (info->kind)
    {
    case HEP_FEATURE_KIND_FLAG:
      value = value ? 1 : 0;
      break;
    case HEP_FEATURE_KIND_CHOICE:
      g_return_if_fail (value >= 0 && (guint) value <= hep_feature_get_n_choices (feature));
      break;
    case HEP_FEATURE_KIND_INT:
      g_return_if_fail (value == HEP_FEATURE_UNSET || (value >= info->min && value <= info->max));
      break;
    default:
      g_assert_not_reached ();
    }

  self->values[feature] = (gint16) value;
}

/* TRUE if a flag is present or a choice/number was given. */
gboolean
hep_feature_set_is_set (const HepFeatureSet *self,
                        HepFeature           feature)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail ((guint) feature < HEP_N_FEATURES, FALSE);
  return self->values[feature] != unset_value (&features[feature]);
}

/* For flags: TRUE if present. Same as hep_feature_set_is_set() otherwise. */
gboolean
hep_feature_set_has (const HepFeatureSet *self,
                     HepFeature           feature)
{
  return hep_feature_set_is_set (self, feature);
}

void
hep_feature_set_unset (HepFeatureSet *self,
                       HepFeature     feature)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail ((guint) feature < HEP_N_FEATURES);
  self->values[feature] = (gint16) unset_value (&features[feature]);
}

/* ---- vocabulary ---------------------------------------------------------- */

const char *
hep_feature_get_token (HepFeature feature)
{
  return info_for (feature)->token;
}

gboolean
hep_feature_from_token (const char *token,
                        HepFeature *feature)
{
  g_return_val_if_fail (token != NULL, FALSE);

  for (guint i = 0; i < HEP_N_FEATURES; i++)
    {
      if (strcmp (features[i].token, token) == 0)
        {
          if (feature != NULL)
            *feature = (HepFeature) i;
          return TRUE;
        }
    }
  return FALSE;
}

HepFeatureKind
hep_feature_get_kind (HepFeature feature)
{
  return info_for (feature)->kind;
}

HepFeatureGroup
hep_feature_get_group (HepFeature feature)
{
  return info_for (feature)->group;
}

const char *
hep_feature_get_label (HepFeature feature)
{
  return g_dgettext (GETTEXT_PACKAGE, info_for (feature)->label);
}

const char *
hep_feature_get_description (HepFeature feature)
{
  return g_dgettext (GETTEXT_PACKAGE, info_for (feature)->description);
}

guint
hep_feature_get_n_choices (HepFeature feature)
{
  const FeatureInfo *info = info_for (feature);
  guint n = 0;

  if (info->kind != HEP_FEATURE_KIND_CHOICE)
    return 0;
  while (n < G_N_ELEMENTS (info->choices) && info->choices[n] != NULL)
    n++;
  return n;
}

/* The token value of choice @value (1-based), or NULL. */
const char *
hep_feature_get_choice (HepFeature feature,
                        int        value)
{
  if (value < 1 || (guint) value > hep_feature_get_n_choices (feature))
    return NULL;
  return info_for (feature)->choices[value - 1];
}

const char *
hep_feature_get_choice_label (HepFeature feature,
                              int        value)
{
  if (value < 1 || (guint) value > hep_feature_get_n_choices (feature))
    return NULL;
  return g_dgettext (GETTEXT_PACKAGE, info_for (feature)->choice_labels[value - 1]);
}

void
hep_feature_get_range (HepFeature  feature,
                       int        *min,
                       int        *max)
{
  const FeatureInfo *info = info_for (feature);

  if (min != NULL)
    *min = info->kind == HEP_FEATURE_KIND_CHOICE ? 1 : info->min;
  if (max != NULL)
    *max = info->kind == HEP_FEATURE_KIND_CHOICE ? (int) hep_feature_get_n_choices (feature) : info->max;
}

const char *
hep_feature_group_get_label (HepFeatureGroup group)
{
  g_return_val_if_fail ((guint) group < HEP_N_FEATURE_GROUPS, NULL);
  return g_dgettext (GETTEXT_PACKAGE, group_labels[group]);
}

/* The token that sets @feature to @value: "washout", "aphe=rim", "size=20";
 * or "-washout", "-aphe" when @value is the unset value. */
char *
hep_feature_format_value (HepFeature feature,
                          int        value)
{
  const FeatureInfo *info = info_for (feature);

  if (value == unset_value (info))
    return g_strconcat ("-", info->token, NULL);

  switch (info->kind)
    {
    case HEP_FEATURE_KIND_FLAG:
      return g_strdup (info->token);
    case HEP_FEATURE_KIND_CHOICE:
      return g_strdup_printf ("%s=%s", info->token, hep_feature_get_choice (feature, value));
    case HEP_FEATURE_KIND_INT:
      return g_strdup_printf ("%s=%d", info->token, value);
    default:
      g_assert_not_reached ();
    }
}

/* A label in the middle of a sentence: "Fever" becomes "fever", but "AFP
 * raised" and "HCC risk" keep their capitals. */
static char *
label_in_sentence (const char *label)
{
  if (label[0] != '\0' && g_ascii_isupper (label[0]) && g_ascii_islower (label[1]))
    {
      char *s = g_strdup (label);

      s[0] = g_ascii_tolower (s[0]);
      return s;
    }
  return g_strdup (label);
}

char *
hep_feature_describe_value (HepFeature feature,
                            int        value)
{
  const FeatureInfo *info = info_for (feature);
  const char *label = hep_feature_get_label (feature);
  g_autofree char *lower = label_in_sentence (label);

  if (value == unset_value (info))
    {
      if (info->kind == HEP_FEATURE_KIND_FLAG)
        /* Translators: a feature that is absent, e.g. "Without nonperipheral washout" */
        return g_strdup_printf (_("Without %s"), lower);
      /* Translators: a choice or number not given, e.g. "HCC risk not given" */
      return g_strdup_printf (_("%s not given"), label);
    }
  switch (info->kind)
    {
    case HEP_FEATURE_KIND_FLAG:
      return g_strdup (label);
    case HEP_FEATURE_KIND_CHOICE:
      /* Translators: a feature and its value, e.g. "HCC risk: Cirrhosis" */
      return g_strdup_printf (_("%s: %s"), label, hep_feature_get_choice_label (feature, value));
    case HEP_FEATURE_KIND_INT:
      return g_strdup_printf (_("%s: %d"), label, value);
    default:
      g_assert_not_reached ();
    }
}

char *
hep_feature_set_describe_diff (const HepFeatureSet *from,
                               const HepFeatureSet *to)
{
  GString *s = g_string_new (NULL);

  g_return_val_if_fail (from != NULL && to != NULL, NULL);

  for (guint i = 0; i < HEP_N_FEATURES; i++)
    {
      g_autofree char *text = NULL;

      if (from->values[i] == to->values[i])
        continue;
      text = hep_feature_describe_value ((HepFeature) i, to->values[i]);
      if (s->len > 0)
        {
          g_autofree char *lower = label_in_sentence (text);

          g_string_append (s, ", ");
          g_string_append (s, lower);
        }
      else
        g_string_append (s, text);
    }
  return g_string_free (s, FALSE);
}

/* "aphe=none|nonrim|rim", "size=N (0–300 mm)", "washout". */
char *
hep_feature_describe_accepted (HepFeature feature)
{
  const FeatureInfo *info = info_for (feature);
  GString *s = g_string_new (info->token);

  switch (info->kind)
    {
    case HEP_FEATURE_KIND_FLAG:
      break;
    case HEP_FEATURE_KIND_CHOICE:
      for (guint i = 0; info->choices[i] != NULL; i++)
        g_string_append_printf (s, "%c%s", i == 0 ? '=' : '|', info->choices[i]);
      break;
    case HEP_FEATURE_KIND_INT:
      g_string_append_printf (s, "=N (%d–%d %s)", info->min, info->max, info->unit);
      break;
    default:
      g_assert_not_reached ();
    }
  return g_string_free (s, FALSE);
}

/* ---- parsing ------------------------------------------------------------- */

static char *
describe_vocabulary (void)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < HEP_N_FEATURES; i++)
    {
      g_autofree char *one = hep_feature_describe_accepted ((HepFeature) i);

      if (i > 0)
        g_string_append (s, ", ");
      g_string_append (s, one);
    }
  return g_string_free (s, FALSE);
}

/* Parses one token into (@feature, @value) without touching a set. */
/* @var, escaped from @src on first use */
#define ESCAPED(var, src) ((var) != NULL ? (var) : ((var) = hep_escape_for_message ((src), 80)))

static gboolean
parse_one (const char  *token,
           HepFeature  *out_feature,
           int         *out_value,
           GError     **error)
{
  g_autofree char *key = NULL;
  /* what an error message quotes, escaped (a token may come from anywhere),
   * made only when a message needs it: parsing is on the live panel's path */
  const char *full = token;
  g_autofree char *shown_full = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *shown_val = NULL;
  const char *eq;
  const char *val = NULL;
  gboolean negated = FALSE;
  const FeatureInfo *info;
  HepFeature feature;

  if (token[0] == '-' && token[1] != '\0')
    {
      negated = TRUE;
      token++;
    }

  eq = strchr (token, '=');
  if (eq != NULL)
    {
      key = g_strndup (token, eq - token);
      val = eq + 1;
    }
  else
    key = g_strdup (token);

  if (!hep_feature_from_token (key, &feature))
    {
      g_autofree char *vocab = describe_vocabulary ();

      g_set_error (error, HEP_FEATURE_ERROR, HEP_FEATURE_ERROR_UNKNOWN_TOKEN,
                   _("Unknown feature token “%s”; accepted tokens: %s"),
                   ESCAPED (shown_full, full), vocab);
      return FALSE;
    }

  info = info_for (feature);

  if (negated)
    {
      if (val != NULL)
        {
          g_autofree char *shown_key = hep_escape_for_message (key, 80);

          g_set_error (error, HEP_FEATURE_ERROR, HEP_FEATURE_ERROR_BAD_VALUE,
                       _("“-%s” takes no value; write “-%s” to remove the feature"),
                       ESCAPED (shown, token), shown_key);
          return FALSE;
        }
      *out_feature = feature;
      *out_value = unset_value (info);
      return TRUE;
    }

  switch (info->kind)
    {
    case HEP_FEATURE_KIND_FLAG:
      if (val != NULL)
        {
          g_set_error (error, HEP_FEATURE_ERROR, HEP_FEATURE_ERROR_BAD_VALUE,
                       _("“%s” is a flag and takes no value; accepted: %s"),
                       ESCAPED (shown, token), info->token);
          return FALSE;
        }
      *out_value = 1;
      break;

    case HEP_FEATURE_KIND_CHOICE:
      {
        g_autofree char *accepted = hep_feature_describe_accepted (feature);
        guint n = hep_feature_get_n_choices (feature);

        if (val == NULL || *val == '\0')
          {
            g_set_error (error, HEP_FEATURE_ERROR, HEP_FEATURE_ERROR_BAD_VALUE,
                         _("“%s” needs a value; accepted: %s"), ESCAPED (shown, token), accepted);
            return FALSE;
          }
        for (guint i = 0; i < n; i++)
          {
            if (strcmp (info->choices[i], val) == 0)
              {
                *out_value = (int) i + 1;
                break;
              }
            if (i + 1 == n)
              {
                g_set_error (error, HEP_FEATURE_ERROR, HEP_FEATURE_ERROR_BAD_VALUE,
                             _("Bad value “%s” in “%s”; accepted: %s"), ESCAPED (shown_val, val), ESCAPED (shown, token), accepted);
                return FALSE;
              }
          }
      }
      break;

    case HEP_FEATURE_KIND_INT:
      {
        g_autofree char *accepted = hep_feature_describe_accepted (feature);
        gint64 n;

        if (val == NULL || *val == '\0')
          {
            g_set_error (error, HEP_FEATURE_ERROR, HEP_FEATURE_ERROR_BAD_VALUE,
                         _("“%s” needs a value; accepted: %s"), ESCAPED (shown, token), accepted);
            return FALSE;
          }
        /* Whole decimal numbers only: no sign, no fraction, no exponent. */
        for (const char *p = val; *p != '\0'; p++)
          {
            if (!g_ascii_isdigit (*p))
              {
                g_set_error (error, HEP_FEATURE_ERROR, HEP_FEATURE_ERROR_BAD_VALUE,
                             _("Bad value “%s” in “%s”; accepted: %s"), ESCAPED (shown_val, val), ESCAPED (shown, token), accepted);
                return FALSE;
              }
          }
        /* leading zeros are the same number ("size=0005"); only the
         * significant digits can overflow */
        {
          const char *digits = val;

          while (digits[0] == '0' && digits[1] != '\0')
            digits++;
          n = strlen (digits) > 6 ? G_MAXINT32 : g_ascii_strtoll (digits, NULL, 10);
        }
        if (n < info->min || n > info->max)
          {
            g_set_error (error, HEP_FEATURE_ERROR, HEP_FEATURE_ERROR_OUT_OF_RANGE,
                         _("“%s” is out of range; accepted: %s"), ESCAPED (shown, token), accepted);
            return FALSE;
          }
        *out_value = (int) n;
      }
      break;

    default:
      g_assert_not_reached ();
    }

  *out_feature = feature;
  return TRUE;
}

/* Applies one token to @self. On error @self is unchanged. */
gboolean
hep_feature_set_parse_token (HepFeatureSet  *self,
                             const char     *token,
                             GError        **error)
{
  HepFeature feature;
  int value;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (token != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!parse_one (token, &feature, &value, error))
    return FALSE;
  self->values[feature] = (gint16) value;
  return TRUE;
}

/* Applies @tokens in order on top of @self. Each element may itself hold
 * several tokens separated by spaces or commas. A feature given twice with
 * different values is an error. All or nothing: on error @self is unchanged. */
gboolean
hep_feature_set_parse_strv (HepFeatureSet       *self,
                            const char * const  *tokens,
                            GError             **error)
{
  HepFeatureSet result;
  gboolean seen[HEP_N_FEATURES] = { FALSE, };
  char *given[HEP_N_FEATURES] = { NULL, };
  gboolean ok = TRUE;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  result = *self;

  for (guint i = 0; ok && tokens != NULL && tokens[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit_set (tokens[i], " \t\n\r,", -1);

      for (guint j = 0; ok && parts[j] != NULL; j++)
        {
          g_autofree char *shown_now = NULL, *shown_before = NULL;
          HepFeature feature;
          int value;

          if (parts[j][0] == '\0')
            continue;
          if (!parse_one (parts[j], &feature, &value, error))
            {
              ok = FALSE;
              break;
            }
          if (seen[feature] && result.values[feature] != value)
            {
              shown_now = hep_escape_for_message (parts[j], 80);
              shown_before = hep_escape_for_message (given[feature], 80);
              g_set_error (error, HEP_FEATURE_ERROR, HEP_FEATURE_ERROR_CONFLICT,
                           _("“%s” conflicts with “%s” given before; give each feature once"),
                           shown_now, shown_before);
              ok = FALSE;
              break;
            }
          seen[feature] = TRUE;
          if (given[feature] == NULL)
            given[feature] = g_strdup (parts[j]);
          result.values[feature] = (gint16) value;
        }
    }

  for (guint i = 0; i < HEP_N_FEATURES; i++)
    g_free (given[i]);

  if (ok)
    *self = result;
  return ok;
}

gboolean
hep_feature_set_parse (HepFeatureSet  *self,
                       const char     *text,
                       GError        **error)
{
  const char *one[2] = { text, NULL };

  g_return_val_if_fail (text != NULL, FALSE);
  return hep_feature_set_parse_strv (self, one, error);
}

/* The canonical token string: given features only, in vocabulary order,
 * separated by single spaces. Parsing it gives back an equal set. */
char *
hep_feature_set_to_string (const HepFeatureSet *self)
{
  GString *s;

  g_return_val_if_fail (self != NULL, NULL);

  s = g_string_new (NULL);
  for (guint i = 0; i < HEP_N_FEATURES; i++)
    {
      g_autofree char *token = NULL;

      if (!hep_feature_set_is_set (self, (HepFeature) i))
        continue;
      token = hep_feature_format_value ((HepFeature) i, self->values[i]);
      if (s->len > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, token);
    }
  return g_string_free (s, FALSE);
}

/* The tokens that turn @from into @to ("washout -capsule size=20"), in
 * vocabulary order; "" when they are equal. */
char *
hep_feature_set_diff (const HepFeatureSet *from,
                      const HepFeatureSet *to)
{
  GString *s;

  g_return_val_if_fail (from != NULL && to != NULL, NULL);

  s = g_string_new (NULL);
  for (guint i = 0; i < HEP_N_FEATURES; i++)
    {
      g_autofree char *token = NULL;

      if (from->values[i] == to->values[i])
        continue;
      token = hep_feature_format_value ((HepFeature) i, to->values[i]);
      if (s->len > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, token);
    }
  return g_string_free (s, FALSE);
}
