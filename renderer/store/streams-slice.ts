/**
 * Cameras and their stream statuses, from the core: loaded on every
 * (re)connection, kept current by the contract's events.
 */
import { fitCameras, smallestTemplateFor, template } from '../../shared/layouts';
import { emptyWall, layoutForWall, recalledWall } from '../wall-window';
import { noticeText, statusKey, wordsOf, type Slice, type StreamsSlice } from './state';
import { wallWindow } from './wall-slice';
import { onAlarmChanged } from './alarm-slice';

export const streamsSlice: Slice<StreamsSlice> = (set, get) => {
  const t = wordsOf(get);
  return {
    cameras: [],
    statuses: {},
    wallLoaded: false,
    snapshotsTaken: 0,

    start(api) {
      set({ api });
      api.on('stream:status', (status) =>
        set((state) => ({ statuses: { ...state.statuses, [statusKey(status.cameraId, status.profile)]: status } })),
      );
      api.on('stream:stats', (statuses) =>
        set((state) => {
          const next = { ...state.statuses };
          for (const status of statuses) next[statusKey(status.cameraId, status.profile)] = status;
          return { statuses: next };
        }),
      );
      api.on('camera:changed', () => {
        void api.invoke('camera:list', {}).then((cameras) => cameras.ok && set({ cameras: cameras.value }));
        void api.invoke('app:info', {}).then((info) => info.ok && set({ info: info.value }));
      });
      api.on('fleet:changed', (event) => {
        if (event.cameras.length > 0)
          set((state) => {
            const fleet = { ...state.fleet };
            for (const camera of event.cameras) fleet[camera.cameraId] = camera;
            return { fleet };
          });
        const info = get().fleetInfo;
        // A sweep that just ended has new totals: read them (the states came with the events).
        if (info && info.sweeping && !event.sweeping) void get().loadFleet();
        else if (info && info.sweeping !== event.sweeping) set({ fleetInfo: { ...info, sweeping: event.sweeping } });
      });
      api.on('alarm:changed', (event) => onAlarmChanged(get, set, event));
      api.on('evidence:recording', (event) => set({ recordings: event.recordings }));
      let first = true;
      const load = async () => {
        const [info, cameras, statuses] = await Promise.all([
          api.invoke('app:info', {}),
          api.invoke('camera:list', {}),
          api.invoke('stream:statuses', {}),
        ]);
        if (!info.ok || !cameras.ok || !statuses.ok) {
          const error = [info, cameras, statuses].find((r) => !r.ok);
          set({ loadError: error && !error.ok ? error.error.message : 'unknown error' });
          return;
        }
        // A page on an access link asks only what a link may: no saved walls, settings, fleet, alarms or evidence log.
        const onLink = !!info.value.access;
        const settings = onLink ? undefined : await api.invoke('settings:get', {});
        if (settings?.ok) get().applySettings(settings.value);
        const byKey = Object.fromEntries(statuses.value.map((s) => [statusKey(s.cameraId, s.profile), s]));
        set({ info: info.value, cameras: cameras.value, statuses: byKey, loadError: undefined });
        // The camera file had to be recovered at start-up: say so, in the operator's words.
        if (first && info.value.cameraFileNotice)
          set({ notice: noticeText(get, info.value.cameraFileNotice, 'cameras') });
        if (!onLink) {
          await get().refreshLayouts();
          void get().loadFleet();
          void get().loadAlarms();
          void get().loadEvidence();
        }
        if (!first) return;
        first = false;
        const tour = onLink ? undefined : await api.invoke('tour:get', {});
        if (tour?.ok) set({ tour: tour.value.tour });
        // First load: a running tour's step, else the default layout, else the smallest grid that holds the first cameras.
        const running = tour?.ok && tour.value.tour?.running ? tour.value.tour : undefined;
        const runningStep = running?.steps[running.index];
        const wall = get().wall;
        // A window reloaded after a crash gets back exactly what it showed.
        const recalled = recalledWall(wall);
        if (recalled) {
          set({ ...recalled, maximized: null, selected: null, wallLoaded: true });
          return;
        }
        const chosen =
          runningStep && 'layoutId' in runningStep
            ? get().layouts.find((l) => l.id === runningStep.layoutId)
            : wallWindow.explicit
              ? layoutForWall(get().layouts, get().defaultLayoutId, wall)
              : get().layouts.find((l) => l.id === get().defaultLayoutId);
        if (chosen) get().applyLayout(chosen);
        else if (wallWindow.explicit && wall !== '1') set(emptyWall());
        else {
          const geometry = template(smallestTemplateFor(cameras.value.length));
          set({
            geometry,
            tiles: fitCameras(
              cameras.value.map((c) => c.id),
              geometry.tiles.length,
            ),
            dirty: false,
          });
        }
        set({ wallLoaded: true });
      };
      // Loads on every (re)connection: a restarted host may know other cameras.
      api.onConnection((connected, refused) => {
        set({ connected, linkRefused: refused === true });
        if (connected) void load();
      });
    },

    async removeDemo() {
      const demoIds = new Set(
        get()
          .cameras.filter((c) => c.demo)
          .map((c) => c.id),
      );
      const result = await get().api!.invoke('demo:remove', {});
      if (!result.ok) return set({ notice: result.error.message });
      // Their tiles are emptied rather than left saying "camera not found".
      get().tiles.forEach((id, index) => id && demoIds.has(id) && get().assignTile(index, null));
      set((s) => ({ cameras: s.cameras.filter((c) => !demoIds.has(c.id)) }));
    },

    async snapshot(cameraId) {
      // The manifest names who took it: asked once, like for clips.
      if (!get().operator) return set({ operatorAsk: () => get().snapshot(cameraId) });
      const result = await get().api!.invoke('snapshot:take', { cameraId });
      if (!result.ok) return set({ notice: t('snapshot.failed', { reason: result.error.message }) });
      set((s) => ({
        snapshotsTaken: s.snapshotsTaken + 1,
        notice: t('snapshot.saved', {
          file: result.value.file,
          width: result.value.width,
          height: result.value.height,
          hash: result.value.sha256,
        }),
      }));
    },
  };
};
