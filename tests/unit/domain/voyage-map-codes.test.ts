import { describe, expect, it } from 'vitest';
import { CODE_DIGITS, codeWidth, readCodes, readLists, writeCodes, writeLists } from '@/lib/core/domain/voyage-map-codes';
import { decodeVoyageMap } from '@/lib/core/domain/voyage-map';
import { mulberry32 } from '@/lib/core/track/mulberry32';

describe('voyage map codes', () => {
  it('needs one more digit each time the numbers pass a power of 64', () => {
    expect([1, 63, 64, 4095, 4096, 262_143, 262_144].map(codeWidth)).toEqual([1, 1, 2, 2, 3, 3, 4]);
  });

  it('writes each number plus one in base 64, most significant digit first, and reads it back', () => {
    expect(writeCodes(Int32Array.of(-1, 0, 9, 62), 1)).toBe('01A_');
    // 63 + 1 = 64 is "10" in base 64; 64 + 1 = 65 is "11".
    expect(writeCodes(Int32Array.of(63, 64, -1), 2)).toBe('101100');
    const rand = mulberry32(5);
    for (const width of [1, 2, 3, 4]) {
      const top = 64 ** width - 1; // the largest code
      const numbers = Int32Array.from({ length: 3000 }, () => Math.floor(rand() * top) - 1);
      numbers[0] = top - 1;
      numbers[1] = -1;
      const text = writeCodes(numbers, width);
      expect(text).toHaveLength(numbers.length * width);
      expect([...text].every((c) => CODE_DIGITS.includes(c))).toBe(true);
      expect(readCodes(text, width, numbers.length)).toEqual(numbers);
    }
    // A short write after a long one: nothing of the longer one is left over.
    expect(writeCodes(Int32Array.of(2), 1)).toBe('3');
  });

  it('writes lists, empty ones too, and reads them back', () => {
    const lists = [[0, 70], [], [5], [], [4095, 1, 2]];
    const ends = new Int32Array(lists.length);
    lists.reduce((end, l, i) => (ends[i] = end + l.length), 0);
    const text = writeLists(Int32Array.from(lists.flat()), ends, 3);
    expect(text.split('.')).toHaveLength(5);
    expect(readLists(text, 3, 5).map((l) => [...l])).toEqual(lists);
    expect(readLists('', 1, 0)).toEqual([]);
    expect(readLists('', 1, 1).map((l) => [...l])).toEqual([[]]);
  });

  it('refuses text that is not codes of the width and count it says', () => {
    expect(() => readCodes('12', 1, 3)).toThrow(/2 code digits for 3 voyages/);
    expect(() => readCodes('1"', 1, 2)).toThrow(/not a code digit/);
    expect(() => readCodes('1é', 1, 2)).toThrow(/not a code digit/);
    expect(() => readLists('1.2', 1, 3)).toThrow(/2 lists for 3 voyages/);
    expect(() => readLists('123.4', 2, 2)).toThrow(/code digits/);
    expect(() => readLists('1', 1, 0)).toThrow(/lists for no voyages/);
    expect(() => decodeVoyageMap({ format: 'wakeline-voyage-map/1' } as never)).toThrow(/reload the page/);
  });
});
