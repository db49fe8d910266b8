import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A fresh temporary directory for a SQLite file; removed by the returned cleanup. */
export function tempDbFile(name = 'test'): { file: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wakeline-'));
  return { file: path.join(dir, `${name}.sqlite`), cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
