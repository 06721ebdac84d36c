/**
 * Every camera with its state, since when, fps, kbit/s and reconnects;
 * sortable; exported as CSV for the maintenance contractor.
 */
import { useMemo, useState } from 'react';
import { healthCsv, healthRows, sortHealthRows, type HealthColumn } from '../../shared/health-report';
import { localDateTime } from '../../shared/time';
import { formatDuration } from '../format';
import type { MessageKey } from '../i18n';
import { useStore, useTranslate } from '../store';
import { useNow } from '../use-now';
import { downloadText } from '../download';
import { errorWords } from '../error-words';
import { StateIcon } from './StateIcon';
import { EconomyCount } from './StatusBar';
import { SortableHead, sortedBy } from './ui/SortableHead';

/** In the order they give way when the drawer is narrow (CSS drops .col-kbps, then .col-reconnects, .col-profile). */
const columns: HealthColumn[] = ['name', 'state', 'error', 'since', 'fps', 'profile', 'kbps', 'reconnects'];
const trouble = new Set(['stalled', 'reconnecting', 'offline', 'auth-failed', 'unsupported']);

export function HealthPanel() {
  const t = useTranslate();
  const cameras = useStore((s) => s.cameras);
  const statuses = useStore((s) => s.statuses);
  const close = useStore((s) => s.togglePanel);
  const now = useNow(1000);
  const [sort, setSort] = useState<{ column: HealthColumn; ascending: boolean }>({ column: 'state', ascending: true });
  const rows = useMemo(
    () => sortHealthRows(healthRows(cameras, statuses), sort.column, sort.ascending),
    [cameras, statuses, sort],
  );
  const counts = {
    live: rows.filter((r) => r.state === 'live').length,
    trouble: rows.filter((r) => trouble.has(r.state)).length,
    idle: rows.filter((r) => r.state === 'idle').length,
  };

  const exportCsv = () => {
    const header = (key: string) => t(`health.col.${key}` as MessageKey);
    const headers = Object.fromEntries(
      [
        'cameraId',
        'name',
        'group',
        'profile',
        'state',
        'since',
        'duration',
        'fps',
        'kbps',
        'reconnects',
        'lastFrameAt',
        'error',
      ].map((k) => [k, header(k)]),
    ) as Parameters<typeof healthCsv>[1];
    const csv = healthCsv(rows, headers, Date.now());
    downloadText(
      `pantau-kesehatan-${localDateTime(Date.now()).replace(/[ :]/g, '').replace(/-/g, '')}.csv`,
      csv,
      'text/csv;charset=utf-8',
    );
  };

  return (
    <aside className="health-panel drawer" aria-label={t('health.title')}>
      <div className="health-head">
        <h2>{t('health.title')}</h2>
        <span className="health-summary">{t('health.summary', counts)}</span>
        <EconomyCount className="health-economy status-economy" />
        <button type="button" data-action="export-health" onClick={exportCsv}>
          {t('health.export')}
        </button>
        <button type="button" aria-label={t('health.close')} onClick={() => close('health')}>
          ×
        </button>
      </div>
      {rows.length === 0 ? (
        <p className="empty-state" data-control="health-empty">
          {t('health.empty')}
        </p>
      ) : null}
      <table className="health-table">
        <SortableHead
          columns={columns}
          sort={sort}
          onSort={(column) => setSort(sortedBy(column))}
          label={(column) => t(`health.col.${column}` as MessageKey)}
          className={(column) => `col-${column}`}
        />
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.cameraId}/${row.profile}`} data-camera-id={row.cameraId} data-state={row.state}>
              <td className="col-name" title={row.group}>
                {row.name}
              </td>
              <td className="col-state">
                <span className={`health-state tile-state-${row.state}`}>
                  <StateIcon state={row.state} />
                  {t(`state.${row.state}`)}
                </span>
              </td>
              <td className="col-error health-error">
                {row.errorCode ? (
                  // The failure class in words; what ffmpeg or the camera said behind it, on expand.
                  <details data-error-code={row.errorCode}>
                    <summary>{errorWords(t, row.errorCode)}</summary>
                    <span className="health-error-detail">{row.errorDetail}</span>
                  </details>
                ) : null}
              </td>
              <td className="col-since" title={localDateTime(row.since)}>
                {row.since ? formatDuration(t, now - row.since) : ''}
              </td>
              <td className="col-fps num">{row.fps ? row.fps.toFixed(1) : ''}</td>
              <td className="col-profile" data-video={row.video ?? ''}>
                {row.profile}
                {row.video ? ` · ${t(`health.video.${row.video}`)}` : ''}
              </td>
              <td className="col-kbps num">{row.kbps || ''}</td>
              <td className="col-reconnects num">{row.reconnects || ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </aside>
  );
}
