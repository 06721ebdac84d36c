/**
 * Regions and cameras picked by name, as chips: what a watch list watches and
 * what an access link reaches. A region may be named before any camera is in
 * it; a camera must be one the list has (a part of its name is enough when
 * only one camera has it).
 */
import { useMemo } from 'react';
import { useStore, useTranslate } from '../../store';
import { cameraLabel, camerasFor, groupPaths } from './camera-choices';
import { ChipPicker } from './ChipPicker';

export function GroupPicker({
  label,
  groups,
  onChange,
  control,
}: {
  label: string;
  groups: readonly string[];
  onChange: (groups: string[]) => void;
  control: string;
}) {
  const t = useTranslate();
  const cameras = useStore((s) => s.cameras);
  const paths = useMemo(() => groupPaths(cameras.map((c) => c.group)), [cameras]);
  return (
    <ChipPicker
      label={label}
      chosen={groups.map((g) => ({ key: g, label: g }))}
      offered={paths.map((p) => ({ key: p, label: p }))}
      resolve={(text) => ({ key: text })}
      onChange={onChange}
      placeholder={t('watch.groupHint')}
      control={control}
    />
  );
}

export function CameraPicker({
  label,
  cameraIds,
  onChange,
  control,
  withDemo = true,
}: {
  label: string;
  cameraIds: readonly string[];
  onChange: (cameraIds: string[]) => void;
  control: string;
  /** Whether the demo cameras are offered (an access link has no use for them). */
  withDemo?: boolean;
}) {
  const t = useTranslate();
  const all = useStore((s) => s.cameras);
  const cameras = withDemo ? all : all.filter((c) => !c.demo);
  return (
    <ChipPicker
      label={label}
      chosen={cameraIds.map((id) => ({ key: id, label: cameraLabel(all, id) }))}
      offered={cameras.map((c) => ({ key: c.id, label: cameraLabel(cameras, c.id) }))}
      resolve={(text) => {
        const found = camerasFor(cameras, text);
        if (found.length === 1) return { key: found[0]!.id };
        return {
          refused:
            found.length === 0 ? t('watch.unknown', { ids: text }) : t('watch.ambiguous', { n: found.length, text }),
        };
      }}
      onChange={onChange}
      placeholder={t('watch.camerasHint')}
      control={control}
    />
  );
}
