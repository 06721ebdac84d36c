/**
 * Work on a city's inventory (20,000 cameras) in steps, so the core's event
 * loop — every tile's relay, every API reply — is never held for the whole of
 * it: a generator does a few milliseconds of work between two yields, and
 * `stepAside` lets other work run at each.
 */
import { CameraFileEntrySchema, type CameraFileEntry } from '../../../shared/model';

export async function stepAside<T>(steps: Generator<void, T>): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

const ENTRIES_PER_STEP = 500;

/**
 * The whole camera list checked before it is written (every entry against
 * the schema, ids unique), as `CameraFileSchema` would, in steps. Undefined
 * when anything is wrong: the caller refuses the change and writes nothing.
 */
export function* checkedCameraList(
  cameras: readonly CameraFileEntry[],
): Generator<void, CameraFileEntry[] | undefined> {
  const checked: CameraFileEntry[] = [];
  const ids = new Set<string>();
  for (const [index, camera] of cameras.entries()) {
    if (index > 0 && index % ENTRIES_PER_STEP === 0) yield;
    const parsed = CameraFileEntrySchema.safeParse(camera);
    if (!parsed.success || ids.has(parsed.data.id)) return undefined;
    ids.add(parsed.data.id);
    checked.push(parsed.data);
  }
  return checked;
}
