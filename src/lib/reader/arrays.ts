/** target.push(...items) for arrays as long as the input: a spread of 100,000 items overflows the call stack. */
export function appendAll<T>(target: T[], items: readonly T[]): T[] {
  for (const item of items) target.push(item);
  return target;
}
