/**
 * Uptime per camera for the chosen period, worst first, in the Fleet drawer
 * (it was only in the CSV and the printed report): the maintenance vendor's
 * list on screen, filterable by name, id or region. The first rows are shown;
 * the CSV has them all.
 */
import { useMemo, useState } from 'react';
import type { ApiResult } from '../../shared/api';
import { useStore, useTranslate } from '../store';
import { SearchField } from '../components/ui/SearchField';

const SHOWN = 100;

export function FleetCameraUptime({ data }: { data: ApiResult<'fleet:uptime'> }) {
  const t = useTranslate();
  const cameras = useStore((s) => s.cameras);
  const [query, setQuery] = useState('');
  const rows = useMemo(() => {
    const names = new Map(cameras.map((c) => [c.id, c.name]));
    const wanted = query.trim().toLowerCase();
    return data.cameras
      .map((c) => ({ ...c, name: names.get(c.cameraId) ?? c.cameraId }))
      .filter((c) => !wanted || `${c.cameraId} ${c.name} ${c.region}`.toLowerCase().includes(wanted))
      .sort((a, b) => (a.percent ?? 101) - (b.percent ?? 101) || b.downMs - a.downMs);
  }, [cameras, data, query]);
  return (
    <section className="fleet-camera-uptime" data-control="fleet-camera-table">
      <h3>{t('fleet.report.worst')}</h3>
      <SearchField control="fleet-camera-filter" label={t('fleet.cameraFilter')} value={query} onChange={setQuery} />
      <table className="health-table fleet-table">
        <thead>
          <tr>
            <th scope="col">{t('fleet.report.name')}</th>
            <th scope="col">{t('fleet.report.region')}</th>
            <th scope="col">{t('fleet.report.uptime')}</th>
            <th scope="col">{t('fleet.report.downtime')}</th>
            <th scope="col">{t('fleet.report.outages')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, SHOWN).map((c) => (
            <tr key={c.cameraId} data-camera-id={c.cameraId}>
              <td title={c.cameraId}>{c.name}</td>
              <td>{c.region}</td>
              <td className="num" data-uptime={c.percent?.toFixed(2) ?? ''}>
                {c.percent === undefined ? '–' : `${c.percent.toFixed(2)} %`}
              </td>
              <td className="num">{t('fleet.hours', { n: (c.downMs / 3_600_000).toFixed(1) })}</td>
              <td className="num">{c.outages}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > SHOWN ? <p className="muted">{t('fleet.moreInCsv', { n: rows.length - SHOWN })}</p> : null}
    </section>
  );
}
