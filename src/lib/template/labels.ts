/**
 * Lenient label matching: real reports vary labels by full/half-width brackets,
 * spaces and line breaks inside cells, quotes and footnote markers. Keys are
 * strict; labels are compared after this normalisation.
 */
export function normalizeLabel(label: string): string {
  // Labels repeat across thousands of reports: remember the last few thousand.
  let normalized = normalizedLabels.get(label);
  if (normalized === undefined) {
    normalized = normalize(label);
    if (normalizedLabels.size > 5000) normalizedLabels.clear();
    normalizedLabels.set(label, normalized);
  }
  return normalized;
}

const normalizedLabels = new Map<string, string>();

function normalize(label: string): string {
  return label
    .normalize('NFKC')
    .replace(/\[\s*(?:注\s*)?\d+\s*\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+/g, '')
    .replace(/[\s"'“”‘’「」『』]/g, '');
}

/** A label pattern: a fragment the normalised label contains, or a regular expression it matches. */
export type LabelPattern = string | RegExp;

export function labelMatches(normalized: string, patterns: readonly LabelPattern[]): boolean {
  return patterns.some((p) => (typeof p === 'string' ? normalized.includes(p) : p.test(normalized)));
}
