import type { CameraSummary } from './model';

type Profile = CameraSummary['profiles'][number];

/**
 * The smallest profile at least as large as the tile (in device pixels); the
 * largest if none is; the first one when sizes are unknown.
 */
export function chooseProfile(
  profiles: readonly Profile[],
  tileWidth: number,
  tileHeight: number,
): Profile | undefined {
  const sized = profiles.filter((p) => p.width && p.height);
  if (sized.length === 0) return profiles[0];
  const area = (p: Profile) => (p.width ?? 0) * (p.height ?? 0);
  const bySize = [...sized].sort((a, b) => area(a) - area(b));
  return bySize.find((p) => (p.width ?? 0) >= tileWidth && (p.height ?? 0) >= tileHeight) ?? bySize[bySize.length - 1];
}

/**
 * The sizes (16:9 boxes) the core scales a stream to. A tile gets the smallest
 * box that covers it in device pixels: decoding costs the browser in
 * proportion to pixels, and a 5×5 wall on a 1080p monitor needs 384×216, not
 * the 640×360 of a substream. 1280×720 is the ceiling (JSMpeg decodes 1080p
 * below real time).
 */
export const outputTiers = [
  { width: 320, height: 180 },
  { width: 480, height: 270 },
  { width: 640, height: 360 },
  { width: 960, height: 540 },
  { width: 1280, height: 720 },
] as const;

export function outputTier(tileWidth: number, tileHeight: number): (typeof outputTiers)[number] {
  return outputTiers.find((t) => t.width >= tileWidth && t.height >= tileHeight) ?? outputTiers[4];
}

export function tierByWidth(width: number): (typeof outputTiers)[number] | undefined {
  return outputTiers.find((t) => t.width === width);
}

/**
 * The one decision for a tile: which profile, scaled into which box. The page
 * uses it to know when its tile needs another stream (the key changes), the
 * core to answer `stream:open`; the relay only reads the box back from the URL.
 */
export function chooseStream(
  profiles: readonly Profile[],
  tileWidth: number | undefined,
  tileHeight: number | undefined,
): { profile: Profile; box: (typeof outputTiers)[number]; key: string } | undefined {
  const profile = chooseProfile(profiles, tileWidth ?? 0, tileHeight ?? 0);
  if (!profile) return undefined;
  // Without a tile size: the 1280×720 ceiling.
  const box = outputTier(tileWidth ?? Infinity, tileHeight ?? Infinity);
  return { profile, box, key: `${profile.profile}@${box.width}` };
}
