/**
 * What a picker of cameras and groups offers (watch lists, access links): the
 * inventory's group paths, a camera's label, and the cameras a typed text means.
 */
import type { CameraSummary } from '../../../shared/model';

/** Every group path of the inventory and each of its parents: what a watch list can name. */
export function groupPaths(groups: readonly (string | undefined)[]): string[] {
  const all = new Set<string>();
  for (const group of groups) {
    const parts = (group ?? '')
      .split('/')
      .map((p) => p.trim())
      .filter(Boolean);
    for (let i = 1; i <= parts.length; i++) all.add(parts.slice(0, i).join('/'));
  }
  return [...all].sort();
}

/** "Name (id)": what the camera field offers and each chip says (the id alone for a camera not in the list). */
export function cameraLabel(cameras: readonly CameraSummary[], id: string): string {
  const camera = cameras.find((c) => c.id === id);
  return camera ? `${camera.name} (${camera.id})` : id;
}

/** The camera typed: by its label or its id, else its name or a part of it that only one camera has. */
export function camerasFor(cameras: readonly CameraSummary[], text: string): CameraSummary[] {
  const byLabel = /\(([^()]+)\)$/.exec(text)?.[1];
  const byId = cameras.find((c) => c.id === (byLabel ?? text));
  if (byId) return [byId];
  const wanted = text.toLowerCase();
  const named = cameras.filter((c) => c.name.toLowerCase() === wanted);
  return named.length ? named : cameras.filter((c) => c.name.toLowerCase().includes(wanted));
}
