/**
 * The layout picker: each template drawn as its shape (the big tiles where
 * they are), not a list of codes like "1+7". A button shows the current
 * shape; it opens a menu of shapes; arrow keys move, Enter picks, Esc closes.
 */
import { template, templateIds, templateOf, type LayoutGeometry, type TemplateId } from '../../shared/layouts';
import { useStore, useTranslate } from '../store';
import { usePopupMenu } from './ui/use-popup-menu';

/** A layout's tiles as a small drawing (viewBox in cells, one rect per tile). */
export function LayoutShape({ geometry, size = 28 }: { geometry: LayoutGeometry; size?: number }) {
  const gap = 0.12;
  return (
    <svg
      className="layout-shape"
      viewBox={`0 0 ${geometry.cols} ${geometry.rows}`}
      width={size}
      height={(size * 9) / 16}
      preserveAspectRatio="none"
      aria-hidden="true"
      focusable="false"
    >
      {geometry.tiles.map((r, i) => (
        <rect key={i} x={r.x + gap / 2} y={r.y + gap / 2} width={r.w - gap} height={r.h - gap} rx={0.08} />
      ))}
    </svg>
  );
}

export function TemplatePicker() {
  const t = useTranslate();
  const geometry = useStore((s) => s.geometry);
  const budget = useStore((s) => s.budget);
  const liveTiles = useStore((s) => s.tiles.filter(Boolean).length);
  // A template with more tiles than the machine has room for now is marked before it is picked.
  const overBudget = (id: TemplateId) =>
    budget?.moreTiles !== undefined && template(id).tiles.length > liveTiles + budget.moreTiles;
  const setTemplate = useStore((s) => s.setTemplate);
  const current = templateOf(geometry);
  const { open, setOpen, buttonRef, menuRef, onKeyDown } = usePopupMenu({
    itemSelector: '[role="menuitemradio"]',
    initialSelector: '[aria-checked="true"]',
    steps: { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 },
  });
  const name = (id: TemplateId) => t('layout.templateName', { shape: id.replace('x', '×') });

  const pick = (id: TemplateId) => {
    setTemplate(id);
    setOpen(false);
    buttonRef.current?.focus();
  };
  return (
    <div className="template-picker">
      <button
        ref={buttonRef}
        type="button"
        className="icon-button template-button"
        data-control="template"
        data-template={current ?? 'custom'}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={t('layout.template')}
        title={`${t('layout.template')}: ${current ? name(current) : t('layout.custom')}`}
        onClick={() => setOpen(!open)}
      >
        <LayoutShape geometry={geometry} />
      </button>
      {open ? (
        <div
          ref={menuRef}
          className="template-menu"
          role="menu"
          aria-label={t('layout.template')}
          onKeyDown={onKeyDown}
        >
          {templateIds.map((id) => (
            <button
              key={id}
              type="button"
              role="menuitemradio"
              aria-checked={id === current}
              data-template={id}
              data-over-budget={overBudget(id) || undefined}
              aria-label={overBudget(id) ? t('layout.overBudget', { name: name(id) }) : name(id)}
              title={overBudget(id) ? t('layout.overBudget', { name: name(id) }) : name(id)}
              onClick={() => pick(id)}
            >
              <LayoutShape geometry={template(id)} size={48} />
              <span>{id.replace('x', '×')}</span>
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
