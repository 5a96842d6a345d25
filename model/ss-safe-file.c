/* ss-safe-file.c: writing a file so that nothing the user has is lost
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every file the program writes (a study, the CSV report, a chart, the
 * autosave copy) goes through here. The new contents go to a temporary
 * file next to the target, are flushed to disk, get the old file's owner
 * and permissions, and are renamed over the target only when complete:
 * a crash, a kill or a full disk leaves the old file or the new one,
 * never half of either. On top of that:
 *
 * - a symbolic link is followed, and the file it points to is replaced
 *   (the link stays a link);
 * - a file the user may not write (its permission bits say read-only,
 *   even to root) is refused, never silently replaced;
 * - anything that is not a regular file (a FIFO, a device, a folder) is
 *   refused, never replaced by a regular file;
 * - a file owned by someone else whose owner cannot be kept is refused,
 *   rather than given to the user who saves;
 * - a temporary file left by a writer that was killed is removed by the
 *   next write of the same file (or by ss_safe_file_clean_strays() at
 *   start), recognised by its name, which holds the writer's process id.
 *
 * docs/decisions.md says why, and what GIO, GNOME Text Editor and
 * LibreOffice do.
 */

#define G_LOG_DOMAIN "supplyshift-safe-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ss-safe-file.h"

/* Symbolic links followed before giving up, as the kernel's own limit. */
#define MAX_LINKS 40
/* The target's name in a temporary file's name is cut to this many bytes,
 * so that the whole name stays under NAME_MAX (255). */
#define MAX_BASE 200
#define TEMP_TAG ".saving."

struct _SsSafeFile
{
  char            *target;             /* the file replaced, links resolved */
  char            *temp;
  int              fd;
  SsSafeFileFlags  flags;
  gboolean         exists;
  struct stat      old;
};

typedef enum
{
  CANNOT_WRITE,
  CANNOT_REPLACE,
} Failure;

static void
set_errno_error (GError     **error,
                 int          saved,
                 Failure      failure,
                 const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);

  if (failure == CANNOT_REPLACE)
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Cannot replace “%s”: %s"),
                 display, g_strerror (saved));
  else
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Cannot write “%s”: %s"),
                 display, g_strerror (saved));
}

/* --- Names ------------------------------------------------------------- */

/**
 * ss_file_get_display_basename:
 * @file: a file
 *
 * A file's name may be any bytes; shown in a label, a title or a menu it
 * must be UTF-8 (GTK warns and shows nothing otherwise).
 *
 * Returns: (transfer full): @file's name as UTF-8 for showing
 */
char *
ss_file_get_display_basename (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *base = NULL;

  if (path != NULL)
    return g_filename_display_basename (path);
  base = g_file_get_basename (file);
  if (base == NULL)
    return g_file_get_parse_name (file);
  return g_utf8_make_valid (base, -1);
}

/* --- Stamps ------------------------------------------------------------ */

static void
stamp_from_stat (SsFileStamp       *stamp,
                 const struct stat *st)
{
  stamp->dev = st->st_dev;
  stamp->ino = st->st_ino;
  stamp->size = st->st_size;
  stamp->mtime_ns = (gint64)st->st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + st->st_mtim.tv_nsec;
  stamp->valid = TRUE;
}

/**
 * ss_file_stamp_get:
 * @path: a file, through links
 * @stamp: (out): what it is now; not valid when it does not exist
 *
 * Returns: whether @path exists
 */
gboolean
ss_file_stamp_get (const char  *path,
                   SsFileStamp *stamp)
{
  struct stat st;

  memset (stamp, 0, sizeof *stamp);
  if (stat (path, &st) != 0)
    return FALSE;
  stamp_from_stat (stamp, &st);
  return TRUE;
}

/* A file replaced by another writer has a new inode; one rewritten in
 * place a new size or modification time. */
gboolean
ss_file_stamp_equal (const SsFileStamp *a,
                     const SsFileStamp *b)
{
  if (!a->valid || !b->valid)
    return a->valid == b->valid;
  return a->dev == b->dev && a->ino == b->ino && a->size == b->size && a->mtime_ns == b->mtime_ns;
}

