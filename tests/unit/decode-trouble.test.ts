import { describe, expect, it } from 'vitest';
import { DecodeTrouble, ERRORS_BEFORE_UNDECODABLE } from '../../renderer/player/decode-trouble';

describe('DecodeTrouble', () => {
  const run = (events: string) => {
    const trouble = new DecodeTrouble();
    return [...events]
      .map((event) => (event === 'p' ? (trouble.painted(), '.') : trouble.failed() ? 'U' : 'e'))
      .join('');
  };

  it.each([
    ['errors with no picture between them: undecodable once, said once', 'eeeee', 'eeUee'],
    ['a picture between errors: damage, never undecodable', 'eepeepeep', 'ee.ee.ee.'],
    ['pictures first, then the stream turns undecodable (a new SPS the decoder refuses)', 'pppeee', '...eeU'],
    ['nothing wrong', 'pppp', '....'],
  ])('%s', (_name, events, expected) => {
    expect(run(events)).toBe(expected);
  });

  it('needs ERRORS_BEFORE_UNDECODABLE errors in a row', () => {
    expect(run('e'.repeat(ERRORS_BEFORE_UNDECODABLE))).toBe(`${'e'.repeat(ERRORS_BEFORE_UNDECODABLE - 1)}U`);
  });
});
