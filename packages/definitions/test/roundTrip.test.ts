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

  it('round-trips arbitrary valid definitions through the codec alone', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(arbitraryDefinition, (source) => {
        expect(DefinitionCodec.decode(DefinitionCodec.encode(source))).toEqual(E.right(source));
      }),
    );
  });
});

describe('loadDefinition on arbitrary input', () => {
  it('never throws, for any value or text', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.string(), fc.json()), (input) => {
        const loaded = loadDefinition(input);
        expect(E.isLeft(loaded) || loaded.right.key.includes('@')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws when one value of a valid definition is replaced by anything', {
    timeout: 60_000,
  }, () => {
    fc.assert(
      fc.property(arbitraryDefinition, fc.anything(), fc.nat(), (source, junk, pick) => {
        const encoded = DefinitionCodec.encode(source) as Record<string, unknown>;
        const keys = Object.keys(encoded);
        const key = keys[pick % keys.length] as string;
        const loaded = loadDefinition(stringify({ ...encoded, [key]: junk }));
        expect(E.isLeft(loaded) || E.isRight(loaded)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
