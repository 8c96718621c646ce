// The parser against generated bulletins whose facts the generator knows: every field must agree,
// across both scripts, pinyin noise, ASCII and doubled punctuation, and every directive form.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseBulletin } from '../../src/parser/index.ts';
import { generateCorpus } from '../../src/corpus/corpus.ts';

const N = 300;
const SEED = 20260;

describe(`${N} generated bulletins`, () => {
  const files = [...generateCorpus({ n: N, seed: SEED })];
  test('both scripts and every kind of noise are present', () => {
    assert.ok(files.some((f) => f.expected.script === 'Hant') && files.some((f) => f.expected.script === 'Hans'));
    assert.ok(files.some((f) => f.expected.noise.pinyin > 0));
    assert.ok(files.some((f) => f.expected.noise.doubledPunctuation > 0));
    assert.ok(files.some((f) => f.expected.noise.frontMatter));
  });
  for (const f of files) {
    test(f.path, () => {
      const r = parseBulletin(new TextEncoder().encode(f.text), f.path);
      const e = f.expected;
      assert.equal(r.date, e.date);
      assert.equal(r.script, e.script);
      assert.equal(r.source, e.source);
      assert.deepEqual(r.meetings.map((m) => ({
        name: m.name, types: m.types, number: m.number, chairs: m.chairs,
        attendees: [...m.attendees].sort(), directives: m.directives.length, documents: m.documents,
      })), e.meetings.map((m) => ({
        name: m.name, types: m.types, number: m.number, chairs: m.chairs,
        attendees: [...m.attendees].sort(), directives: m.directives, documents: m.documents,
      })));
      const officials = (list: Array<{ name: string; titles: string[]; roles: string[] }>) =>
        list.map((o) => ({ name: o.name, titles: o.titles, roles: o.roles })).sort((a, b) => a.name.localeCompare(b.name));
      assert.deepEqual(officials(r.officials), officials(e.officials));
      assert.deepEqual(r.reporters, e.reporters);
    });
  }
});
