import { DefinitionCodec, formatDefinitionError, loadDefinition } from '@orderflow/definitions';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { arbitraryDefinition } from './arbitraryDefinition.js';

describe('encode → decode', () => {
  it('round-trips arbitrary valid definitions through YAML, and they pass validation', {
    timeout: 60_000,
  }, () => {
    fc.assert(
      fc.property(arbitraryDefinition, (source) => {
        const text = stringify(DefinitionCodec.encode(source));
        const loaded = loadDefinition(text);
        if (E.isLeft(loaded))
          throw new Error(`${text}\n${loaded.left.map(formatDefinitionError).join('\n')}`);
        const { key, conditions, ...decoded } = loaded.right;
        expect(decoded).toEqual(source);
        expect(key).toBe(`${source.id}@${source.version}`);
      }),
      { numRuns: 100 },
    );
  });

  it('round-trips arbitrary valid definitions through the codec alone', () => {
    fc.assert(
      fc.property(arbitraryDefinition, (source) => {
        expect(DefinitionCodec.decode(DefinitionCodec.encode(source))).toEqual(E.right(source));
      }),
    );
  });
});
