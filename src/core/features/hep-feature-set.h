/* hep-feature-set.h: the imaging and clinical features of one observation
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Every feature a rule engine reads. The order is the canonical token order:
 * hep_feature_set_to_string() writes tokens in this order, and the UI groups
 * follow it. Add new features at the end of their group and give each a row
 * in the vocabulary table of hep-feature-set.c. */
typedef enum {
  /* clinical context */
  HEP_FEATURE_RISK,
  HEP_FEATURE_AGE,
  HEP_FEATURE_SEX,
  HEP_FEATURE_KNOWN_MALIGNANCY,
  HEP_FEATURE_FEVER,
  HEP_FEATURE_HORMONE_USE,
  HEP_FEATURE_AFP_RAISED,
  HEP_FEATURE_CA19_9_RAISED,
  HEP_FEATURE_LIRADS_EXCLUDED,
  HEP_FEATURE_ANDROGEN_USE,
  HEP_FEATURE_PRIMARY,
  /* size and growth */
  HEP_FEATURE_SIZE,
  HEP_FEATURE_THRESHOLD_GROWTH,
  HEP_FEATURE_SUBTHRESHOLD_GROWTH,
  HEP_FEATURE_SIZE_STABLE_2Y,
  HEP_FEATURE_SIZE_REDUCTION,
  HEP_FEATURE_COUNT,
  /* arterial phase */
  HEP_FEATURE_APHE,
  HEP_FEATURE_PERIPHERAL_NODULAR,
  HEP_FEATURE_WEDGE_SHAPED,
  /* later phases */
  HEP_FEATURE_WASHOUT,
  HEP_FEATURE_PERIPHERAL_WASHOUT,
  HEP_FEATURE_CAPSULE,
  HEP_FEATURE_NONENHANCING_CAPSULE,
  HEP_FEATURE_CENTRIPETAL_FILL,
  HEP_FEATURE_DELAYED_CENTRAL_ENHANCEMENT,
  HEP_FEATURE_CENTRAL_SCAR,
  HEP_FEATURE_PARALLELS_BLOOD_POOL,
  HEP_FEATURE_NO_ENHANCEMENT,
  HEP_FEATURE_CORONA,
  /* other sequences */
  HEP_FEATURE_T2,
  HEP_FEATURE_DWI,
  HEP_FEATURE_HBP,
  HEP_FEATURE_TP_HYPO,
  HEP_FEATURE_FAT_IN_MASS,
  HEP_FEATURE_FAT_SPARING,
  HEP_FEATURE_IRON_IN_MASS,
  HEP_FEATURE_IRON_SPARING,
  HEP_FEATURE_BLOOD_PRODUCTS,
  HEP_FEATURE_US_VISIBLE,
  HEP_FEATURE_NODULE_IN_NODULE,
  HEP_FEATURE_MOSAIC,
  HEP_FEATURE_UNDISTORTED_VESSELS,
  HEP_FEATURE_T1_HYPER,
  /* other findings */
  HEP_FEATURE_TIV,
  HEP_FEATURE_INFILTRATIVE,
  HEP_FEATURE_NECROSIS,
  HEP_FEATURE_OTHER_NON_HCC,
  HEP_FEATURE_GAS,
  HEP_FEATURE_CAPSULAR_RETRACTION,
  /* reader judgments */
  HEP_FEATURE_NOT_CATEGORIZABLE,
  HEP_FEATURE_DEFINITELY_BENIGN,
  HEP_FEATURE_PROBABLY_BENIGN,

  HEP_N_FEATURES
} HepFeature;

typedef enum {
  HEP_FEATURE_GROUP_CONTEXT,
  HEP_FEATURE_GROUP_SIZE,
  HEP_FEATURE_GROUP_ARTERIAL,
  HEP_FEATURE_GROUP_LATER,
  HEP_FEATURE_GROUP_SEQUENCES,
  HEP_FEATURE_GROUP_FINDINGS,
  HEP_FEATURE_GROUP_JUDGMENT,

  HEP_N_FEATURE_GROUPS
} HepFeatureGroup;

typedef enum {
  HEP_FEATURE_KIND_FLAG,    /* `token` means present */
  HEP_FEATURE_KIND_CHOICE,  /* `token=value`, value from a fixed list */
  HEP_FEATURE_KIND_INT,     /* `token=N`, N in [min, max] */
} HepFeatureKind;

