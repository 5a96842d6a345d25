/* test-files.h: the files, folders and programs a test makes, reads, removes and runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void  ss_test_write_file  (const char *path,
                           const char *text);
char *ss_test_read_file   (const char *path);
char *ss_test_list_dir    (const char *path);
void  ss_test_remove_tree (const char *path);

void  ss_test_xdotool     (const char *first,
                           ...) G_GNUC_NULL_TERMINATED;

void  ss_test_die_with_parent (gpointer user_data);

G_END_DECLS