/* --- Links, permissions ------------------------------------------------ */

/**
 * ss_safe_file_resolve:
 * @path: a path, which may be or go through symbolic links
 * @error: where a loop of links is reported
 *
 * Returns: (transfer full): the path of the file @path names once every
 *   link is followed; where the last link dangles, the path it names
 */
char *
ss_safe_file_resolve (const char  *path,
                      GError     **error)
{
  g_autofree char *current = g_canonicalize_filename (path, NULL);

  for (guint k = 0; k < MAX_LINKS; k++)
    {
      g_autofree char *target = NULL;
      struct stat st;

      if (lstat (current, &st) != 0 || !S_ISLNK (st.st_mode))
        return g_steal_pointer (&current);
      target = g_file_read_link (current, NULL);
      if (target == NULL)
        return g_steal_pointer (&current);
      if (!g_path_is_absolute (target))
        {
          g_autofree char *dir = g_path_get_dirname (current);
          char *joined = g_build_filename (dir, target, NULL);

          g_free (target);
          target = joined;
        }
      g_free (current);
      current = g_canonicalize_filename (target, NULL);
    }
  set_errno_error (error, ELOOP, CANNOT_WRITE, path);
  return NULL;
}

static gboolean
in_group (gid_t gid)
{
  gid_t groups[256];
  int n;

  if (gid == getegid ())
    return TRUE;
  n = getgroups (G_N_ELEMENTS (groups), groups);
  for (int k = 0; k < n; k++)
    if (groups[k] == gid)
      return TRUE;
  return FALSE;
}

/* Read-only by its permission bits for this user. Root may write any
 * file, but a file its owner marked read-only is still not replaced
 * behind the owner's back: root is held to the bits too, as vim does. */
static gboolean
is_read_only (const char        *path,
              const struct stat *st)
{
  uid_t uid = geteuid ();
  mode_t bit;

  if (access (path, W_OK) != 0 && errno != ENOENT)
    return TRUE;
  if (uid == st->st_uid)
    bit = S_IWUSR;
  else if (uid == 0)
    bit = S_IWUSR | S_IWGRP | S_IWOTH;
  else if (in_group (st->st_gid))
    bit = S_IWGRP;
  else
    bit = S_IWOTH;
  return (st->st_mode & bit) == 0;
}

static const char *
describe_kind (mode_t mode)
{
  if (S_ISDIR (mode))
    return _("a folder");
  if (S_ISFIFO (mode))
    return _("a named pipe (FIFO)");
  if (S_ISCHR (mode) || S_ISBLK (mode))
    return _("a device");
  if (S_ISSOCK (mode))
    return _("a socket");
  return _("not a regular file");
}

/* --- Stray temporary files --------------------------------------------- */

static char *
temp_prefix (const char *base)
{
  gsize len = strlen (base);

  /* Cut at a byte that starts a UTF-8 sequence, so the name stays
   * displayable when the target's name is UTF-8. */
  if (len > MAX_BASE)
    {
      len = MAX_BASE;
      while (len > 0 && ((guchar)base[len] & 0xC0) == 0x80)
        len--;
    }
  return g_strdup_printf (".%.*s" TEMP_TAG, (int)len, base);
}

/* The writer of ".NAME.saving.PID.XXXXXX", if the name is one of ours. */
static gboolean
parse_temp_name (const char *name,
                 const char *prefix,
                 pid_t      *pid)
{
  const char *p;
  char *end;
  guint64 value;

  if (!g_str_has_prefix (name, prefix))
    return FALSE;
  p = name + strlen (prefix);
  if (!g_ascii_isdigit (*p))
    return FALSE;
  value = g_ascii_strtoull (p, &end, 10);
  if (*end != '.' || strlen (end + 1) != 6 || value == 0 || value > G_MAXINT32)
    return FALSE;
  *pid = (pid_t)value;
  return TRUE;
}

static gboolean
process_is_gone (pid_t pid)
{
  return pid != getpid () && kill (pid, 0) != 0 && errno == ESRCH;
}

