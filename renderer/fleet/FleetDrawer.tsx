/**
 * "Armada": the whole inventory as the fleet sweep sees it (issue #14) — the
 * sweep's state and settings, the broken cameras, and uptime per region with
 * the maintenance vendor's reports.
 */
import { useState } from 'react';
import { localDateTime } from '../../shared/time';
import { useStore, useTranslate } from '../store';
import { FleetBroken } from './FleetBroken';
import { FleetUptime } from './FleetUptime';
import './fleet.css';

const intervals = [5, 10, 15, 30, 60];

export function FleetDrawer() {
  const t = useTranslate();
  const info = useStore((s) => s.fleetInfo);
  const close = useStore((s) => s.togglePanel);
  const sweepNow = useStore((s) => s.sweepNow);
  const configure = useStore((s) => s.configureFleet);
  const [tab, setTab] = useState<'broken' | 'uptime'>('broken');
  const settings = info?.settings;
  const last = info?.last;

  return (
    <aside className="fleet-drawer drawer" aria-label={t('fleet.title')} data-control="fleet-drawer">
      <div className="health-head">
        <h2>{t('fleet.title')}</h2>
        <span className="health-summary" data-control="fleet-sweep-status">
          {info?.sweeping
            ? t('fleet.sweeping')
            : last?.finishedAt
              ? t('fleet.lastSweep', { at: localDateTime(last.finishedAt), checked: last.checked, down: last.down })
              : t('fleet.neverSwept')}
        </span>
        <button type="button" data-action="fleet-sweep" disabled={info?.sweeping} onClick={() => void sweepNow()}>
          {t('fleet.sweepNow')}
        </button>
        <button type="button" aria-label={t('health.close')} onClick={() => close('fleet')}>
          ×
        </button>
      </div>
      {settings ? (
        <div className="fleet-settings">
          <label>
            <input
              type="checkbox"
              data-control="fleet-enabled"
              checked={settings.enabled}
              onChange={(e) => void configure({ enabled: e.target.checked })}
            />{' '}
            {t('fleet.enabled')}
          </label>
          <label>
            {t('fleet.every')}{' '}
            <select
              data-control="fleet-interval"
              value={settings.intervalMin}
              disabled={!settings.enabled}
              onChange={(e) => void configure({ intervalMin: Number(e.target.value) })}
            >
              {[...new Set([...intervals, settings.intervalMin])]
                .sort((a, b) => a - b)
                .map((m) => (
                  <option key={m} value={m}>
                    {t('fleet.minutes', { n: m })}
                  </option>
                ))}
            </select>
          </label>
          <span className="muted">
            {t('fleet.limits', { all: settings.concurrency, host: settings.perHost, rate: settings.perSecond })}
          </span>
        </div>
      ) : null}
      {info?.notice ? (
        <p className="fleet-notice" role="alert">
          {info.notice}
        </p>
      ) : null}
      <div className="fleet-tabs" role="tablist">
        {(['broken', 'uptime'] as const).map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            data-tab={name}
            aria-selected={tab === name}
            onClick={() => setTab(name)}
          >
            {t(`fleet.tab.${name}`)}
          </button>
        ))}
      </div>
      {tab === 'broken' ? <FleetBroken /> : <FleetUptime />}
    </aside>
  );
}
