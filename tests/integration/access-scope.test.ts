/**
 * Access links enforced in the core (issue #16), method by method, against the
 * real core and its real handlers: a link without a right gets no method that
 * needs it (whatever its params), a camera outside its scope is refused in the
 * words of a camera that does not exist, lists are cut to its cameras, and the
 * machine's own link (no grant) is unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessCheck } from '../../electron/core/api/access-check';
import { dispatch, type CallContext } from '../../electron/core/api/dispatch';
import { silentLogger } from '../../electron/core/log';
import type { PantauCore } from '../../electron/core/pantau-core';
import { accessRights, methodRights, type AccessGrant, type AccessRight } from '../../shared/access';
import { apiMethods, type ApiMethod } from '../../shared/api';
import { openCoreWith } from './open-core';

let core: PantauCore;
const cameras = [
  { id: 'polisi-1', name: 'Pos Polisi Simpang Lima', group: 'Polrestabes/Semarang Tengah' },
  { id: 'polisi-2', name: 'Pos Polisi Tugu Muda', group: 'Polrestabes/Semarang Barat' },
  { id: 'dishub-1', name: 'Dishub Kaligawe', group: 'Dishub/Genuk' },
  { id: 'bpbd-1', name: 'Pintu Air Banjir Kanal', group: 'BPBD' },
].map((c) => ({ ...c, streams: [{ profile: 'main', url: `rtsp://127.0.0.9:9/${c.id}` }] }));

beforeAll(async () => {
  ({ core } = await openCoreWith(cameras));
});
afterAll(async () => {
  await core?.dispose();
});

const groupOf = (id: string) => {
  try {
    return core.cameras.summary(id).group;
  } catch {
    return null;
  }
};
function as(rights: AccessRight[], scope: Partial<AccessGrant['scope']> = {}): CallContext {
  const grant: AccessGrant = {
    name: 'Polrestabes',
    rights: new Set(rights),
    scope: { all: false, groups: [], cameraIds: [], ...scope },
  };
  return { relayBase: 'ws://127.0.0.1:9', access: new AccessCheck(grant, groupOf) };
}
const call = (method: string, params: unknown, context: CallContext) =>
  dispatch(core.handlers, method, params, context, silentLogger);

describe('an access link reaches only the methods its rights allow', () => {
  const methods = Object.keys(apiMethods) as ApiMethod[];

  it('every method of the contract is classed', () => {
    expect(Object.keys(methodRights).sort()).toEqual([...methods].sort());
  });

  it.each(methods)('%s: refused to a link without its right, whatever the params', async (method) => {
    const needs = methodRights[method];
    // Every right but the one the method needs (all of them for a local-only method).
    const others = accessRights.filter((r) => r !== needs);
    const result = await call(method, { cameraId: 'polisi-1', junk: true }, as(others, { all: true }));
    expect(result).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(!result.ok && result.error.message).toContain('Polrestabes');
  });
});

describe('an access link reaches only its cameras', () => {
  const police = () => as(['view', 'ptz', 'evidence', 'edit'], { groups: ['Polrestabes'], cameraIds: ['bpbd-1'] });

  it('lists its cameras only: the groups below its group, and the ids it names', async () => {
    const ids = (result: Awaited<ReturnType<typeof call>>) =>
      result.ok ? (result.value as { id: string; demo: boolean }[]).filter((c) => !c.demo).map((c) => c.id) : [];
    expect(ids(await call('camera:list', {}, police())).sort()).toEqual(['bpbd-1', 'polisi-1', 'polisi-2']);
    expect(ids(await call('camera:list', {}, { relayBase: 'ws://127.0.0.1:9' }))).toHaveLength(4);
  });

  it.each([
    ['stream:open', { cameraId: 'dishub-1' }],
    ['ptz:stop', { cameraId: 'dishub-1' }],
    ['snapshot:take', { cameraId: 'dishub-1' }],
    ['evidence:record', { cameraId: 'dishub-1', on: true }],
    ['camera:get', { cameraId: 'dishub-1' }],
  ] as const)(
    '%s on a camera outside it: the same answer as for a camera that does not exist',
    async (method, params) => {
      const outside = await call(method, params, police());
      const missing = await call(method, { ...params, cameraId: 'tidak-ada' }, { relayBase: 'ws://127.0.0.1:9' });
      if (outside.ok || missing.ok) throw new Error('both must be refused');
      expect(outside.error).toEqual({
        code: 'camera-not-found',
        message: missing.error.message.replace('tidak-ada', 'dishub-1'),
      });
    },
  );

  it('an edit may not move one of its cameras into another agency’s group', async () => {
    const view = await call('camera:get', { cameraId: 'polisi-2' }, police());
    expect(view.ok).toBe(true);
    const moved = await call('camera:update', { camera: { ...cameras[1]!, group: 'Dishub/Genuk' } }, police());
    expect(moved).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const renamed = await call('camera:update', { camera: { ...cameras[1]!, name: 'Pos Tugu Muda' } }, police());
    expect(renamed.ok).toBe(true);
  });

  it('learns nothing of other cameras from the app’s facts', async () => {
    const info = await call('app:info', {}, police());
    expect(info).toMatchObject({ ok: true, value: { name: 'Pantau', unreadablePasswords: [] } });
    expect(JSON.stringify(info)).not.toMatch(/dishub|cameras\.json/);
  });

  it('opens the stream of a camera in it', async () => {
    const opened = await call('stream:open', { cameraId: 'polisi-1' }, police());
    expect(opened).toMatchObject({ ok: true, value: { url: expect.stringContaining('/stream/polisi-1/') } });
  });
});
