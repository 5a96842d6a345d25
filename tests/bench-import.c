/* bench-import.c: importing a year of a country's customs data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run with `meson test -C build --benchmark`. Writes a Korea Customs CSV
 * of 5 000 HS-10 lines × 50 partners × 12 months (3 M rows, with BOM,
 * CRLF, quoted thousands separators and a 총계 row per line and month)
 * into a temporary folder, then times reading it and building a study,
 * and prints the peak memory. The same is done first for three months: a
 * quarter of the rows, the same items, so a read that streams needs about
 * the same memory for both.
 */

#include "config.h"

#include <stdio.h>
#include <sys/resource.h>

#include <glib/gstdio.h>

#include "ss-import.h"

#define N_LINES    5000
#define N_PARTNERS 50
#define N_MONTHS   12

static const char *const partners[N_PARTNERS] = {
  "중국", "미국", "일본", "베트남", "호주", "대만", "독일", "인도네시아", "사우디아라비아", "말레이시아",
  "태국", "칠레", "싱가포르", "캐나다", "멕시코", "인도", "러시아", "브라질", "필리핀", "홍콩",
  "FR", "IT", "GB", "NL", "BE", "ES", "CH", "SE", "FI", "NO", "PL", "AT", "DK", "IE", "PT",
  "TR", "IL", "AE", "QA", "KW", "OM", "ZA", "NG", "EG", "MA", "AR", "PE", "CO", "NZ", "KZ",
};

static char *
write_file (const char *dir,
            guint       n_months,
            gsize      *rows)
{
  char *path = g_build_filename (dir, "customs.csv", NULL);
  FILE *f = fopen (path, "wb");
  guint32 seed = 1;

  g_assert_nonnull (f);
  fputs ("\xEF\xBB\xBF기간,국가,HS코드,품목명,수출 중량,수출 금액,수입 중량,수입 금액,무역수지\r\n", f);
  *rows = 0;
  for (guint m = 1; m <= n_months; m++)
    for (guint l = 0; l < N_LINES; l++)
      {
        unsigned long long hs = 2500000000ULL + l * 1117ULL;

        for (guint p = 0; p < N_PARTNERS; p++)
          {
            guint value, weight;

            seed = seed * 1103515245u + 12345u;
            value = 1 + (seed >> 8) % 900000;
            weight = 1 + (seed >> 4) % 50000;
            fprintf (f, "2024.%02u,%s,%llu,품목 %u,0,0,\"%u,%03u\",\"%u,%03u\",-%u\r\n", m, partners[p], hs, l,
                     weight / 1000 + 1, weight % 1000, value / 1000 + 1, value % 1000, value);
            (*rows)++;
          }
        fprintf (f, "2024.%02u,총계,%llu,품목 %u,0,0,1,1,0\r\n", m, hs, l);
        (*rows)++;
      }
  g_assert_cmpint (fclose (f), ==, 0);
  return path;
}

static long
peak_rss_mib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

static void
run (const char *dir,
     guint       n_months)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(SsImport) import = NULL;
  g_autoptr(SsStudy) study = NULL;
  g_autofree char *path = NULL;
  GStatBuf st;
  gsize rows;
  gint64 start, read_done, done;

  path = write_file (dir, n_months, &rows);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  file = g_file_new_for_path (path);

  start = g_get_monotonic_time ();
  import = ss_import_read (file, NULL, SS_IMPORT_FORMAT_DETECT, NULL, NULL, &error);
  g_assert_no_error (error);
  read_done = g_get_monotonic_time ();
  study = ss_import_new_study (import, NULL, NULL, &error);
  g_assert_no_error (error);
  done = g_get_monotonic_time ();

  g_assert_cmpuint (ss_import_get_n_items (import), ==, N_LINES);
  g_print ("%d HS-10 lines x %d partners x %u months: %" G_GSIZE_FORMAT " rows, %.0f MB; "
           "read %.2f s, study built %.2f s, total %.2f s; peak memory so far %ld MiB\n",
           N_LINES, N_PARTNERS, n_months, rows, st.st_size / 1e6,
           (read_done - start) / 1e6, (done - read_done) / 1e6, (done - start) / 1e6, peak_rss_mib ());
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("ss-bench-import-XXXXXX", NULL);

  g_assert_nonnull (dir);
  run (dir, N_MONTHS / 4);
  run (dir, N_MONTHS);
  g_rmdir (dir);
  return 0;
}
