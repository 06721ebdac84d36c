import { existsSync, mkdirSync, mkdtempSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeStaleSnapshotWork } from '../../electron/core/snapshots/snapshot-service';

describe('snapshot work folders', () => {
  it('removes those a killed process left behind, and leaves a running snapshot and anything else alone', async () => {
    const tmp = mkdtempSync(path.join(tmpdir(), 'pantau-tmp-'));
    const old = path.join(tmp, 'pantau-snapshot-old');
    const running = path.join(tmp, 'pantau-snapshot-now');
    const other = path.join(tmp, 'someone-else');
    for (const dir of [old, running, other]) mkdirSync(dir);
    const hourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(old, hourAgo, hourAgo);
    utimesSync(other, hourAgo, hourAgo);
    expect(await removeStaleSnapshotWork(tmp)).toBe(1);
    expect([existsSync(old), existsSync(running), existsSync(other)]).toEqual([false, true, true]);
  });
});
