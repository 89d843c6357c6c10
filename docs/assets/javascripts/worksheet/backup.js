// The note under the toolbar on the last backup: every page shows it, a moment after it starts
// (the note needs Intl, whose first use is slow, so it waits for the worksheet to be ready).

/** When the answers were last exported; or, after 40 saves since, that a backup is due. */
export function backupNote(line, meta, t, language) {
  const due = meta.edits >= 40;
  const date = new Date(meta.exported ?? NaN);
  const when = !isNaN(date) && new Intl.DateTimeFormat(language, { dateStyle: "long", timeStyle: "short" }).format(date);
  line.classList.toggle("ws-backup--due", due);
  line.textContent = due ? t("ws_backup_due") : when ? t("ws_backup_last", { date: when }) : t("ws_backup_never");
}