/**
 * ss_safe_file_clean_strays:
 * @path: a file the program writes
 *
 * Removes the temporary files that writers of @path left when they were
 * killed before they finished. A temporary file whose writer still runs
 * (another instance saving now) is left alone.
 *
 * Returns: how many were removed
 */
guint
ss_safe_file_clean_strays (const char *path)
{
  g_autofree char *target = ss_safe_file_resolve (path, NULL);
  g_autofree char *dir = NULL, *base = NULL, *prefix = NULL;
  g_autoptr(GDir) folder = NULL;
  const char *name;
  guint removed = 0;

  if (target == NULL)
    return 0;
  dir = g_path_get_dirname (target);
  base = g_path_get_basename (target);
  prefix = temp_prefix (base);
  folder = g_dir_open (dir, 0, NULL);
  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    {
      pid_t pid;

      if (parse_temp_name (name, prefix, &pid) && process_is_gone (pid))
        {
          g_autofree char *stray = g_build_filename (dir, name, NULL);
          struct stat st;

          if (lstat (stray, &st) == 0 && S_ISREG (st.st_mode) && g_unlink (stray) == 0)
            removed++;
        }
    }
  return removed;
}

/* --- Writing ----------------------------------------------------------- */

/**
 * ss_safe_file_new:
 * @path: the file to write, which may be a link to it
 * @flags: whether to keep the old file as a backup
 * @error: why it cannot be written: G_IO_ERROR_READ_ONLY,
 *   G_IO_ERROR_NOT_REGULAR_FILE, G_IO_ERROR_PERMISSION_DENIED (an owner
 *   that cannot be kept) or what the system said
 *
 * Opens a temporary file next to the file @path names, to be written
 * through ss_safe_file_write() or the file descriptor, then put in place
 * with ss_safe_file_commit(). Freeing it before removes it.
 */
SsSafeFile *
ss_safe_file_new (const char       *path,
                  SsSafeFileFlags   flags,
                  GError          **error)
{
  g_autoptr(SsSafeFile) self = g_new0 (SsSafeFile, 1);
  g_autofree char *dir = NULL, *base = NULL, *prefix = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  self->fd = -1;
  self->flags = flags;
  self->target = ss_safe_file_resolve (path, error);
  if (self->target == NULL)
    return NULL;

  self->exists = stat (self->target, &self->old) == 0;
  if (self->exists && !S_ISREG (self->old.st_mode))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, S_ISDIR (self->old.st_mode) ? G_IO_ERROR_IS_DIRECTORY
                                                                   : G_IO_ERROR_NOT_REGULAR_FILE,
                   _("“%s” is %s, not a file: it was left as it is"), display,
                   describe_kind (self->old.st_mode));
      return NULL;
    }
  if (self->exists && is_read_only (self->target, &self->old))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY,
                   _("“%s” is read-only: it was left as it is"), display);
      return NULL;
    }

  ss_safe_file_clean_strays (self->target);

  dir = g_path_get_dirname (self->target);
  base = g_path_get_basename (self->target);
  prefix = temp_prefix (base);
  self->temp = g_strdup_printf ("%s%c%s%d.XXXXXX", dir, G_DIR_SEPARATOR, prefix, (int)getpid ());
  self->fd = g_mkstemp_full (self->temp, O_RDWR | O_CLOEXEC, 0666);
  if (self->fd < 0)
    {
      int saved = errno;

      /* No file can be made next to it (a missing or read-only folder, a
       * full disk): the old file is not rewritten in place instead. */
      g_clear_pointer (&self->temp, g_free);
      set_errno_error (error, saved, CANNOT_WRITE, path);
      return NULL;
    }

  /* The owner first (changing it may clear set-id bits), then the mode;
   * a new file keeps what the umask gives. */
  if (self->exists)
    {
      if ((self->old.st_uid != geteuid () || self->old.st_gid != getegid ())
          && fchown (self->fd, self->old.st_uid, self->old.st_gid) != 0)
        {
          g_autofree char *display = g_filename_display_name (path);

          g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                       _("“%s” belongs to another user or group, which a new version saved by "
                         "you could not keep: it was left as it is"), display);
          return NULL;
        }
      if (fchmod (self->fd, self->old.st_mode & 07777) != 0)
        {
          set_errno_error (error, errno, CANNOT_WRITE, path);
          return NULL;
        }
    }
  return g_steal_pointer (&self);
}

