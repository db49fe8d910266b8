// Unit tests run offline: any attempt to reach the network is a bug, so it throws.
import { beforeAll } from 'vitest';

beforeAll(() => {
  globalThis.fetch = (input: unknown) => {
    throw new Error(`unexpected network call in a unit test: ${String(input)}`);
  };
});
