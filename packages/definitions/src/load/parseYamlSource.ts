/**
 * Parses definition text with `yaml`, keeping source ranges so that any path into the
 * parsed value can be turned back into a line and column. Refuses oversized text and
 * alias bombs before building the value.
 */
import * as E from 'fp-ts/lib/Either.js';
import {
  type Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
  visit,
} from 'yaml';
import type { Problem } from '../validate/Problem.js';

/** The largest definition text accepted, in bytes (1 MiB). */
export const MAX_DEFINITION_BYTES = 1024 * 1024;
/** The most alias expansions a definition may make before it counts as an alias bomb. */
export const MAX_ALIAS_COUNT = 100;

/** A 1-based line and column. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** Maps a problem (path, key or value, offset inside a string) to a position in the text. */
export type Locate = (problem: Pick<Problem, 'path' | 'target' | 'inner'>) => Position;

/** A problem already placed in the text (YAML errors come with positions of their own). */
export interface PlacedProblem {
  readonly problem: Problem;
  readonly position: Position | null;
}

/** The parsed value and a way to locate paths in it. */
export interface YamlSource {
  readonly value: unknown;
  readonly locate: Locate;
}

/**
 * Parses YAML (JSON is YAML) into a plain value, or returns every syntax problem found.
 *
 * @example parseYamlSource('id: x\n') // right({ value: { id: 'x' }, locate })
 */
export function parseYamlSource(text: string): E.Either<PlacedProblem[], YamlSource> {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_DEFINITION_BYTES) {
    return E.left([
      {
        problem: {
          rule: 'yaml-size-limit',
          path: [],
          message: `the definition is ${bytes} bytes; the limit is ${MAX_DEFINITION_BYTES}`,
        },
        position: null,
      },
    ]);
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter: lines,
    prettyErrors: false,
    keepSourceTokens: false,
  });
  const at = (offset: number): Position => {
    const p = lines.linePos(offset);
    return { line: p.line, column: p.col };
  };
  if (doc.errors.length > 0) {
    return E.left(
      doc.errors.map((e) => ({
        problem: { rule: 'yaml-syntax', path: [], message: e.message.split('\n')[0] ?? e.message },
        position: at(e.pos[0]),
      })),
    );
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    return E.left([
      {
        problem: {
          rule: 'yaml-alias-limit',
          path: [],
          message: `the YAML expands aliases more than ${MAX_ALIAS_COUNT} times (${error.message})`,
        },
        position: firstAlias(doc, at),
      },
    ]);
  }
  return E.right({ value, locate: (problem) => at(offsetOf(doc, text, problem)) });
}

function firstAlias(doc: Document, at: (offset: number) => Position): Position | null {
  let found: Position | null = null;
  visit(doc, {
    Alias(_, node) {
      if (node.range) found = at(node.range[0]);
      return visit.BREAK;
    },
  });
  return found;
}

/** The offset of a path's value (or key), or of the deepest node on the path that exists. */
function offsetOf(
  doc: Document,
  text: string,
  { path, target, inner }: Pick<Problem, 'path' | 'target' | 'inner'>,
): number {
  let node: Node | null = doc.contents;
  let keyStart: number | undefined;
  let reached = 0;
  for (const segment of path) {
    if (node === null) break;
    if (isMap(node)) {
      const pair = node.items.find(
        (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment),
      );
      if (pair === undefined) break;
      keyStart = isScalar(pair.key) ? pair.key.range?.[0] : undefined;
      node = (pair.value as Node | null) ?? null;
      if (node === null) return keyStart ?? 0;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (item === undefined) break;
      keyStart = undefined;
      node = item as Node;
    } else {
      break;
    }
    reached++;
  }
  const complete = reached === path.length;
  if (complete && target === 'key' && keyStart !== undefined) return keyStart;
  if (node === null || isAlias(node) || node.range == null) return keyStart ?? 0;
  const start = node.range[0];
  if (complete && inner !== undefined && isScalar(node) && typeof node.value === 'string') {
    const raw = text.slice(node.range[0], node.range[1]);
    if (raw === node.value) return start + inner;
    if ((raw.startsWith('"') || raw.startsWith("'")) && raw.slice(1, -1) === node.value) {
      return start + 1 + inner;
    }
    if (node.type === 'BLOCK_LITERAL') return start + blockLiteralOffset(raw, node.value, inner);
  }
  return start;
}

/**
 * The offset in a literal block scalar (`|`) of character `inner` of its value: the value's
 * lines are the block's lines without their indentation. Falls back to the block's start
 * when the text does not line up (tabs, or an indentation indicator).
 */
function blockLiteralOffset(raw: string, value: string, inner: number): number {
  const before = value.slice(0, inner);
  const line = before.split('\n').length - 1;
  const column = inner - (before.lastIndexOf('\n') + 1);
  const lines = raw.split('\n');
  const content = lines.slice(1);
  const indent = Math.min(
    ...content.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length),
  );
  const target = content[line];
  if (
    target === undefined ||
    !Number.isFinite(indent) ||
    target.slice(indent, indent + column) !== value.split('\n')[line]?.slice(0, column)
  ) {
    return 0;
  }
  let offset = (lines[0]?.length ?? 0) + 1;
  for (let i = 0; i < line; i++) offset += (content[i]?.length ?? 0) + 1;
  return offset + indent + column;
}
