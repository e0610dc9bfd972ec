/* hep-window-private.h: what the window's own files share
 *
 * Copyright 2026 The Hepatica authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hep-answer-bar.h"
#include "hep-case-browser.h"
#include "hep-case-card.h"
#include "hep-ddx-view.h"
#include "hep-deck-view.h"
#include "hep-diagram-view.h"
#include "hep-feature-panel.h"
#include "hep-lirads-view.h"
#include "hep-next-imaging-view.h"
#include "hep-startup-queue.h"
#include "hep-window.h"

G_BEGIN_DECLS

/* The window's files share its instance; only hep-window.c makes it. */
struct _HepWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  AdwViewSwitcherTitle *window_title;
  AdwViewStack        *view_stack;
  GtkWidget           *sidebar_button;
  GtkWidget           *case_nav_box;
  GtkWidget           *reset_button;
  GtkWidget           *unknown_button;
  HepFeaturePanel     *feature_panel;
  HepLiradsView       *lirads_view;
  gboolean             lirads_waiting;   /* below the fold at the first frame: built after it */
  HepAnswerBar        *answer_bar;
  GtkScrolledWindow   *side_scroller;
  HepDiagramView      *curve_view;
  HepDiagramView      *phases_view;
  AdwToastOverlay     *toast_overlay;
  AdwFlap             *flap;
  HepCaseBrowser      *case_browser;
  HepCaseCard         *case_card;
  GtkWidget           *answer_hidden_label;
  GtkWidget           *changes_box;
  GtkLabel            *changes_label;
  GtkExpander         *lirads_section;
  GtkExpander         *differential_section;
  GtkExpander         *next_step_section;
  GtkMenuButton       *menu_button;
  GMenuModel          *primary_menu;
  GtkWidget           *main_box;

  /* The banner under the header bar, made only when the user's database
   * could not be opened (libadwaita 1.2 has no AdwBanner) */
  GtkRevealer         *db_banner;
  GtkLabel            *db_banner_label;
  GtkWidget           *db_banner_repair;

  /* Below the fold: made after the first frame (build_lower_views) */
  HepDdxView          *ddx_view;
  HepNextImagingView  *next_imaging_view;

  /* Owned */
  GtkWindow           *shortcuts_window;   /* made when first shown */
  HepFeatureState     *state;
  GSettings           *settings;
  HepCase             *current_case;   /* NULL in Explore */
  GHashTable          *edits;          /* case id → HepFeatureSet the user left it with, this session */
  GPtrArray           *toasts;         /* AdwToast shown and not yet dismissed */
  HepFeatureSet        undo_features;  /* before Reset to Case, while win.undo-reset can bring them back */
  GtkExpander         *sections[5];    /* as panel_sections[]; NULL until made */
  gboolean             applying_layout;
  HepStartupQueue     *startup;        /* borrowed: the window owns it */
  gboolean             loading;
};


HepDiagramView *_hep_window_get_diagram_view (HepWindow   *self,
                                              HepDiagramKind kind);
void            _hep_window_show_toast       (HepWindow   *self,
                                              const char  *message);

void            _hep_window_add_toast        (HepWindow   *self,
                                              AdwToast    *toast);
/* The store to write to (imports); NULL while the user's database could
 * not be opened. */
HepCaseStore   *_hep_window_get_store        (HepWindow   *self);
/* "unknown-case" while unknown-case mode hides the case, else its id;
 * "explore" without one: for file names */
const char     *_hep_window_get_file_stem    (HepWindow   *self);

/* hep-window.c */
void            _hep_window_load_case        (HepWindow   *self,
                                              HepCase     *c);
/* applies unknown-case mode to every view of the case */
void            _hep_window_update_unknown   (HepWindow   *self);

/* hep-window-startup.c: what the first frame holds and what follows it */
void            _hep_window_startup_init     (HepWindow   *self);
void            _hep_window_startup_realize  (HepWindow   *self);
/* from the saved size, once the settings are known */
void            _hep_window_startup_size_first_frame (HepWindow *self);

/* hep-window-actions.c */
void            _hep_window_class_install_actions (GtkWidgetClass *widget_class);
/* why the user's cases are missing, and for a damaged database the way out */
void            _hep_window_show_db_banner   (HepWindow      *self,
                                              HepApplication *app);

/* hep-window-export.c */
void            _hep_window_export_diagram   (HepWindow   *self);

/* hep-window-import.c */
void            _hep_window_import_pack      (HepWindow   *self);
void            _hep_window_import_pack_file (HepWindow   *self,
                                              const char  *path);

G_END_DECLS
