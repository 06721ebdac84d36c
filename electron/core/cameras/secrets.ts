/**
 * Camera passwords at rest. Under Electron the sealer is the operating
 * system's (safeStorage: DPAPI on Windows, Keychain on macOS, the desktop
 * keyring on Linux); the browser host has none and stores them as written,
 * in the camera file only (never in layouts, never in a layout export), and
 * says so in the UI.
 */
export interface SecretSealer {
  /** 'os': encrypted with the operating system's key; 'none': stored as written. */
  readonly kind: 'os' | 'none';
  seal(plain: string): string;
  /** Throws when this machine or user cannot open it (another Windows account, a reinstalled OS). */
  open(sealed: string): string;
}

export const noSealer: SecretSealer = {
  kind: 'none',
  seal: () => {
    throw new Error('no secret storage on this machine');
  },
  open: () => {
    throw new Error('no secret storage on this machine');
  },
};
