import { describe, expect, it } from 'vitest';
import { ProbeGate } from '../../electron/core/cameras/probe-gate';

describe('"test connection" is not a port scanner', () => {
  it('one test at a time per host: a second one is refused while the first runs, allowed after', async () => {
    const gate = new ProbeGate();
    let finish!: () => void;
    const first = gate.run(
      'rtsp://10.0.0.5:554/a',
      () => new Promise<string>((resolve) => (finish = () => resolve('done'))),
    );
    await expect(gate.run('rtsp://10.0.0.5:554/b', async () => 'x')).rejects.toMatchObject({ code: 'invalid-request' });
    expect(await gate.run('rtsp://10.0.0.6:554/a', async () => 'other host')).toBe('other host');
    finish();
    expect(await first).toBe('done');
    expect(await gate.run('rtsp://10.0.0.5:554/b', async () => 'again')).toBe('again');
  });

  it('at most N tests a minute, counted over the last 60 s', async () => {
    let now = 0;
    const gate = new ProbeGate(3, () => now);
    for (let i = 0; i < 3; i++) await gate.run(`rtsp://10.0.0.${i}/`, async () => i);
    await expect(gate.run('rtsp://10.0.0.9/', async () => 9)).rejects.toThrow(/At most 3 connection tests a minute/);
    now = 60_001;
    expect(await gate.run('rtsp://10.0.0.9/', async () => 9)).toBe(9);
  });
});
