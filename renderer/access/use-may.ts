/**
 * What this page may do: everything on the machine's own link; on an access
 * link (issue #16), only what its rights allow. Controls the core would refuse
 * are not shown — the core still refuses them (shared/access.ts).
 */
import type { AccessRight } from '../../shared/access-api';
import { useStore } from '../store';

export function useMay(): (need: AccessRight | 'local') => boolean {
  const access = useStore((s) => s.info?.access);
  return (need) => !access || (need !== 'local' && access.rights.includes(need));
}
