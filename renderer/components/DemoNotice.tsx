/**
 * The demo cameras say they are a demo, and go only when the operator says so:
 * adding one's own cameras never empties the wall without a word.
 */
import { useStore, useTranslate } from '../store';

export function DemoNotice() {
  const t = useTranslate();
  const demoCount = useStore((s) => s.cameras.filter((c) => c.demo).length);
  const removeDemo = useStore((s) => s.removeDemo);
  const onlyDemo = useStore((s) => s.cameras.every((c) => c.demo));
  if (demoCount === 0) return null;
  return (
    <p className="demo-notice" data-control="demo-notice">
      <span>{t('demo.shown', { count: demoCount })}</span>
      {/* First run: the four ways to one's own cameras, in one short panel. */}
      {onlyDemo ? (
        <span className="demo-first-run" data-control="first-run">
          {t('demo.howToAdd')}
        </span>
      ) : null}
      <button type="button" data-action="demo-remove" onClick={() => void removeDemo()}>
        {t('demo.remove')}
      </button>
    </p>
  );
}
