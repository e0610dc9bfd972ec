/* hep-case.h: one teaching case of the case library
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A case is one patient with one focal liver lesion: the clinical story, the
 * imaging features as HepFeatureSet tokens, findings text per phase, the
 * proven diagnosis and the teaching material. The patient's age, sex and the
 * lesion size are read from the feature set (age=, sex=, size=).
 *
 * A HepCase is a plain value object: the store loads and saves it, the case
 * source format (hep-case-source.h) validates it.
 */

#pragma once

#include <glib-object.h>

#include "hep-feature-set.h"
#include "hep-lirads.h"

G_BEGIN_DECLS

/* The phases and sequences a finding text belongs to. */
typedef enum {
  HEP_CASE_PHASE_PRE,
  HEP_CASE_PHASE_ARTERIAL,
  HEP_CASE_PHASE_PORTAL,
  HEP_CASE_PHASE_DELAYED,
  HEP_CASE_PHASE_HBP,
  HEP_CASE_PHASE_T2,
  HEP_CASE_PHASE_DWI,
  HEP_CASE_PHASE_OTHER,

  HEP_N_CASE_PHASES
} HepCasePhase;

/* Fields hidden in unknown-case mode. */
typedef enum {
  HEP_CASE_SPOILER_TITLE             = 1 << 0,
  HEP_CASE_SPOILER_DIAGNOSIS         = 1 << 1,
  HEP_CASE_SPOILER_PROOF             = 1 << 2,
  HEP_CASE_SPOILER_CERTAINTY         = 1 << 3,
  HEP_CASE_SPOILER_LIRADS            = 1 << 4,
  HEP_CASE_SPOILER_TEACHING_POINTS   = 1 << 5,
  HEP_CASE_SPOILER_PITFALLS          = 1 << 6,
  HEP_CASE_SPOILER_REFERENCES        = 1 << 7,
  HEP_CASE_SPOILER_TAGS              = 1 << 8,
  HEP_CASE_SPOILER_FINDINGS_PRE      = 1 << 9,   /* + HepCasePhase for the others */
  /* bits 9 … 9 + HEP_N_CASE_PHASES - 1: the findings */
  HEP_CASE_SPOILER_OUTCOME           = 1 << 17,  /* Outcome=: what proved the diagnosis */
} HepCaseSpoiler;

#define HEP_CASE_SPOILER_FINDINGS(phase) (HEP_CASE_SPOILER_FINDINGS_PRE << (phase))
G_STATIC_ASSERT (HEP_CASE_SPOILER_OUTCOME == HEP_CASE_SPOILER_FINDINGS_PRE << HEP_N_CASE_PHASES);
#define HEP_CASE_SPOILER_ALL ((guint) ((HEP_CASE_SPOILER_OUTCOME << 1) - 1))
/* Used when a case names no spoilers: everything that gives the answer away,
 * but not the findings, which are what the student reads. */
#define HEP_CASE_SPOILER_DEFAULT (HEP_CASE_SPOILER_TITLE | HEP_CASE_SPOILER_DIAGNOSIS | \
                                  HEP_CASE_SPOILER_PROOF | HEP_CASE_SPOILER_CERTAINTY | \
                                  HEP_CASE_SPOILER_LIRADS | HEP_CASE_SPOILER_TEACHING_POINTS | \
                                  HEP_CASE_SPOILER_PITFALLS | HEP_CASE_SPOILER_REFERENCES | \
                                  HEP_CASE_SPOILER_TAGS | HEP_CASE_SPOILER_OUTCOME)

/* Where a case lives. */
typedef enum {
  HEP_CASE_ORIGIN_USER,     /* the user's database: editable */
  HEP_CASE_ORIGIN_BUNDLED,  /* the read-only library shipped with the app */
} HepCaseOrigin;

/* One key image: a caption and where it comes from. */
typedef struct {
  char *caption;
  char *phase;      /* free text such as "arterial" or "hbp" */
  char *modality;   /* us, ct or mri */
  char *file;       /* relative to the case file; may be NULL */
} HepCaseImage;

#define HEP_TYPE_CASE_IMAGE (hep_case_image_get_type ())
GType         hep_case_image_get_type   (void) G_GNUC_CONST;
HepCaseImage *hep_case_image_new        (const char         *caption,
                                         const char         *phase,
                                         const char         *modality,
                                         const char         *file);
HepCaseImage *hep_case_image_copy       (const HepCaseImage *image);
void          hep_case_image_free       (HepCaseImage       *image);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HepCaseImage, hep_case_image_free)

#define HEP_TYPE_CASE (hep_case_get_type ())
G_DECLARE_FINAL_TYPE (HepCase, hep_case, HEP, CASE, GObject)

HepCase             *hep_case_new                  (const char          *id);
HepCase             *hep_case_copy                 (HepCase             *self);
gboolean             hep_case_equal                (HepCase             *a,
                                                    HepCase             *b);

const char          *hep_case_get_id               (HepCase             *self);
void                 hep_case_set_id               (HepCase             *self,
                                                    const char          *id);
const char          *hep_case_get_title            (HepCase             *self);
void                 hep_case_set_title            (HepCase             *self,
                                                    const char          *title);
const char          *hep_case_get_history          (HepCase             *self);
void                 hep_case_set_history          (HepCase             *self,
                                                    const char          *history);
const char          *hep_case_get_presentation     (HepCase             *self);
void                 hep_case_set_presentation     (HepCase             *self,
                                                    const char          *presentation);
