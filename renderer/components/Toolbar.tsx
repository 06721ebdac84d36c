import { useMay } from '../access/use-may';
import { Activity, Bell, BellRing, Expand, Images, Radar, Settings, type LucideIcon } from 'lucide-react';
import '../alarms/alarms.css';
import { useState } from 'react';
import { SettingsDialog } from './SettingsDialog';
import { useStore, useTranslate } from '../store';
import type { Panel } from '../store/state';
import { IconButton } from './ui/IconButton';
import { LayoutBar } from './LayoutBar';
import { TourBar } from './TourBar';

export function Toolbar() {
  const t = useTranslate();
  const language = useStore((s) => s.language);
  const setLanguage = useStore((s) => s.setLanguage);
  const info = useStore((s) => s.info);
  const count = useStore((s) => s.cameras.length);
  const setWallOnly = useStore((s) => s.setWallOnly);
  const alarmsOpen = useStore((s) => s.alarmsOpen);
  const alarmsEscalated = useStore((s) => s.alarmsEscalated);
  const [settings, setSettings] = useState(false);
  const local = useMay()('local');
  return (
    <header className="toolbar">
      <span className="brand">Pantau</span>
      <span className="toolbar-meta">
        {t('toolbar.cameras', { count })}
        {info?.demo ? ` · ${t('toolbar.demo')}` : ''}
        {info?.access ? ` · ${t('access.onLink', { name: info.access.name })}` : ''}
      </span>
      <LayoutBar />
      {/* An access link's page: no tours, evidence log, alarms or fleet — they span every agency. */}
      {local ? <TourBar /> : null}
      <span className="toolbar-group">
        {local ? (
          <>
            <PanelButton panel="evidence" icon={Images} label={t('snapshot.folder')} />
            <span className="alarm-bell" data-escalated={alarmsEscalated || undefined}>
              <PanelButton
                panel="alarms"
                icon={alarmsOpen > 0 ? BellRing : Bell}
                label={
                  alarmsOpen === 0
                    ? t('alarm.title')
                    : t(alarmsEscalated ? 'alarm.bellOverdue' : 'alarm.bellOpen', { n: alarmsOpen })
                }
              />
              {alarmsOpen > 0 ? (
                <span className="alarm-count" aria-hidden="true" data-control="alarm-count">
                  {alarmsOpen}
                </span>
              ) : null}
            </span>
            <PanelButton panel="fleet" icon={Radar} label={t('fleet.title')} />
          </>
        ) : null}
        <PanelButton panel="health" icon={Activity} label={t('toolbar.health')} />
      </span>
      <span className="toolbar-group">
        <IconButton
          icon={Expand}
          label={t('toolbar.wallOnly')}
          data-action="wall-only"
          onClick={() => setWallOnly(true)}
        />
        <IconButton
          icon={Settings}
          label={t('settings.title')}
          data-action="settings"
          onClick={() => setSettings(true)}
        />
      </span>
      {settings ? <SettingsDialog onClose={() => setSettings(false)} /> : null}
      <nav className="toolbar-group" aria-label={t('toolbar.language')}>
        {(['id', 'en'] as const).map((lang) => (
          <button
            key={lang}
            type="button"
            data-language={lang}
            aria-pressed={language === lang}
            onClick={() => setLanguage(lang)}
          >
            {lang.toUpperCase()}
          </button>
        ))}
      </nav>
    </header>
  );
}

/** A toolbar button that opens its drawer over the wall, and shows it is open. */
function PanelButton({ panel, icon, label }: { panel: Panel; icon: LucideIcon; label: string }) {
  const open = useStore((s) => s.panel === panel);
  const togglePanel = useStore((s) => s.togglePanel);
  return (
    <IconButton
      icon={icon}
      label={label}
      className="toolbar-toggle"
      data-panel-button={panel}
      aria-pressed={open}
      onClick={() => togglePanel(panel)}
    />
  );
}
