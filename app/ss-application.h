/* ss-application.h: the application: command line, actions, windows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SS_TYPE_APPLICATION (ss_application_get_type ())
G_DECLARE_FINAL_TYPE (SsApplication, ss_application, SS, APPLICATION, AdwApplication)

SsApplication *ss_application_new (void);

G_END_DECLS
