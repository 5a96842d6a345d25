/* test-util.h: checks several test programs share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ss-study.h"

G_BEGIN_DECLS

void ss_test_assert_round_trips (SsStudy *study);
void ss_test_flush              (void);

G_END_DECLS
