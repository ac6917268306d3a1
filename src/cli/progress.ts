/** Progress on stderr for long runs: a live line on a terminal, a line every 10 % otherwise. */
export function progressReporter(label: string, minTotal = 20): (done: number, total: number) => void {
  const tty = process.stderr.isTTY;
  let lastDecile = -1;
  return (done, total) => {
    if (total < minTotal) return;
    const percent = Math.floor((done / total) * 100);
    if (tty) {
      if (done === total || done % 25 === 0) process.stderr.write(`\r${label} ${done}/${total} (${percent}%)${done === total ? '\n' : ''}`);
    } else if (Math.floor(percent / 10) !== lastDecile) {
      lastDecile = Math.floor(percent / 10);
      process.stderr.write(`${label} ${done}/${total} (${percent}%)\n`);
    }
  };
}
