import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { MessageLog } from '../pipeline/messages.js';
import { readText } from '../pipeline/readers/text.js';

describe('seed', () => {
  it('reads the title and author of the seed', () => {
    const text = readFileSync('seeds/wright-1941-soviet-union-at-war.txt', 'utf8');
    const result = readText(text, new MessageLog('seed'));
    expect(result.meta.title.map((line) => line.text)).toEqual(['The Soviet Union at War']);
    expect(result.meta.authors.map((line) => line.text)).toEqual(['John G. Wright']);
  });
});
