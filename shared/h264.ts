/**
 * Just enough H.264 (ITU-T H.264 Annex B, §7.3) to carry a camera's own
 * stream to the page's decoder: NAL units in a byte stream, whether an access
 * unit is a keyframe, the codec string WebCodecs asks for, and the relay's
 * framing (each access unit preceded by its length) that both sides share.
 */

export const NAL_IDR = 5;
export const NAL_SPS = 7;
export const NAL_PPS = 8;
export const NAL_AUD = 9;

export const nalType = (nal: Uint8Array): number => nal[0]! & 0x1f;
export const isVcl = (type: number): boolean => type >= 1 && type <= 5;

/**
 * The first slice of a picture: first_mb_in_slice (the slice header's first
 * field, ue(v)) is 0, which Exp-Golomb codes as a single 1 bit.
 */
export const startsPicture = (nal: Uint8Array): boolean => isVcl(nalType(nal)) && (nal[1]! & 0x80) !== 0;

/**
 * first_mb_in_slice of a slice NAL unit (ue(v), the header's first field), or
 * undefined where the unit is too short to hold it. Emulation-prevention bytes
 * (00 00 03) in the first bytes are skipped, as a decoder would.
 */
export function firstMbInSlice(nal: Uint8Array): number | undefined {
  const bytes: number[] = [];
  for (let i = 1; i < nal.length && bytes.length < 8; i++) {
    if (nal[i] === 3 && bytes.length >= 2 && bytes[bytes.length - 1] === 0 && bytes[bytes.length - 2] === 0) continue;
    bytes.push(nal[i]!);
  }
  const bit = (k: number) => (bytes[k >> 3]! >> (7 - (k & 7))) & 1;
  const bits = bytes.length * 8;
  let zeros = 0;
  while (zeros < bits && bit(zeros) === 0) zeros++;
  if (zeros > 31 || 2 * zeros + 1 > bits) return undefined;
  let value = 0;
  for (let k = zeros + 1; k <= 2 * zeros; k++) value = value * 2 + bit(k);
  return 2 ** zeros - 1 + value;
}

/**
 * The NAL units of an Annex B byte stream (start codes 00 00 01 or 00 00 00 01),
 * without their start codes or trailing zero bytes. With `complete` false the
 * last unit is held back (its end is not known yet) and its offset returned.
 */
export function splitNalUnits(data: Uint8Array, complete = true): { units: Uint8Array[]; rest: number } {
  const starts: number[] = [];
  for (let i = 0; i + 2 < data.length; i++) {
    if (data[i + 2]! > 1) {
      i += 2; // no start code can begin at i, i+1 or i+2
      continue;
    }
    if (data[i] === 0 && data[i + 1] === 0 && data[i + 2] === 1) {
      starts.push(i + 3);
      i += 2;
    }
  }
  const units: Uint8Array[] = [];
  const last = complete ? starts.length : starts.length - 1;
  for (let k = 0; k < last; k++) {
    let end = k + 1 < starts.length ? starts[k + 1]! - 3 : data.length;
    while (end > starts[k]! && data[end - 1] === 0) end--;
    if (end > starts[k]!) units.push(data.subarray(starts[k]!, end));
  }
  // Held back: the last unit from its start code (a 4-byte code's leading zero may stay behind;
  // it is a trailing zero of nothing), or everything while no start code has been seen yet.
  const rest = complete ? data.length : starts.length === 0 ? 0 : starts[starts.length - 1]! - 3;
  return { units, rest };
}

/** `avc1.PPCCLL` from an SPS: profile_idc, the constraint flags and level_idc. */
export function codecString(sps: Uint8Array): string {
  const hex = (byte: number) => byte.toString(16).padStart(2, '0');
  return `avc1.${hex(sps[1]!)}${hex(sps[2]!)}${hex(sps[3]!)}`;
}

/** The relay's framing: each access unit is preceded by its length (32-bit big-endian). */
export function* framedUnits(message: Uint8Array): Generator<Uint8Array> {
  const view = new DataView(message.buffer, message.byteOffset, message.byteLength);
  for (let at = 0; at + 4 <= message.length;) {
    const length = view.getUint32(at);
    if (at + 4 + length > message.length) return; // a damaged message: the rest is dropped
    yield message.subarray(at + 4, at + 4 + length);
    at += 4 + length;
  }
}
