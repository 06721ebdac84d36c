/**
 * The alarm's sound: three rising tones made by the page itself (no audio file
 * to ship or fail to load). A browser that has not been touched yet may refuse
 * sound (autoplay policy): the answer says so, and the bell still blinks.
 */
let context: AudioContext | undefined;

export async function playAlarm(): Promise<'played' | 'blocked'> {
  try {
    context ??= new AudioContext();
    if (context.state === 'suspended') await Promise.race([context.resume(), new Promise((r) => setTimeout(r, 300))]);
    if (context.state !== 'running') return 'blocked';
    const start = context.currentTime + 0.02;
    [660, 880, 1100].forEach((frequency, i) => {
      const tone = context!.createOscillator();
      const gain = context!.createGain();
      tone.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, start + i * 0.22);
      gain.gain.exponentialRampToValueAtTime(0.3, start + i * 0.22 + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + i * 0.22 + 0.2);
      tone.connect(gain).connect(context!.destination);
      tone.start(start + i * 0.22);
      tone.stop(start + i * 0.22 + 0.21);
    });
    return 'played';
  } catch {
    return 'blocked';
  }
}
