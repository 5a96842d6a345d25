/* main.c: starts Supply Shift
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "ss-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SsApplication) app = NULL;
  const char *localedir = LOCALEDIR;

  /* Uninstalled runs (meson devenv, the tests) read the catalogues the
   * build just compiled. */
  if (g_getenv ("SUPPLYSHIFT_LOCALEDIR") != NULL)
    localedir = g_getenv ("SUPPLYSHIFT_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = ss_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
