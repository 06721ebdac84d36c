/** The access links' API handlers (issue #16): for the machine's own link only (shared/access.ts). */
import type { accessMethods } from '../../../shared/access-api';
import type { ApiHandlers } from '../api/dispatch';
import type { AccessLinks } from './access-links';

export function accessHandlers(links: AccessLinks): Pick<ApiHandlers, keyof typeof accessMethods> {
  return {
    'access:list': () => ({ links: links.list() }),
    'access:create': ({ days, ...link }) => links.create({ ...link, ...(days ? { days } : {}) }),
    'access:revoke': ({ id }) => links.revoke(id),
  };
}
