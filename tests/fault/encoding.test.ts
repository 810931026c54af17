/**
 * Input bytes that are not what they should be (issue 13 item 4): a UTF-8
 * file with a few broken sequences stays UTF-8, each broken place reported at
 * its line and column and read as U+FFFD; a file that really is windows-1252
 * is still read as windows-1252. Binary, empty and control characters (which
 * already worked) are kept here too.
 */
import { describe, expect, it } from 'vitest';
import { decodeInput } from '../../pipeline/readers/decode.js';
import { InputError, MessageLog } from '../../pipeline/messages.js';

function decode(bytes: Uint8Array) {
  const log = new MessageLog('input.txt');
  const decoded = decodeInput(bytes, log);
  return { ...decoded, messages: log.messages };
}

function failure(bytes: Uint8Array): InputError {
  try {
    decodeInput(bytes, new MessageLog('input.txt'));
  } catch (error) {
    return error as InputError;
  }
  throw new Error('expected the input to be refused');
}

const utf8 = (text: string) => Buffer.from(text, 'utf8');

describe('decoding input bytes', () => {
  it('keeps a UTF-8 file with one lone surrogate as UTF-8: U+FFFD there, a warning at its line and column, the rest intact', () => {
    const before = utf8('Ünïcödé “quoted” — text\nLine two: ’s ');
    const bytes = Buffer.concat([before, Buffer.from([0xed, 0xa0, 0x80]), utf8(' and more “letters” after.\n')]);
    const { text, encoding, messages } = decode(bytes);
    expect(encoding).toBe('utf-8');
    expect(text).toContain('Ünïcödé “quoted” — text');
    expect(text).toContain('Line two: ’s \uFFFD');
    expect(text).toContain(' and more “letters” after.');
    expect(text).not.toMatch(/â€/);
    expect(messages).toEqual([expect.objectContaining({ ruleId: 'read:invalid-utf8', severity: 'warning', place: { line: 2, column: 14 } })]);
    expect(messages[0]!.reason).toContain('ED A0 80');
  });

  it('reports each broken place (up to a limit) and counts the rest', () => {
    const lines = Array.from({ length: 30 }, (_, i) => Buffer.concat([utf8(`Zeile ${i + 1}: Grüße `), Buffer.from([0xff]), utf8(' à bientôt\n')]));
    const { encoding, messages } = decode(Buffer.concat(lines));
    expect(encoding).toBe('utf-8');
    expect(messages.filter((message) => message.ruleId === 'read:invalid-utf8')).toHaveLength(21);
    expect(messages[0]!.place).toEqual({ line: 1, column: 16 });
    expect(messages[20]!.reason).toMatch(/^10 more places/);
  });

  it('reads a file that really is windows-1252 as windows-1252, with a warning', () => {
    const bytes = Buffer.from([...utf8('Caf'), 0xe9, ...utf8(' and '), 0x93, ...utf8('quotes'), 0x94, ...utf8(' and M'), 0xfc, ...utf8('ller\n')]);
    const { text, encoding, messages } = decode(bytes);
    expect(encoding).toBe('windows-1252');
    expect(text).toBe('Café and “quotes” and Müller\n');
    expect(messages.map((message) => message.ruleId)).toEqual(['read:encoding']);
    expect(messages[0]!.place).toEqual({ line: 1, column: 4 });
  });

  it('refuses binary, empty and white-space-only files, and control characters, at their place', () => {
    expect(failure(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00])).ruleId).toBe('read:binary');
    expect(failure(Buffer.alloc(0)).ruleId).toBe('read:empty');
    expect(failure(utf8(' \n\t\n')).ruleId).toBe('read:empty');
    const control = failure(utf8('First line\nSecond \u0007 line\n'));
    expect(control.ruleId).toBe('read:control-character');
    expect(control.place).toEqual({ line: 2, column: 8 });
  });
});
