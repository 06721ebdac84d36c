/**
 * The core's side of an access link (shared/access.ts): before a handler runs,
 * the method must be one the link's rights allow and any camera it names must
 * be in the link's scope; after, lists are cut to that scope. A camera outside
 * the scope is refused in the very words used for a camera that does not
 * exist, so a link cannot learn which ids are there.
 */
import { inScope, methodRights, type AccessGrant } from '../../../shared/access';
import type { ApiMethod } from '../../../shared/api';
import { cameraNotFound, type PantauError } from '../../../shared/errors';

/** A camera's group, or null when there is no such camera. */
export type GroupOf = (cameraId: string) => string | undefined | null;

export class AccessCheck {
  constructor(
    readonly grant: AccessGrant,
    private readonly groupOf: GroupOf,
  ) {}

  /** Why this call is refused, or undefined. Runs before the params are even read: a refusal says nothing of them. */
  refusesMethod(method: ApiMethod): PantauError | undefined {
    const needs = methodRights[method];
    if (needs !== 'local' && this.grant.rights.has(needs)) return undefined;
    return { code: 'unauthorized', message: `The access link "${this.grant.name}" may not use ${method}.` };
  }

  /** Why the parsed params name a camera this link cannot reach, or undefined. */
  refusesParams(params: unknown): PantauError | undefined {
    const named = params as { cameraId?: unknown; camera?: { id?: unknown; group?: unknown } } | undefined;
    const ids = [named?.cameraId, named?.camera?.id].filter((id): id is string => typeof id === 'string');
    for (const id of ids) if (!this.sees(id)) return { code: 'camera-not-found', message: cameraNotFound(id).message };
    // An edit may not move a camera out of the link's reach (into another agency's group).
    const camera = named?.camera;
    if (
      camera &&
      typeof camera.id === 'string' &&
      !inScope(this.grant.scope, { id: camera.id, group: typeof camera.group === 'string' ? camera.group : undefined })
    )
      return { code: 'unauthorized', message: `The access link "${this.grant.name}" may not move a camera there.` };
    return undefined;
  }

  /** The result as this link may see it: lists of cameras and streams cut to its scope. */
  filter(method: ApiMethod, value: unknown): unknown {
    if (method === 'app:info') {
      // The machine's notices name cameras of every agency, and its camera file.
      const {
        cameraFileNotice: _notice,
        unreadablePasswords,
        ...info
      } = value as {
        cameraFileNotice?: unknown;
        unreadablePasswords: string[];
      };
      return {
        ...info,
        unreadablePasswords: unreadablePasswords.filter((id) => this.sees(id)),
        access: { name: this.grant.name, rights: [...this.grant.rights] },
      };
    }
    if (method === 'camera:list' || method === 'stream:statuses') {
      return (value as { id?: string; cameraId?: string }[]).filter((item) => this.sees(item.cameraId ?? item.id!));
    }
    return value;
  }

  sees(cameraId: string): boolean {
    const group = this.groupOf(cameraId);
    return group !== null && inScope(this.grant.scope, { id: cameraId, group });
  }
}
