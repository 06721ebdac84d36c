/**
 * Uptime per region for a day, a week or a month: a chart of each region's
 * days (one cell a day, its colour and its number) read at a glance, the same
 * figures as a table, and the maintenance vendor's reports (CSV, and a page
 * that prints to A4) for the period and a region.
 */
import { FleetCameraUptime } from './FleetCameraUptime';
import { useEffect, useMemo, useState } from 'react';
import { uptimePeriods, type UptimePeriod } from '../../shared/fleet';
import {
  outagesCsv,
  reportHtml,
  reportWords,
  sharedPrefix,
  uptimeBand,
  uptimeCsv,
  type ReportInput,
  type UptimeAnswer,
} from '../../shared/fleet-report';
import { downloadText } from '../download';
import { errorWords } from '../error-words';
import type { MessageKey } from '../i18n';
import { useStore, useTranslate } from '../store';
import { RegionSelect } from './RegionSelect';

const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

const shortPercent = (p: number | null | undefined) =>
  p === null || p === undefined ? '–' : p >= 99.95 ? '100' : p.toFixed(p >= 99 ? 1 : 0);

export function FleetUptime() {
  const t = useTranslate();
  const api = useStore((s) => s.api);
  const cameras = useStore((s) => s.cameras);
  const language = useStore((s) => s.language);
  const lastSweep = useStore((s) => s.fleetInfo?.last?.finishedAt);
  const setNotice = useStore((s) => s.setNotice);
  const [period, setPeriod] = useState<UptimePeriod>('week');
  const [region, setRegion] = useState('');
  const [data, setData] = useState<UptimeAnswer>();

  useEffect(() => {
    if (!api) return;
    let current = true;
    void api.invoke('fleet:uptime', { period, timeZone }).then((got) => {
      if (!current) return;
      if (!got.ok) return setNotice(got.error.message);
      setData(got.value);
    });
    return () => {
      current = false;
    };
  }, [api, period, lastSweep, setNotice]);

  const dayLabel = useMemo(() => {
    const format = new Intl.DateTimeFormat(language === 'id' ? 'id-ID' : 'en-GB', {
      day: 'numeric',
      month: period === 'month' ? undefined : 'short',
    });
    return (ms: number) => format.format(ms);
  }, [language, period]);

  const prefix = useMemo(() => sharedPrefix(data?.regions.map((r) => r.region) ?? []), [data]);

  const report = (): ReportInput | undefined =>
    data && {
      data,
      cameras,
      region: region || undefined,
      words: Object.fromEntries(
        reportWords.map((w) => [w, t(`fleet.report.${w}` as MessageKey)]),
      ) as ReportInput['words'],
      reasonWords: (code) => errorWords(t, code),
      timeZone,
    };
  const stamp = () => `${period}-${new Date().toISOString().slice(0, 10)}`;
  const save = (kind: 'uptime' | 'outages' | 'html') => {
    const input = report();
    if (!input) return;
    const name = `pantau-${kind === 'html' ? 'laporan' : kind}-${stamp()}`;
    if (kind === 'uptime') downloadText(`${name}.csv`, uptimeCsv(input), 'text/csv;charset=utf-8');
    if (kind === 'outages') downloadText(`${name}.csv`, outagesCsv(input), 'text/csv;charset=utf-8');
    if (kind === 'html') downloadText(`${name}.html`, reportHtml(input, language), 'text/html;charset=utf-8');
  };

  return (
    <div className="fleet-uptime" data-control="fleet-uptime">
      <div className="fleet-filters">
        <div role="radiogroup" aria-label={t('fleet.period')} className="fleet-periods">
          {uptimePeriods.map((p) => (
            <button
              key={p}
              type="button"
              role="radio"
              aria-checked={period === p}
              data-period={p}
              onClick={() => setPeriod(p)}
            >
              {t(`fleet.period.${p}`)}
            </button>
          ))}
        </div>
        <RegionSelect
          control="fleet-report-region"
          regions={data?.regions.map((r) => r.region) ?? []}
          value={region}
          onChange={setRegion}
        />
        <button type="button" data-action="fleet-report-html" disabled={!data} onClick={() => save('html')}>
          {t('fleet.reportHtml')}
        </button>
        <button type="button" data-action="fleet-report-uptime" disabled={!data} onClick={() => save('uptime')}>
          {t('fleet.reportUptime')}
        </button>
        <button type="button" data-action="fleet-report-outages" disabled={!data} onClick={() => save('outages')}>
          {t('fleet.reportOutages')}
        </button>
      </div>
      {data && data.regions.length === 0 ? <p className="empty-state">{t('fleet.noData')}</p> : null}
      {data && data.regions.length > 0 ? (
        <>
          <figure className="fleet-chart" data-control="fleet-chart" aria-label={t('fleet.chart')}>
            {prefix ? <figcaption className="fleet-chart-prefix">{prefix}</figcaption> : null}
            <div
              className="fleet-chart-grid"
              style={{ gridTemplateColumns: `minmax(9em, 16em) repeat(${data.days.length}, 1fr)` }}
            >
              <span />
              {data.days.map((d) => (
                <span key={d.start} className="fleet-chart-day">
                  {dayLabel(d.start)}
                </span>
              ))}
              {data.regions.map((r) => (
                <div key={r.region} className="fleet-chart-row" data-region={r.region}>
                  <span className="fleet-chart-region" title={r.region}>
                    {r.region.slice(prefix.length)}
                    {r.down > 0 ? (
                      // Down now: a region whose week still reads 100 says so beside its name.
                      <span className="badge badge-trouble" title={t('directory.trouble', { n: r.down })}>
                        {r.down}
                      </span>
                    ) : null}
                  </span>
                  {r.perDay.map((p, i) => (
                    <span
                      key={data.days[i]!.start}
                      className={`fleet-cell fleet-band-${uptimeBand(p)}`}
                      data-percent={p === null ? '' : p.toFixed(2)}
                      title={`${r.region} · ${dayLabel(data.days[i]!.start)} · ${p === null ? t('fleet.report.notWatched') : `${p.toFixed(2)} %`}`}
                    >
                      {period === 'month' ? '' : shortPercent(p)}
                    </span>
                  ))}
                </div>
              ))}
            </div>
            <figcaption className="muted">{t('fleet.legend')}</figcaption>
          </figure>
          <table className="health-table fleet-table" data-control="fleet-region-table">
            <thead>
              <tr>
                <th scope="col">{t('fleet.report.region')}</th>
                <th scope="col">{t('fleet.report.cameras')}</th>
                <th scope="col">{t('fleet.report.upNow')}</th>
                <th scope="col">{t('fleet.report.uptime')}</th>
                <th scope="col">{t('fleet.report.downtime')}</th>
              </tr>
            </thead>
            <tbody>
              {data.regions.map((r) => (
                <tr key={r.region} data-region={r.region}>
                  <td>{r.region}</td>
                  <td className="num">{r.cameras}</td>
                  <td className="num">
                    {r.up}/{r.cameras}
                  </td>
                  <td className="num" data-uptime={r.percent?.toFixed(2) ?? ''}>
                    {r.percent === undefined ? '–' : `${r.percent.toFixed(2)} %`}
                  </td>
                  <td className="num">{t('fleet.hours', { n: (r.downMs / 3_600_000).toFixed(1) })}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <FleetCameraUptime data={data} />
        </>
      ) : null}
    </div>
  );
}
