/**
 * Just enough MPEG-TS (ISO/IEC 13818-1) to cut ffmpeg's output at GOP starts:
 * 188-byte packets, PAT/PMT, and the MPEG-1 sequence header (00 00 01 B3)
 * that ffmpeg's mpeg1video encoder writes before every intra frame.
 */
export const TS_PACKET = 188;
const SYNC = 0x47;
const PAT_PID = 0;

export interface TsChunk {
  /** Whole 188-byte packets. */
  data: Buffer;
  /** The chunk begins with the first packet of a GOP (sequence header). */
  gopStart: boolean;
  /** The chunk begins a picture (a video PES; an access unit on the H.264 path): key-frame viewers cut here. */
  pictureStart: boolean;
  /** A whole GOP handed over at once (a joiner's start): the byte where its first, key picture ends. */
  keyPictureEnd?: number;
}

function pid(packet: Buffer): number {
  return ((packet[1]! & 0x1f) << 8) | packet[2]!;
}

function payloadOffset(packet: Buffer): number {
  const adaptation = (packet[3]! >> 4) & 0x3;
  if (adaptation === 0x2) return TS_PACKET; // adaptation field only
  return adaptation === 0x3 ? 5 + packet[4]! : 4;
}

function payloadUnitStart(packet: Buffer): boolean {
  return (packet[1]! & 0x40) !== 0;
}

/**
 * True when this packet starts a video PES (start code 00 00 01 and a stream
 * id 0xE0–0xEF). ffmpeg's mpegts muxer puts one frame in each video PES, so
 * this counts frames.
 */
export function startsVideoPes(packet: Buffer): boolean {
  if (!payloadUnitStart(packet)) return false;
  const offset = payloadOffset(packet);
  if (offset + 9 > TS_PACKET || packet[offset] !== 0 || packet[offset + 1] !== 0 || packet[offset + 2] !== 1)
    return false;
  return (packet[offset + 3]! & 0xf0) === 0xe0;
}

/** True when this packet starts a video PES whose payload holds a sequence header. */
export function startsGop(packet: Buffer): boolean {
  if (!startsVideoPes(packet)) return false;
  const offset = payloadOffset(packet);
  const es = offset + 9 + packet[offset + 8]!;
  for (let i = es; i + 3 < TS_PACKET; i++) {
    if (packet[i] === 0 && packet[i + 1] === 0 && packet[i + 2] === 1 && packet[i + 3] === 0xb3) return true;
  }
  return false;
}

/** The PMT's PID from a PAT packet (first program), or undefined. */
function pmtPidFromPat(packet: Buffer): number | undefined {
  if (!payloadUnitStart(packet)) return undefined;
  let offset = payloadOffset(packet);
  offset += 1 + packet[offset]!; // pointer_field
  const sectionStart = offset;
  const programsStart = sectionStart + 8;
  const sectionLength = ((packet[sectionStart + 1]! & 0x0f) << 8) | packet[sectionStart + 2]!;
  const programsEnd = sectionStart + 3 + sectionLength - 4; // minus CRC
  for (let i = programsStart; i + 4 <= programsEnd && i + 4 <= TS_PACKET; i += 4) {
    const program = (packet[i]! << 8) | packet[i + 1]!;
    if (program !== 0) return ((packet[i + 2]! & 0x1f) << 8) | packet[i + 3]!;
  }
  return undefined;
}

/**
 * Turns arbitrary stdout chunks into whole packets, split so that every
 * picture (and so every GOP start) begins a chunk, and remembers the last PAT
 * and PMT. Cutting at pictures lets a key-frame viewer take a GOP's first
 * picture and nothing after it.
 */
export class TsPacketizer {
  private pending: Buffer = Buffer.alloc(0);
  private pmtPid: number | undefined;
  pat: Buffer | undefined;
  pmt: Buffer | undefined;
  /** Bytes skipped to regain sync (should stay 0 with ffmpeg's output). */
  resyncBytes = 0;
  /** Video frames seen (video PES starts). */
  frames = 0;

  push(input: Buffer): TsChunk[] {
    let data = this.pending.length ? Buffer.concat([this.pending, input]) : input;
    // Regain sync if the stream does not start on a packet boundary.
    let start = 0;
    while (start < data.length && data[start] !== SYNC) start++;
    this.resyncBytes += start;
    data = data.subarray(start);

    const whole = data.length - (data.length % TS_PACKET);
    this.pending = Buffer.from(data.subarray(whole));
    const pictureStarts: number[] = [];
    const gopStarts = new Set<number>();
    for (let at = 0; at < whole; at += TS_PACKET) {
      const packet = data.subarray(at, at + TS_PACKET);
      if (packet[0] !== SYNC) continue; // corrupt packet: leave it to the decoder
      const id = pid(packet);
      if (id === PAT_PID) {
        this.pat = Buffer.from(packet);
        this.pmtPid = pmtPidFromPat(packet) ?? this.pmtPid;
      } else if (id === this.pmtPid) {
        this.pmt = Buffer.from(packet);
      } else if (startsVideoPes(packet)) {
        this.frames++;
        pictureStarts.push(at);
        if (startsGop(packet)) gopStarts.add(at);
      }
    }
    const cuts = [0, ...pictureStarts.filter((at) => at > 0), whole];
    const chunks: TsChunk[] = [];
    for (let i = 0; i + 1 < cuts.length; i++) {
      const from = cuts[i]!;
      const to = cuts[i + 1]!;
      if (to > from)
        chunks.push({
          data: Buffer.from(data.subarray(from, to)),
          gopStart: gopStarts.has(from),
          // Every cut after the first is a picture start; the first is one only if a picture begins there.
          pictureStart: i > 0 || pictureStarts[0] === 0,
        });
    }
    return chunks;
  }

  /** PAT and PMT, to put in front of a GOP handed to a new or resyncing viewer. */
  psi(): Buffer {
    return Buffer.concat([this.pat, this.pmt].filter((b): b is Buffer => !!b));
  }
}