const char          *hep_case_get_found_on         (HepCase             *self);
void                 hep_case_set_found_on         (HepCase             *self,
                                                    const char          *modality);

const HepFeatureSet *hep_case_get_features         (HepCase             *self);
void                 hep_case_set_features         (HepCase             *self,
                                                    const HepFeatureSet *features);
char                *hep_case_dup_features_string  (HepCase             *self);
int                  hep_case_get_age              (HepCase             *self);
HepSex               hep_case_get_sex              (HepCase             *self);
int                  hep_case_get_size             (HepCase             *self);

const char          *hep_case_get_findings         (HepCase             *self,
                                                    HepCasePhase         phase);
void                 hep_case_set_findings         (HepCase             *self,
                                                    HepCasePhase         phase,
                                                    const char          *text);

const char          *hep_case_get_diagnosis        (HepCase             *self);
void                 hep_case_set_diagnosis        (HepCase             *self,
                                                    const char          *diagnosis);
const char          *hep_case_get_proof            (HepCase             *self);
void                 hep_case_set_proof            (HepCase             *self,
                                                    const char          *proof);
/* What proved the diagnosis, in prose (biopsy, resection, explant, culture,
 * serology, follow-up), or NULL: always hidden in unknown-case mode. */
const char          *hep_case_get_outcome          (HepCase             *self);
void                 hep_case_set_outcome          (HepCase             *self,
                                                    const char          *outcome);
const char          *hep_case_get_certainty        (HepCase             *self);
void                 hep_case_set_certainty        (HepCase             *self,
                                                    const char          *certainty);
HepLiradsCategory    hep_case_get_lirads           (HepCase             *self);
void                 hep_case_set_lirads           (HepCase             *self,
                                                    HepLiradsCategory    category);
int                  hep_case_get_difficulty       (HepCase             *self);
void                 hep_case_set_difficulty       (HepCase             *self,
                                                    int                  difficulty);
const char          *hep_case_get_language         (HepCase             *self);
void                 hep_case_set_language         (HepCase             *self,
                                                    const char          *language);
const char          *hep_case_get_author           (HepCase             *self);
void                 hep_case_set_author           (HepCase             *self,
                                                    const char          *author);
const char          *hep_case_get_license          (HepCase             *self);
void                 hep_case_set_license          (HepCase             *self,
                                                    const char          *license);

const char * const  *hep_case_get_tags             (HepCase             *self);
void                 hep_case_set_tags             (HepCase             *self,
                                                    const char * const  *tags);
gboolean             hep_case_has_tag              (HepCase             *self,
                                                    const char          *tag);
const char * const  *hep_case_get_teaching_points  (HepCase             *self);
void                 hep_case_set_teaching_points  (HepCase             *self,
                                                    const char * const  *points);
const char * const  *hep_case_get_pitfalls         (HepCase             *self);
void                 hep_case_set_pitfalls         (HepCase             *self,
                                                    const char * const  *pitfalls);
const char * const  *hep_case_get_references       (HepCase             *self);
void                 hep_case_set_references       (HepCase             *self,
                                                    const char * const  *references);

/* The spoilers the case lists (Spoilers=). What unknown-case mode hides is
 * more: hep_case_is_spoiler() and hep-case-spoilers.h. */
guint                hep_case_get_spoilers         (HepCase             *self);
void                 hep_case_set_spoilers         (HepCase             *self,
                                                    guint                spoilers);
gboolean             hep_case_is_spoiler           (HepCase             *self,
                                                    const char          *field);

guint                hep_case_get_n_images         (HepCase             *self);
const HepCaseImage  *hep_case_get_image            (HepCase             *self,
                                                    guint                index);
void                 hep_case_add_image            (HepCase             *self,
                                                    const HepCaseImage  *image);
void                 hep_case_clear_images         (HepCase             *self);

HepCaseOrigin        hep_case_get_origin           (HepCase             *self);
void                 hep_case_set_origin           (HepCase             *self,
                                                    HepCaseOrigin        origin);
gboolean             hep_case_is_editable          (HepCase             *self);
const char          *hep_case_get_derived_from     (HepCase             *self);
void                 hep_case_set_derived_from     (HepCase             *self,
                                                    const char          *id);
gint64               hep_case_get_modified         (HepCase             *self);
void                 hep_case_set_modified         (HepCase             *self,
                                                    gint64               unix_time);

/* Vocabularies of the case fields. */
const char          *hep_case_phase_to_key         (HepCasePhase         phase);
gboolean             hep_case_phase_from_key       (const char          *key,
                                                    HepCasePhase        *phase);
const char          *hep_case_phase_get_label      (HepCasePhase         phase);
const char          *hep_case_spoiler_to_string    (HepCaseSpoiler       spoiler);
gboolean             hep_case_spoiler_from_string  (const char          *name,
                                                    HepCaseSpoiler      *spoiler);

gboolean             hep_case_diagnosis_is_known   (const char          *diagnosis);
const char          *hep_case_diagnosis_get_label  (const char          *diagnosis);
const char * const  *hep_case_get_diagnosis_ids    (void);
gboolean             hep_case_proof_is_known       (const char          *proof);
const char          *hep_case_proof_get_label      (const char          *proof);
gboolean             hep_case_modality_is_known    (const char          *modality);
const char          *hep_case_modality_get_label   (const char          *modality);
const char          *hep_case_modality_get_phrase  (const char          *modality);

G_END_DECLS
