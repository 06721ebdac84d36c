/**
 * Watch lists: which cameras raise alarms — regions or groups (group paths,
 * offered from the inventory) and cameras by id — and what happens then: a
 * sound, the camera popped onto a tile of a wall, ONVIF events too.
 */
import { useMemo, useState } from 'react';
import type { WatchList } from '../../shared/alarms';
import type { CameraSummary } from '../../shared/model';
import { ChipPicker } from './ChipPicker';
import { slug } from '../../shared/search';
import { useStore, useTranslate } from '../store';

const blank = (): WatchList => ({ id: '', name: '', groups: [], cameraIds: [], sound: true, events: true });

/** Every group path of the inventory and each of its parents: what a watch list can name. */
function groupPaths(groups: readonly (string | undefined)[]): string[] {
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
function cameraLabel(cameras: readonly CameraSummary[], id: string): string {
  const camera = cameras.find((c) => c.id === id);
  return camera ? `${camera.name} (${camera.id})` : id;
}

/** The camera typed: by its label or its id, else its name or a part of it that only one camera has. */
function camerasFor(cameras: readonly CameraSummary[], text: string): CameraSummary[] {
  const byLabel = /\(([^()]+)\)$/.exec(text)?.[1];
  const byId = cameras.find((c) => c.id === (byLabel ?? text));
  if (byId) return [byId];
  const wanted = text.toLowerCase();
  const named = cameras.filter((c) => c.name.toLowerCase() === wanted);
  return named.length ? named : cameras.filter((c) => c.name.toLowerCase().includes(wanted));
}

export function WatchLists() {
  const t = useTranslate();
  const lists = useStore((s) => s.watchLists);
  const cameras = useStore((s) => s.cameras);
  const save = useStore((s) => s.saveWatchList);
  const remove = useStore((s) => s.removeWatchList);
  const [editing, setEditing] = useState<WatchList>();
  const paths = useMemo(() => groupPaths(cameras.map((c) => c.group)), [cameras]);
  const known = useMemo(() => new Set(cameras.map((c) => c.id)), [cameras]);

  if (editing) {
    const unknown = editing.cameraIds.filter((id) => !known.has(id));
    return (
      <form
        className="watch-form"
        data-control="watch-form"
        onSubmit={(e) => {
          e.preventDefault();
          const id = editing.id || slug(editing.name, 'daftar');
          void save({ ...editing, id }).then((ok) => ok && setEditing(undefined));
        }}
      >
        <h3>{t('watch.edit')}</h3>
        <label>
          {t('watch.name')}
          <input
            data-control="watch-name"
            required
            maxLength={120}
            value={editing.name}
            onChange={(e) => setEditing({ ...editing, name: e.target.value })}
          />
        </label>
        <ChipPicker
          label={t('watch.groups')}
          chosen={editing.groups.map((g) => ({ key: g, label: g }))}
          offered={paths.map((p) => ({ key: p, label: p }))}
          // A group not (yet) in the inventory may be named: cameras added to it later are watched.
          resolve={(text) => ({ key: text })}
          onChange={(groups) => setEditing({ ...editing, groups })}
          placeholder={t('watch.groupHint')}
          control="watch-group"
        />
        <ChipPicker
          label={t('watch.cameras')}
          chosen={editing.cameraIds.map((id) => ({ key: id, label: cameraLabel(cameras, id) }))}
          offered={cameras.map((c) => ({ key: c.id, label: cameraLabel(cameras, c.id) }))}
          resolve={(text) => {
            const found = camerasFor(cameras, text);
            if (found.length === 1) return { key: found[0]!.id };
            return {
              refused:
                found.length === 0
                  ? t('watch.unknown', { ids: text })
                  : t('watch.ambiguous', { n: found.length, text }),
            };
          }}
          onChange={(cameraIds) => setEditing({ ...editing, cameraIds })}
          placeholder={t('watch.camerasHint')}
          control="watch-camera"
        />
        {unknown.length > 0 ? <p className="field-problem">{t('watch.unknown', { ids: unknown.join(', ') })}</p> : null}
        <label>
          {t('watch.pop')}
          <select
            data-control="watch-pop-wall"
            value={editing.pop?.wall ?? ''}
            onChange={(e) =>
              setEditing({
                ...editing,
                ...(e.target.value
                  ? { pop: { wall: e.target.value, tile: editing.pop?.tile ?? 0 } }
                  : { pop: undefined }),
              })
            }
          >
            <option value="">{t('watch.noPop')}</option>
            {['1', '2', '3', '4', '5', '6'].map((w) => (
              <option key={w} value={w}>
                {t('watch.wall', { n: w })}
              </option>
            ))}
          </select>
          {editing.pop ? (
            <input
              type="number"
              data-control="watch-pop-tile"
              aria-label={t('watch.tile')}
              min={1}
              max={64}
              value={editing.pop.tile + 1}
              onChange={(e) =>
                setEditing({
                  ...editing,
                  pop: { wall: editing.pop!.wall, tile: Math.max(0, Number(e.target.value) - 1) },
                })
              }
            />
          ) : null}
        </label>
        <label>
          <input
            type="checkbox"
            checked={editing.sound}
            onChange={(e) => setEditing({ ...editing, sound: e.target.checked })}
          />{' '}
          {t('watch.sound')}
        </label>
        <label>
          <input
            type="checkbox"
            data-control="watch-events"
            checked={editing.events}
            onChange={(e) => setEditing({ ...editing, events: e.target.checked })}
          />{' '}
          {t('watch.events')}
        </label>
        <div className="watch-actions">
          <button type="submit" data-action="watch-save" disabled={!editing.name.trim() || unknown.length > 0}>
            {t('watch.save')}
          </button>
          <button type="button" onClick={() => setEditing(undefined)}>
            {t('watch.cancel')}
          </button>
        </div>
      </form>
    );
  }

  return (
    <section className="watch-lists" data-control="watch-lists">
      <h3>{t('watch.title')}</h3>
      <ul>
        {lists.map((l) => (
          <li key={l.id} data-watch-id={l.id}>
            <strong>{l.name}</strong>{' '}
            <span className="muted">
              {[...l.groups, ...(l.cameraIds.length ? [t('watch.cameraCount', { n: l.cameraIds.length })] : [])].join(
                ' · ',
              )}
              {l.pop ? ` → ${t('watch.popsTo', { wall: l.pop.wall, tile: l.pop.tile + 1 })}` : ''}
            </span>{' '}
            <button type="button" onClick={() => setEditing(l)}>
              {t('watch.change')}
            </button>{' '}
            <button type="button" onClick={() => void remove(l.id)}>
              {t('watch.remove')}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" data-action="watch-new" onClick={() => setEditing(blank())}>
        {t('watch.new')}
      </button>
    </section>
  );
}
