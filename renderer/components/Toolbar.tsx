import { Activity, Images } from 'lucide-react';
import { useStore, useTranslate } from '../store';
import { IconButton } from './ui/IconButton';
import { LayoutBar } from './LayoutBar';
import { TourBar } from './TourBar';

export function Toolbar() {
  const t = useTranslate();
  const language = useStore((s) => s.language);
  const setLanguage = useStore((s) => s.setLanguage);
  const info = useStore((s) => s.info);
  const count = useStore((s) => s.cameras.length);
  const panel = useStore((s) => s.panel);
  const togglePanel = useStore((s) => s.togglePanel);
  return (
    <header className="toolbar">
      <span className="brand">Pantau</span>
      <span className="toolbar-meta">
        {t('toolbar.cameras', { count })}
        {info?.demo ? ` · ${t('toolbar.demo')}` : ''}
      </span>
      <LayoutBar />
      <TourBar />
      <span className="toolbar-group">
        <IconButton
          icon={Images}
          label={t('snapshot.folder')}
          className="toolbar-toggle"
          data-panel-button="evidence"
          aria-pressed={panel === 'evidence'}
          onClick={() => togglePanel('evidence')}
        />
        <IconButton
          icon={Activity}
          label={t('toolbar.health')}
          className="toolbar-toggle"
          data-panel-button="health"
          aria-pressed={panel === 'health'}
          onClick={() => togglePanel('health')}
        />
      </span>
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
