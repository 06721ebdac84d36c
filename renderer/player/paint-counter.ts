/**
 * Pictures painted on this page, all tiles together: the status bar compares
 * their rate with what the cameras send (decoded, not merely received).
 */
let painted = 0;

export function countPainted(): void {
  painted++;
}

export function paintedSoFar(): number {
  return painted;
}
