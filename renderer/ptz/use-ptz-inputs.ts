/**
 * Keyboard and gamepad PTZ for the selected tile while PTZ mode is on:
 * Shift + arrows pan and tilt while held, + / − zoom while held, Alt + 1…9 go
 * to the camera's presets in list order, P turns PTZ mode on and off. A
 * gamepad (browser Gamepad API) moves with its stick, zooms with its mapped
 * axis or buttons, and its preset buttons go to presets.
 */
import { useEffect } from 'react';
import { isTyping } from '../keyboard';
import { gamepadVelocity, STILL } from './driver';
import { ptzDriver, selectedPtzCamera, usePtzStore } from './ptz-store';

const SPEED = 0.5;
const arrows: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, 1],
  ArrowDown: [0, -1],
};
const zoomKeys: Record<string, number> = { '+': 1, '=': 1, '-': -1, '−': -1 };
const POLL_MS = 50;

async function gotoPresetNumber(cameraId: string, n: number): Promise<void> {
  const store = usePtzStore.getState();
  if (!store.presets[cameraId]) await store.loadPresets(cameraId);
  const preset = usePtzStore.getState().presets[cameraId]?.[n - 1];
  if (preset) await store.gotoPreset(cameraId, preset.token);
}

export function usePtzInputs(): void {
  const mode = usePtzStore((s) => s.mode);

  useEffect(() => {
    const pressed = new Set<string>();
    let zoom = 0;
    let heldFor: string | undefined;
    const update = () => {
      const cameraId = selectedPtzCamera();
      if (heldFor && heldFor !== cameraId) ptzDriver.release(heldFor, 'keys');
      heldFor = cameraId;
      if (!cameraId) return;
      let pan = 0;
      let tilt = 0;
      for (const key of pressed) {
        pan += arrows[key]![0];
        tilt += arrows[key]![1];
      }
      ptzDriver.hold(cameraId, 'keys', {
        pan: Math.sign(pan) * SPEED,
        tilt: Math.sign(tilt) * SPEED,
        zoom: zoom * SPEED,
      });
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTyping(event.target) || event.ctrlKey || event.metaKey) return;
      if (!event.altKey && !event.shiftKey && (event.key === 'p' || event.key === 'P')) {
        usePtzStore.getState().toggleMode();
        return event.preventDefault();
      }
      if (!usePtzStore.getState().mode) return;
      const cameraId = selectedPtzCamera();
      if (!cameraId) return;
      const digit = /^Digit([1-9])$/.exec(event.code)?.[1];
      if (event.altKey && digit) {
        void gotoPresetNumber(cameraId, Number(digit));
      } else if (event.shiftKey && arrows[event.key]) {
        if (!event.repeat) {
          pressed.add(event.key);
          update();
        }
      } else if (zoomKeys[event.key] !== undefined) {
        if (!event.repeat) {
          zoom = zoomKeys[event.key]!;
          update();
        }
      } else return;
      // Handled here: the wall's own shortcuts (arrows move the selection) must not see it.
      event.preventDefault();
      event.stopImmediatePropagation();
    };
    const onKeyUp = (event: KeyboardEvent) => {
      if (arrows[event.key]) pressed.delete(event.key);
      if (event.key === 'Shift') pressed.clear();
      if (zoomKeys[event.key] !== undefined) zoom = 0;
      if (heldFor && (arrows[event.key] || event.key === 'Shift' || zoomKeys[event.key] !== undefined)) update();
    };
    const onBlur = () => {
      pressed.clear();
      zoom = 0;
    };
    window.addEventListener('keydown', onKeyDown, true);
    window.addEventListener('keyup', onKeyUp, true);
    window.addEventListener('blur', onBlur);
    return () => {
      window.removeEventListener('keydown', onKeyDown, true);
      window.removeEventListener('keyup', onKeyUp, true);
      window.removeEventListener('blur', onBlur);
    };
  }, []);

  useEffect(() => {
    if (!mode || typeof navigator.getGamepads !== 'function') return;
    let heldFor: string | undefined;
    let wasPressed: boolean[] = [];
    const timer = setInterval(() => {
      const pad = [...navigator.getGamepads()].find((g) => g && g.connected);
      const cameraId = selectedPtzCamera();
      if (heldFor && heldFor !== cameraId) ptzDriver.release(heldFor, 'gamepad');
      heldFor = cameraId;
      if (!pad || !cameraId) return;
      const { mapping } = usePtzStore.getState();
      const pressed = pad.buttons.map((b) => b.pressed);
      mapping.presetButtons.forEach((button, i) => {
        if (pressed[button] && !wasPressed[button]) void gotoPresetNumber(cameraId, i + 1);
      });
      wasPressed = pressed;
      ptzDriver.hold(cameraId, 'gamepad', gamepadVelocity(pad.axes, pressed, mapping));
    }, POLL_MS);
    return () => {
      clearInterval(timer);
      if (heldFor) ptzDriver.hold(heldFor, 'gamepad', STILL);
    };
  }, [mode]);
}
