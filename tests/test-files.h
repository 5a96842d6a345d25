/* test-files.h: files and folders a test makes, reads and removes
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

G_END_DECLS
