/**
 * "Kamera rusak": every camera the sweep found down — since when, why, where —
 * sortable and filterable; one click puts it on the wall, another opens it for
 * editing (a wrong password or a moved address is fixed there).
 */
import { useMemo, useState } from 'react';
import { regionOf } from '../../shared/fleet';
import { fold, queryMatcher, searchText } from '../../shared/search';
import { localDateTime } from '../../shared/time';
import { AddCamera } from '../components/AddCamera';
import { errorWords } from '../error-words';
import { formatDuration } from '../format';
import type { MessageKey } from '../i18n';
import { useStore, useTranslate } from '../store';
import { SortableHead, sortedBy } from '../components/ui/SortableHead';
import { RegionSelect } from './RegionSelect';
import { useNow } from '../use-now';
import { SearchField } from '../components/ui/SearchField';

type Column = 'name' | 'region' | 'since' | 'reason';
const columns: Column[] = ['name', 'region', 'since', 'reason'];
/** Rows drawn at once: a city with thousands broken narrows by region or name first. */
const SHOWN = 300;

export function FleetBroken() {
  const t = useTranslate();
  const fleet = useStore((s) => s.fleet);
  const cameras = useStore((s) => s.cameras);
  const putOnWall = useStore((s) => s.putOnWall);
  const now = useNow(30_000);
  const [query, setQuery] = useState('');
  const [region, setRegion] = useState('');
  const [sort, setSort] = useState<{ column: Column; ascending: boolean }>({ column: 'since', ascending: true });
  const [editing, setEditing] = useState<string>();

  const broken = useMemo(() => {
    const byId = new Map(cameras.map((c) => [c.id, c]));
    return Object.values(fleet).flatMap((f) => {
      const camera = byId.get(f.cameraId);
      if (f.state !== 'down' || !camera) return [];
      return [{ camera, since: f.since, reason: f.reason, region: regionOf(camera.group, 2) }];
    });
  }, [fleet, cameras]);
  const regions = useMemo(() => [...new Set(broken.map((b) => b.region))].sort(), [broken]);
  const rows = useMemo(() => {
    const matches = queryMatcher(fold(query));
    const kept = broken.filter(
      (b) => (!region || b.region === region) && (!query.trim() || matches(searchText(b.camera))),
    );
    const key = (b: (typeof broken)[number]): string | number =>
      sort.column === 'name'
        ? b.camera.name
        : sort.column === 'region'
          ? b.region
          : sort.column === 'since'
            ? b.since
            : errorWords(t, b.reason ?? 'internal');
    const sign = sort.ascending ? 1 : -1;
    return kept.sort((a, b) => {
      const x = key(a);
      const y = key(b);
      return sign * (typeof x === 'number' ? x - (y as number) : x.localeCompare(y as string));
    });
  }, [broken, query, region, sort, t]);

  return (
    <div className="fleet-broken" data-control="fleet-broken" data-count={broken.length}>
      <div className="fleet-filters">
        <span className="fleet-count" data-control="fleet-broken-count">
          {t('fleet.brokenCount', { n: broken.length, total: cameras.filter((c) => !c.demo).length })}
        </span>
        <SearchField control="fleet-filter" label={t('fleet.filter')} value={query} onChange={setQuery} />
        <RegionSelect control="fleet-region" regions={regions} value={region} onChange={setRegion} />
      </div>
      {broken.length === 0 ? (
        <p className="empty-state" data-control="fleet-broken-empty">
          {t('fleet.noneBroken')}
        </p>
      ) : null}
      <table className="health-table fleet-table">
        <SortableHead
          columns={columns}
          sort={sort}
          onSort={(column) => setSort(sortedBy(column))}
          label={(column) => t(`fleet.col.${column}` as MessageKey)}
          extra={
            <th scope="col">
              <span className="visually-hidden">{t('fleet.col.actions')}</span>
            </th>
          }
        />
        <tbody>
          {rows.slice(0, SHOWN).map((b) => (
            <tr key={b.camera.id} data-camera-id={b.camera.id}>
              <td className="col-name" title={b.camera.id}>
                {b.camera.name}
              </td>
              <td className="col-region" title={b.camera.group}>
                {b.region}
              </td>
              <td className="col-since" title={localDateTime(b.since)}>
                {localDateTime(b.since).slice(5, 16)} · {formatDuration(t, now - b.since)}
              </td>
              <td className="col-reason" data-reason={b.reason}>
                {b.reason ? errorWords(t, b.reason) : ''}
              </td>
              <td className="fleet-actions">
                <button type="button" data-action="fleet-to-wall" onClick={() => putOnWall(b.camera.id)}>
                  {t('fleet.toWall')}
                </button>
                <button type="button" data-action="fleet-edit" onClick={() => setEditing(b.camera.id)}>
                  {t('fleet.edit')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > SHOWN ? <p className="muted fleet-more">{t('fleet.more', { n: rows.length - SHOWN })}</p> : null}
      {editing !== undefined ? <AddCamera editId={editing} onClose={() => setEditing(undefined)} /> : null}
    </div>
  );
}
