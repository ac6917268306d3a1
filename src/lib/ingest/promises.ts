/** A promise awaited after other work that may throw first: its rejection is not reported as unhandled meanwhile. */
export function handledLater<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}
