import { describe, expect, it } from 'vitest';
import { alignPair, collate, normalizeToken, rangeText, tokenize, tokenizeBlocks, untokenize, type VariantLocation } from '../../pipeline/collate/index.js';

/** The readings of each location as text, per witness, for readable expectations. */
function readings(witnesses: string[][], base = 0): Array<{ texts: string[]; types: Array<string | null>; structural: boolean }> {
  const streams = witnesses.map((blocks) => tokenizeBlocks(blocks).tokens);
  return collate(streams, { base }).map((location: VariantLocation) => ({
    texts: location.ranges.map((range, w) => rangeText(streams[w]!, range)),
    types: location.types,
    structural: location.structural,
  }));
}

describe('tokenize', () => {
  it('rebuilds any text exactly, white space and punctuation included', () => {
    for (const text of ['', '   ', '  Hello,  world!\n', 'time-serving “quoted” — dash 1918-19', 'emoji 𝒳 here', 'organi-\nsation end.']) {
      expect(untokenize(tokenize(text))).toBe(text);
    }
  });
  it('makes punctuation tokens of their own and keeps hyphenated words whole', () => {
    expect(tokenize('Kautsky, time-serving.').map((token) => [token.norm, token.kind])).toEqual([
      ['kautsky', 'word'],
      [',', 'punct'],
      ['time-serving', 'word'],
      ['.', 'punct'],
    ]);
    expect(tokenize('organi-\nsation')[0]!.norm).toBe('organisation');
  });
});

describe('normalizeToken', () => {
  it('folds case, quotation-mark and dash forms, soft hyphens, and applies a spelling table', () => {
    expect(normalizeToken('Rosa’s')).toBe("rosa's");
    expect(normalizeToken('“')).toBe('"');
    expect(normalizeToken('—')).toBe('-');
    expect(normalizeToken('organ\u00ADisation')).toBe('organisation');
    expect(normalizeToken('Labour', { spellings: new Map([['labour', 'labor']]) })).toBe('labor');
    expect(normalizeToken('Labour', { ignoreCase: false })).toBe('Labour');
  });
});

describe('alignPair', () => {
  it('keeps words aligned around a changed comma', () => {
    const a = tokenize('Lenin wrote, that Kautsky was right');
    const b = tokenize('Lenin wrote that Kautsky was right');
    const diffs = alignPair(a, b).filter((op) => op.kind === 'diff');
    expect(diffs).toEqual([{ kind: 'diff', aStart: 2, aEnd: 3, bStart: 2, bEnd: 2 }]);
    expect(a[2]!.text).toBe(',');
  });
  it('does not scatter a rewritten passage over chance matches of common words', () => {
    const a = tokenize('It was the end of the party and the beginning of a new one.');
    const b = tokenize('Nobody could say whether the split in those years of a new one.');
    const diffs = alignPair(a, b).filter((op) => op.kind === 'diff');
    expect(diffs).toHaveLength(1);
  });
});

describe('collate', () => {
  it('finds nothing in identical witnesses', () => {
    expect(readings([['Same text.', 'Two blocks.'], ['Same text.', 'Two blocks.']])).toEqual([]);
  });
  it('types punctuation, orthographic, omission, addition and substantive readings', () => {
    const result = readings([
      ['The party, said Rosa, was not made by the masses alone today.'],
      ['The party said rosa, was made by the many masses alone today!'],
    ]);
    expect(result.map((r) => [r.texts[0], r.texts[1], r.types[1]])).toEqual([
      [',', '', 'punctuation'],
      [' Rosa', ' rosa', 'orthographic'],
      [' not', '', 'omission'],
      ['', ' many', 'addition'],
      ['.', '!', 'punctuation'],
    ]);
  });
  it('detects a transposition within a location and across locations', () => {
    expect(readings([['one two three four five six'], ['one two four three five six']]).map((r) => r.types[1])).toEqual(['transposition', 'transposition']);
    expect(readings([['one two three four'], ['one two (four three)']]).map((r) => r.types[1])).toEqual(['transposition']);
    const moved = readings([['alpha beta gamma delta epsilon zeta eta theta iota kappa'], ['beta gamma delta epsilon zeta eta theta iota alpha kappa']]);
    expect(moved.map((r) => r.types[1])).toEqual(['transposition', 'transposition']);
  });
  it('collates a paragraph merge as one structural location of whole blocks', () => {
    const result = readings([
      ['First paragraph stays.', 'Second one ends here.', 'Third one begins here.', 'Last stays.'],
      ['First paragraph stays.', 'Second one ends here, and third one begins here.', 'Last stays.'],
    ]);
    expect(result).toHaveLength(1);
    expect(result[0]!.structural).toBe(true);
    expect(result[0]!.texts).toEqual(['Second one ends here.Third one begins here.', 'Second one ends here, and third one begins here.']);
  });
  it('collates an added paragraph as an addition', () => {
    const result = readings([['One.', 'Three.'], ['One.', 'Two.', 'Three.']]);
    expect(result.map((r) => [r.texts, r.types[1], r.structural])).toEqual([[['', 'Two.'], 'addition', true]]);
  });
  it('keeps an added paragraph apart from a changed word in the paragraph before it', () => {
    const result = readings([
      ['The first paragraph says something about it.', 'The second paragraph ends.'],
      ['The first paragraph says a thing about it.', 'An added paragraph stands here.', 'The second paragraph ends.'],
    ]);
    expect(result.map((r) => [r.texts, r.types[1], r.structural])).toEqual([
      [[' something', ' a thing'], 'substantive', false],
      [['', 'An added paragraph stands here.'], 'addition', true],
    ]);
  });
  it('gives the same locations whatever the order of the other witnesses', () => {
    const base = ['Rosa Luxemburg made a clearer assessment of Kautsky and Co, and broke with them long before Lenin did.'];
    const b = ['Rosa Luxemburg made a clear assessment of Kautsky and Co and broke with them before Lenin did.'];
    const c = ['Actually Rosa Luxemburg made a clearer assessment of Kautsky & Co, and broke with them long before Lenin.'];
    const abc = readings([base, b, c]);
    const acb = readings([base, c, b]);
    expect(acb.map((r) => [r.texts[0], r.texts[2], r.texts[1], r.types[2], r.types[1]])).toEqual(abc.map((r) => [r.texts[0], r.texts[1], r.texts[2], r.types[1], r.types[2]]));
    expect(abc.length).toBeGreaterThan(3);
    // A witness reading as the base at a location has the base's text there.
    for (const r of abc) if (r.types[1] === null) expect(r.texts[1]).toBe(r.texts[0]);
  });
  it('widens a location to where the caller allows a cut', () => {
    const streams = ['a b c d e', 'a b x d e'].map((text) => tokenize(text));
    const [location] = collate(streams, { cuttable: (_w, index) => index % 2 === 0 || index === 5 });
    expect(location!.ranges).toEqual([{ start: 2, end: 4 }, { start: 2, end: 4 }]);
  });
});
