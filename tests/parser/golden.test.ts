// Whole-bulletin golden fixtures: tests/fixtures/NAME.txt is parsed and compared with NAME.json.
// Each fixture is also re-encoded (UTF-16, GB18030, Big5 where it fits) and must give the same record.
// UPDATE_GOLDEN=1 npm test -- golden rewrites the .json files; review the diff before committing.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, test } from 'node:test';
import iconv from 'iconv-lite';
import { parseBulletin, parseBulletinFile } from '../../src/parser/index.ts';
import { type BulletinRecord, RECORD_FIELDS } from '../../src/record.ts';
import { unlessShared } from '../helpers/shared.ts';

const FIXTURES = 'tests/fixtures';
const SEED = '../shared/seeds/000_aff82dc70ec967be.txt';
const update = process.env.UPDATE_GOLDEN === '1';

/** Every fixture: its input file, the options it is parsed with, and its expected record. */
const cases = [
  { name: 'seed', input: SEED, options: { year: 2022 }, skip: unlessShared('seeds', '000_aff82dc70ec967be.txt') },
  ...readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: f.replace(/\.txt$/, ''), input: join(FIXTURES, f), options: {}, skip: false as const })),
];

function expectedFor(name: string, actual: BulletinRecord): unknown {
  const path = join(FIXTURES, `${name}.json`);
  if (update) writeFileSync(path, `${JSON.stringify(actual, null, 2)}\n`);
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** A record as JSON would carry it (Dates from YAML become strings). */
function plain(record: BulletinRecord): unknown {
  return JSON.parse(JSON.stringify(record));
}

describe('golden fixtures', () => {
  for (const c of cases) {
    if (c.skip) {
      test(`${c.name} parses to its expected record`, { skip: c.skip }, () => {});
      continue;
    }
    test(`${c.name} parses to its expected record`, () => {
      const actual = parseBulletinFile(c.input, c.options);
      assert.deepEqual(plain(actual), expectedFor(c.name, actual));
    });

    test(`${c.name}: the parser's own fields survive JSON unchanged (the parse cache relies on it)`, () => {
      const actual = parseBulletinFile(c.input, c.options);
      const owned = Object.fromEntries(RECORD_FIELDS.filter((k) => k in actual).map((k) => [k, actual[k]]));
      assert.ok(isDeepStrictEqual(JSON.parse(JSON.stringify(owned)), owned));
    });

    const text = readFileSync(c.input, 'utf8');
    const encodings: Array<[string, string[]]> = [
      ['utf16-le', ['utf-16le']],
      ['utf16-be', ['utf-16be']],
      ['gb18030', ['gb18030']],
    ];
    // Big5 holds Traditional text only: use it where every character round-trips.
    if (iconv.decode(iconv.encode(text, 'big5'), 'big5') === text) encodings.push(['big5', ['big5', 'big5-hkscs']]);
    for (const [encoding, names] of encodings) {
      test(`${c.name} in ${encoding} gives the same record`, () => {
        const bom = encoding === 'utf16-le' ? '\ufeff' : encoding === 'utf16-be' ? '\ufeff' : '';
        const bytes = iconv.encode(bom + text, encoding.replace('utf16-', 'utf-16'));
        const record = parseBulletin(bytes, c.input, c.options);
        assert.ok(names.includes(record.source_file.encoding), `detected ${record.source_file.encoding}`);
        const utf8 = parseBulletinFile(c.input, c.options);
        assert.deepEqual(
          plain({ ...record, source_file: { ...record.source_file, encoding: '', sha256: '' } }),
          plain({ ...utf8, source_file: { ...utf8.source_file, encoding: '', sha256: '' } }),
        );
      });
    }
  }
});
