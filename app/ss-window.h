/* ss-window.h: a study's window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ss-application.h"
#include "ss-study.h"

G_BEGIN_DECLS

#define SS_TYPE_WINDOW (ss_window_get_type ())
G_DECLARE_FINAL_TYPE (SsWindow, ss_window, SS, WINDOW, AdwApplicationWindow)

SsWindow *ss_window_new        (SsApplication *app);
void      ss_window_set_study  (SsWindow      *self,
                                SsStudy       *study,
                                GFile         *file);
gboolean  ss_window_open_file  (SsWindow      *self,
                                GFile         *file);
SsStudy  *ss_window_get_study  (SsWindow      *self);

G_END_DECLS
