// No import: the app's start (the import's client) needs these without the reader's parsers.

/** The file names a folder's walk takes for reports (case aside); a file named on its own is read whatever its name. */
export const REPORT_EXTENSIONS = ['.txt', '.tsv', '.htm', '.html', '.shtml', '.pdf', '.docx', '.doc', '.wps'];

/** A file met in a folder is taken as a report by its extension; hidden files and folders (.DS_Store, .git) are not. */
export function reportInFolder(path: string): boolean {
  if (path.split('/').some((part) => part.startsWith('.'))) return false;
  const dot = path.lastIndexOf('.');
  return dot > path.lastIndexOf('/') && REPORT_EXTENSIONS.includes(path.slice(dot).toLowerCase());
}
