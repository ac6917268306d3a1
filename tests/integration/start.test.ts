import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;

describe('npm start', () => {
  it('a port already in use (a dashboard already running): one line saying so and what to do, at once, no stack trace', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as AddressInfo).port;
    try {
      const run = spawnSync('npx', ['tsx', 'src/cli/start.ts'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, PORT: String(port) } });
      expect(run.status).toBe(1);
      expect(run.stderr.trim()).toBe(`✗ 端口 ${port} 已被占用（也许看板已在运行：打开 http://localhost:${port}/ 看看）：关闭占用它的程序，或换一个端口，如 PORT=${port + 1} npm start（port ${port} in use）`);
      // Nothing was started: no demo corpus generated, no build.
      expect(run.stdout).toBe('');
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });
});
