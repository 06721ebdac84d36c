/**
 * Who may do what through the API (issue #16): an access link for an agency
 * carries rights and a scope of cameras, and the core enforces both on every
 * call (electron/core/api/access-check.ts) — hiding a button is never the
 * guard. The machine's own link (the token made at start) has no grant: it may
 * do everything, as before.
 *
 * Every method of the contract is classed here, so a new one cannot be added
 * without deciding who may call it (the Record below does not compile
 * otherwise). 'local' methods are for the machine's own link only: they show
 * or change things beyond any one agency's cameras (other cameras' ids in
 * layouts, the fleet, the alarm log, this machine's folders and settings), or
 * secrets (the inventory export with passwords).
 */
import type { ApiMethod } from './api';
import type { AccessRight } from './access-api';

export { accessRights, type AccessRight } from './access-api';

export const methodRights: Record<ApiMethod, AccessRight | 'local'> = {
  'app:info': 'view',
  'camera:list': 'view',
  'stream:open': 'view',
  'stream:statuses': 'view',
  'camera:get': 'edit',
  'camera:update': 'edit',
  'camera:remove': 'edit',
  'camera:probe': 'edit',
  'ptz:move': 'ptz',
  'ptz:stop': 'ptz',
  'ptz:presets': 'ptz',
  'ptz:goto': 'ptz',
  'ptz:save': 'ptz',
  'ptz:forget': 'ptz',
  'ptz:home': 'ptz',
  'snapshot:take': 'evidence',
  'evidence:save': 'evidence',
  'evidence:record': 'evidence',
  // Adding cameras, by hand, by CSV, from ONVIF: the new camera would be outside any scope.
  'camera:add': 'local',
  'camera:import': 'local',
  'onvif:discover': 'local',
  'onvif:inspect': 'local',
  'onvif:add': 'local',
  'demo:remove': 'local',
  // Passwords, when asked for.
  'camera:export': 'local',
  // Layouts and tours name cameras of every agency.
  'layout:list': 'local',
  'layout:save': 'local',
  'layout:delete': 'local',
  'layout:default': 'local',
  'layout:lock': 'local',
  'layout:import': 'local',
  'layout:export': 'local',
  'tour:get': 'local',
  'tour:save': 'local',
  // This machine's folders, load and settings.
  'snapshot:folder': 'local',
  'snapshot:choose': 'local',
  'snapshot:list': 'local',
  'snapshot:reveal': 'local',
  'system:load': 'local',
  'settings:get': 'local',
  'settings:set': 'local',
  // The whole fleet, the alarm log and the evidence log.
  'fleet:states': 'local',
  'fleet:sweep': 'local',
  'fleet:configure': 'local',
  'fleet:uptime': 'local',
  'alarm:list': 'local',
  'alarm:ack': 'local',
  'alarm:watch': 'local',
  'alarm:unwatch': 'local',
  'evidence:state': 'local',
  'evidence:configure': 'local',
  'evidence:list': 'local',
  'evidence:verify': 'local',
  'evidence:check': 'local',
  'access:list': 'local',
  'access:create': 'local',
  'access:revoke': 'local',
};

/** Which cameras a link reaches: all, or those of some groups (and everything below them) and some ids. */
export interface AccessScope {
  all: boolean;
  groups: readonly string[];
  cameraIds: readonly string[];
}

export function inScope(scope: AccessScope, camera: { id: string; group?: string | undefined }): boolean {
  if (scope.all || scope.cameraIds.includes(camera.id)) return true;
  const group = camera.group ?? '';
  return scope.groups.some((g) => group === g || group.startsWith(`${g}/`));
}

/** What a call made with an access link may do (absent: the machine's own link, everything). */
export interface AccessGrant {
  /** The link's name, as the audit log and refusals say it. */
  name: string;
  rights: ReadonlySet<AccessRight>;
  scope: AccessScope;
}
