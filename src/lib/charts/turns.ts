const waiting: (() => void)[] = [];

/**
 * Runs tasks one per animation frame, in the order given: a page's charts are
 * created in turn, so the first is painted without waiting for all the others.
 */
export function inTurn(task: () => void): void {
  waiting.push(task);
  if (waiting.length === 1) requestAnimationFrame(next);
}

function next() {
  waiting[0]();
  waiting.shift();
  if (waiting.length > 0) requestAnimationFrame(next);
}