/* Values of the CHOICE features. 0 always means "not given". */
typedef enum { HEP_RISK_UNSET, HEP_RISK_NONE, HEP_RISK_CIRRHOSIS, HEP_RISK_HBV, HEP_RISK_PRIOR_HCC } HepRisk;
typedef enum { HEP_SEX_UNSET, HEP_SEX_F, HEP_SEX_M } HepSex;
typedef enum { HEP_APHE_UNSET, HEP_APHE_NONE, HEP_APHE_NONRIM, HEP_APHE_RIM } HepAphe;
typedef enum { HEP_T2_UNSET, HEP_T2_ISO, HEP_T2_MILD_MODERATE, HEP_T2_MARKED } HepT2;
typedef enum { HEP_DWI_UNSET, HEP_DWI_NONE, HEP_DWI_RESTRICTED, HEP_DWI_MARKED, HEP_DWI_TARGETOID } HepDwi;
typedef enum { HEP_HBP_UNSET, HEP_HBP_HYPO, HEP_HBP_ISO_HYPER, HEP_HBP_TARGETOID } HepHbp;
typedef enum { HEP_COUNT_UNSET, HEP_COUNT_SINGLE, HEP_COUNT_MULTIPLE, HEP_COUNT_INNUMERABLE } HepCount;
/* The known primary of a known-malignancy patient (clinical-rules §5.3a). */
typedef enum {
  HEP_PRIMARY_UNSET,
  HEP_PRIMARY_COLORECTAL,
  HEP_PRIMARY_PANCREAS,
  HEP_PRIMARY_STOMACH,
  HEP_PRIMARY_LUNG,
  HEP_PRIMARY_BREAST,
  HEP_PRIMARY_NEUROENDOCRINE,
  HEP_PRIMARY_RENAL,
  HEP_PRIMARY_MELANOMA,
  HEP_PRIMARY_THYROID,
  HEP_PRIMARY_OTHER,
} HepPrimary;

/* Value of an INT feature that was not given. */
#define HEP_FEATURE_UNSET (-1)

#define HEP_FEATURE_ERROR (hep_feature_error_quark ())

typedef enum {
  HEP_FEATURE_ERROR_UNKNOWN_TOKEN,
  HEP_FEATURE_ERROR_BAD_VALUE,
  HEP_FEATURE_ERROR_OUT_OF_RANGE,
  HEP_FEATURE_ERROR_CONFLICT,
} HepFeatureError;

/* A feature set is a small value type: copy it by assignment, keep it on the
 * stack. Read and write it only through the accessors below. */
typedef struct {
  gint16 values[HEP_N_FEATURES];
} HepFeatureSet;

#define HEP_TYPE_FEATURE_SET (hep_feature_set_get_type ())

GType           hep_feature_set_get_type        (void) G_GNUC_CONST;
GQuark          hep_feature_error_quark         (void);

void            hep_feature_set_init            (HepFeatureSet       *self);
HepFeatureSet  *hep_feature_set_new             (void);
HepFeatureSet  *hep_feature_set_copy            (const HepFeatureSet *self);
void            hep_feature_set_free            (HepFeatureSet       *self);
gboolean        hep_feature_set_equal           (const HepFeatureSet *a,
                                                 const HepFeatureSet *b);

int             hep_feature_set_get             (const HepFeatureSet *self,
                                                 HepFeature           feature);
void            hep_feature_set_set             (HepFeatureSet       *self,
                                                 HepFeature           feature,
                                                 int                  value);
gboolean        hep_feature_set_has             (const HepFeatureSet *self,
                                                 HepFeature           feature);
gboolean        hep_feature_set_is_set          (const HepFeatureSet *self,
                                                 HepFeature           feature);
void            hep_feature_set_unset           (HepFeatureSet       *self,
                                                 HepFeature           feature);

gboolean        hep_feature_set_parse_token     (HepFeatureSet       *self,
                                                 const char          *token,
                                                 GError             **error);
gboolean        hep_feature_set_parse_strv      (HepFeatureSet       *self,
                                                 const char * const  *tokens,
                                                 GError             **error);
gboolean        hep_feature_set_parse           (HepFeatureSet       *self,
                                                 const char          *text,
                                                 GError             **error);
char           *hep_feature_set_to_string       (const HepFeatureSet *self);
char           *hep_feature_set_diff            (const HepFeatureSet *from,
                                                 const HepFeatureSet *to);

/* The vocabulary, for the CLI, the UI and the case library. */
const char     *hep_feature_get_token           (HepFeature           feature);
gboolean        hep_feature_from_token          (const char          *token,
                                                 HepFeature          *feature);
HepFeatureKind  hep_feature_get_kind            (HepFeature           feature);
HepFeatureGroup hep_feature_get_group           (HepFeature           feature);
const char     *hep_feature_get_label           (HepFeature           feature);
const char     *hep_feature_get_description     (HepFeature           feature);
guint           hep_feature_get_n_choices       (HepFeature           feature);
const char     *hep_feature_get_choice          (HepFeature           feature,
                                                 int                  value);
const char     *hep_feature_get_choice_label    (HepFeature           feature,
                                                 int                  value);
void            hep_feature_get_range           (HepFeature           feature,
                                                 int                 *min,
                                                 int                 *max);
char           *hep_feature_format_value        (HepFeature           feature,
                                                 int                  value);
char           *hep_feature_describe_accepted   (HepFeature           feature);
/* @feature at @value in the vocabulary's words, for people: "Nonperipheral
 * washout", "Without nonperipheral washout", "Arterial phase: Rim", "Size:
 * 20". The tokens stay in the command line. */
char           *hep_feature_describe_value      (HepFeature           feature,
                                                 int                  value);
/* What turns @from into @to, described: "Nonperipheral washout, without
 * fever"; "" when they are equal. */
char           *hep_feature_set_describe_diff   (const HepFeatureSet *from,
                                                 const HepFeatureSet *to);
const char     *hep_feature_group_get_label     (HepFeatureGroup      group);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HepFeatureSet, hep_feature_set_free)

G_END_DECLS
