/**
 * Watch lists: which cameras raise alarms — regions or groups (group paths,
 * offered from the inventory) and cameras picked by name — and what happens then: a
 * sound, the camera popped onto a tile of a wall, ONVIF events too.
 */
import { useMemo, useState } from 'react';
import type { WatchList } from '../../shared/alarms';
import { CameraPicker, GroupPicker } from '../components/ui/ScopePickers';
import { slug } from '../../shared/search';
import { useStore, useTranslate } from '../store';

const blank = (): WatchList => ({ id: '', name: '', groups: [], cameraIds: [], sound: true, events: true });

export function WatchLists() {
  const t = useTranslate();
  const lists = useStore((s) => s.watchLists);
  const cameras = useStore((s) => s.cameras);
  const save = useStore((s) => s.saveWatchList);
  const remove = useStore((s) => s.removeWatchList);
  const [editing, setEditing] = useState<WatchList>();
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
        {/* A group not (yet) in the inventory may be named: cameras added to it later are watched. */}
        <GroupPicker
          label={t('watch.groups')}
          groups={editing.groups}
          onChange={(groups) => setEditing({ ...editing, groups })}
          control="watch-group"
        />
        <CameraPicker
          label={t('watch.cameras')}
          cameraIds={editing.cameraIds}
          onChange={(cameraIds) => setEditing({ ...editing, cameraIds })}
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
