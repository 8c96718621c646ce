// Reading a bulletin file from disk: its size checked before it is read, and any I/O failure as the
// parser's refusal ('too-large', 'io'). Used by parseBulletinFile (index.ts) and the parse cache.
import { type BigIntStats, readFileSync, statSync } from 'node:fs';
import { MAX_BYTES } from './decode.ts';
import { BulletinError } from './errors.ts';

/** The refusal of a file that cannot be read. */
function ioError(path: string, error: unknown): BulletinError {
  return new BulletinError('io', path, `cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
}

/** The file's stat, to the nanosecond (the parse cache tells an unchanged file by it). Throws BulletinError 'io'. */
export function statBulletinFile(path: string): BigIntStats {
  try {
    return statSync(path, { bigint: true });
  } catch (error) {
    throw ioError(path, error);
  }
}

/**
 * The file's bytes. A file over MAX_BYTES is refused without being read. `stat`: the file's, when
 * the caller has it. Throws BulletinError ('too-large', 'io').
 */
export function readBulletinFile(path: string, stat: BigIntStats = statBulletinFile(path)): Buffer {
  const size = Number(stat.size);
  if (size > MAX_BYTES) {
    throw new BulletinError('too-large', path, `the file is ${size} bytes, over the ${MAX_BYTES}-byte limit for one bulletin; split it or check that it is a bulletin`);
  }
  try {
    return readFileSync(path);
  } catch (error) {
    throw ioError(path, error);
  }
}
