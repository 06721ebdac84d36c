import { describe, expect, it } from 'vitest';
import { healthCsv, healthRows, sortHealthRows } from '../../shared/health-report';
import type { CameraSummary, StreamStatus } from '../../shared/model';
import { tileState, type TileFacts } from '../../shared/tile-state';

describe('tileState', () => {
  const live: TileFacts = {
    hasCamera: true,
    openFailed: false,
    core: { state: 'live' },
    socketUp: true,
    decoded: true,
    stale: false,
  };

  it('is live only when the core says live and this tile is painting', () => {
    expect(tileState(live)).toBe('live');
    expect(tileState({ ...live, stale: true })).toBe('stalled');
    expect(tileState({ ...live, socketUp: false })).toBe('reconnecting');
    expect(tileState({ ...live, decoded: false })).toBe('connecting');
  });

  it("shows the core's verdict when the stream is in trouble", () => {
    for (const state of ['stalled', 'reconnecting', 'offline', 'auth-failed', 'unsupported'] as const) {
      expect(tileState({ ...live, core: { state } })).toBe(state);
    }
    expect(tileState({ ...live, core: undefined })).toBe('connecting');
  });

  it('never calls a damaged picture live, and still checks this tile is painting it', () => {
    const degraded = { ...live, core: { state: 'degraded' as const } };
    expect(tileState(degraded)).toBe('degraded');
    expect(tileState({ ...degraded, stale: true })).toBe('stalled');
    expect(tileState({ ...degraded, socketUp: false })).toBe('reconnecting');
  });

  it('distinguishes empty tiles and streams that cannot be opened', () => {
    expect(tileState({ ...live, hasCamera: false })).toBe('empty');
    expect(tileState({ ...live, openFailed: true })).toBe('error');
  });
});

describe('health report', () => {
  const camera = (id: string, name: string): CameraSummary => ({
    id,
    name,
    group: 'Kota Semarang/Tembalang',
    profiles: [{ profile: 'main' }],
    demo: false,
  });
  const status = (cameraId: string, state: StreamStatus['state'], extra: Partial<StreamStatus> = {}): StreamStatus => ({
    cameraId,
    profile: 'main',
    state,
    since: 1_000_000,
    fps: 0,
    kbps: 0,
    reconnects: 0,
    ...extra,
  });
  const cameras = [camera('a', 'Simpang Lima'), camera('b', 'Tugu Muda'), camera('c', 'Jl. "Pemuda", Semarang')];
  const statuses = {
    'a/main': status('a', 'live', { fps: 25, kbps: 700 }),
    'c/main': status('c', 'auth-failed', {
      reconnects: 2,
      error: { code: 'auth-failed', message: '=cmd|401 Unauthorized' },
    }),
  };

  it('lists every camera, unwatched ones as idle, and sorts the worst first', () => {
    const rows = sortHealthRows(healthRows(cameras, statuses), 'state', true);
    expect(rows.map((r) => [r.cameraId, r.state])).toEqual([
      ['c', 'auth-failed'],
      ['a', 'live'],
      ['b', 'idle'],
    ]);
    expect(sortHealthRows(rows, 'fps', false)[0]!.cameraId).toBe('a');
  });

  it('exports CSV with a BOM, quoting, and no formula injection', () => {
    const headers = {
      cameraId: 'id',
      name: 'name',
      group: 'group',
      profile: 'profile',
      state: 'state',
      since: 'since',
      duration: 'duration',
      fps: 'fps',
      kbps: 'kbps',
      reconnects: 'reconnects',
      lastFrameAt: 'last',
      error: 'error',
    };
    const csv = healthCsv(healthRows(cameras, statuses), headers, 1_060_000);
    expect(csv.startsWith('\uFEFFid,name,group,profile,state,since,duration,fps,kbps,reconnects,last,error\r\n')).toBe(
      true,
    );
    const lines = csv.slice(1).trim().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(
      /^a,Simpang Lima,Kota Semarang\/Tembalang,main,live,\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,60,25,700,0,,$/,
    );
    expect(lines[3]).toContain('"Jl. ""Pemuda"", Semarang"');
    expect(lines[3]).toContain(',auth-failed: =cmd|401 Unauthorized');
    expect(lines[2]).toBe('b,Tugu Muda,Kota Semarang/Tembalang,,idle,,,0,0,0,,');
    const hostile = healthCsv(healthRows([camera('x', '=HYPERLINK("http://evil")')], {}), headers, 0);
    expect(hostile).toContain(`x,"'=HYPERLINK(""http://evil"")",`);
  });
});
