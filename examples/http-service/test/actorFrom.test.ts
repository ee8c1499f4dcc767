import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { actorFrom } from '../src/actorFrom.js';
import { expectedVersionFrom } from '../src/expectedVersionFrom.js';

describe('actorFrom', () => {
  it('reads the person id and the comma-separated roles, trimmed, without blanks or repeats', () => {
    const actor = actorFrom(
      new Headers({ 'X-Actor-Id': ' rm-1 ', 'X-Actor-Roles': 'salesRep, operations,,salesRep ' }),
    );
    expect(actor).toEqual(E.right({ id: 'rm-1', roles: ['salesRep', 'operations'] }));
  });

  it('gives an actor without roles when X-Actor-Roles is absent', () => {
    expect(actorFrom(new Headers({ 'x-actor-id': 'viewer-1' }))).toEqual(
      E.right({ id: 'viewer-1', roles: [] }),
    );
  });

  it('refuses a request whose X-Actor-Id is missing or blank', () => {
    const unauthenticated = E.left({ _tag: 'Unauthenticated', header: 'X-Actor-Id' });
    expect(actorFrom(new Headers({ 'X-Actor-Roles': 'salesRep' }))).toEqual(unauthenticated);
    expect(actorFrom(new Headers({ 'X-Actor-Id': '   ' }))).toEqual(unauthenticated);
  });
});

describe('expectedVersionFrom', () => {
  it('reads a bare version and the ETag forms the service sends', () => {
    expect(expectedVersionFrom('3')).toEqual(E.right(3));
    expect(expectedVersionFrom('"3"')).toEqual(E.right(3));
    expect(expectedVersionFrom('W/"12"')).toEqual(E.right(12));
    expect(expectedVersionFrom(undefined)).toEqual(E.right(undefined));
  });

  it('refuses a version that is not a whole number of at least 1', () => {
    for (const header of ['0', '-1', '1.5', '*', 'abc', '']) {
      expect(E.isLeft(expectedVersionFrom(header)), header).toBe(true);
    }
  });
});
