/** Chinese names in the order zh-CN readers expect; one collator, since localeCompare with a locale builds one per call. */
const collator = new Intl.Collator('zh-CN');

export const compareText = (a: string, b: string): number => collator.compare(a, b);
