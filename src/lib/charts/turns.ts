/** A task returns false when it found nothing to do (its chart already gone): the next one runs in the same frame. */
type Task = () => boolean;

const waiting: Task[] = [];
let scheduled = false;

/**
 * Runs tasks one per animation frame, in the order given: a page's charts are
 * created in turn, so the first is painted without waiting for all the others.
 */
export function inTurn(task: Task): void {
  waiting.push(task);
  if (!scheduled) {
    scheduled = true;
    requestAnimationFrame(next);
  }
}

function next() {
  try {
    while (waiting.length > 0 && !waiting.shift()!());
  } finally {
    // A task that throws does not hold up the ones after it.
    if (waiting.length > 0) requestAnimationFrame(next);
    else scheduled = false;
  }
}