int
ss_safe_file_get_fd (SsSafeFile *self)
{
  return self->fd;
}

const char *
ss_safe_file_get_target (SsSafeFile *self)
{
  return self->target;
}

gboolean
ss_safe_file_write (SsSafeFile  *self,
                    const void  *data,
                    gsize        len,
                    GError     **error)
{
  const char *p = data;

  while (len > 0)
    {
      gssize written = write (self->fd, p, len);

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          set_errno_error (error, errno, CANNOT_WRITE, self->target);
          return FALSE;
        }
      p += written;
      len -= written;
    }
  return TRUE;
}

static gboolean
make_backup (SsSafeFile  *self,
             GError     **error)
{
  g_autofree char *backup = g_strconcat (self->target, "~", NULL);
  g_autoptr(GFile) from = NULL, to = NULL;

  g_unlink (backup);
  if (link (self->target, backup) == 0)
    return TRUE;
  from = g_file_new_for_path (self->target);
  to = g_file_new_for_path (backup);
  return g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error);
}

/**
 * ss_safe_file_commit:
 * @self: the file, written
 * @stamp: (out) (optional): what the new file is on disk
 * @error: why it could not be put in place
 *
 * Flushes the temporary file to disk and renames it over the target; on
 * failure removes it and leaves the old file as it was.
 */
gboolean
ss_safe_file_commit (SsSafeFile   *self,
                     SsFileStamp  *stamp,
                     GError      **error)
{
  struct stat st;
  int fd = self->fd;
  int dir_fd;
  g_autofree char *dir = NULL;

  g_return_val_if_fail (self->fd >= 0, FALSE);

  self->fd = -1;
  /* fsync() of a FIFO or a pipe gives EINVAL; the temporary file is a
   * regular file, so any error is a real one. */
  if (fsync (fd) != 0 || fstat (fd, &st) != 0)
    {
      set_errno_error (error, errno, CANNOT_WRITE, self->target);
      close (fd);
      return FALSE;
    }
  if (close (fd) != 0)
    {
      set_errno_error (error, errno, CANNOT_WRITE, self->target);
      return FALSE;
    }
  if ((self->flags & SS_SAFE_FILE_BACKUP) && self->exists && !make_backup (self, error))
    return FALSE;
  if (g_rename (self->temp, self->target) != 0)
    {
      set_errno_error (error, errno, CANNOT_REPLACE, self->target);
      return FALSE;
    }
  g_clear_pointer (&self->temp, g_free);

  /* The rename itself reaches the disk once the folder is flushed. */
  dir = g_path_get_dirname (self->target);
  dir_fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd >= 0)
    {
      fsync (dir_fd);
      close (dir_fd);
    }
  if (stamp != NULL)
    stamp_from_stat (stamp, &st);
  return TRUE;
}

/* Removes the temporary file unless it was committed. */
void
ss_safe_file_free (SsSafeFile *self)
{
  if (self == NULL)
    return;
  if (self->fd >= 0)
    close (self->fd);
  if (self->temp != NULL)
    g_unlink (self->temp);
  g_free (self->temp);
  g_free (self->target);
  g_free (self);
}

/**
 * ss_safe_file_set_contents:
 * @path: the file to write, which may be a link to it
 * @data: the new contents
 * @len: their length
 * @flags: whether to keep the old file as a backup
 * @stamp: (out) (optional): what the new file is on disk
 * @error: why it was not written (the old file is then as it was)
 */
gboolean
ss_safe_file_set_contents (const char       *path,
                           const void       *data,
                           gsize             len,
                           SsSafeFileFlags   flags,
                           SsFileStamp      *stamp,
                           GError          **error)
{
  g_autoptr(SsSafeFile) file = ss_safe_file_new (path, flags, error);

  return file != NULL && ss_safe_file_write (file, data, len, error)
         && ss_safe_file_commit (file, stamp, error);
}
