import type { CameraSummary } from './model';

type Profile = CameraSummary['profiles'][number];

/**
 * The smallest profile at least as large as the tile (in device pixels); the
 * largest if none is; the first one when sizes are unknown.
 */
export function chooseProfile(profiles: readonly Profile[], tileWidth: number, tileHeight: number): Profile | undefined {
  const sized = profiles.filter((p) => p.width && p.height);
  if (sized.length === 0) return profiles[0];
  const area = (p: Profile) => (p.width ?? 0) * (p.height ?? 0);
  const bySize = [...sized].sort((a, b) => area(a) - area(b));
  return bySize.find((p) => (p.width ?? 0) >= tileWidth && (p.height ?? 0) >= tileHeight) ?? bySize[bySize.length - 1];
}
