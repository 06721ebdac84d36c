/** "All regions" or one of them: the broken list's filter and the reports' scope. */
import { useTranslate } from '../store';

export function RegionSelect({
  control,
  regions,
  value,
  onChange,
}: {
  control: string;
  regions: readonly string[];
  value: string;
  onChange: (region: string) => void;
}) {
  const t = useTranslate();
  return (
    <select
      data-control={control}
      aria-label={t('fleet.region')}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    >
      <option value="">{t('fleet.allRegions')}</option>
      {regions.map((r) => (
        <option key={r} value={r}>
          {r}
        </option>
      ))}
    </select>
  );
}
