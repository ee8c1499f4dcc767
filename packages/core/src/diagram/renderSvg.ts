/** Renders DOT to SVG in-process with Graphviz compiled to WebAssembly (no system Graphviz). */
import * as E from 'fp-ts/lib/Either.js';

/** Graphviz could not render the DOT. */
export interface RenderFailed {
  readonly _tag: 'RenderFailed';
  readonly message: string;
}

/**
 * Renders a DOT graph to an SVG document with `@viz-js/viz`, loaded on first use so that
 * the engine never pays for it.
 *
 * @example const svg = await renderSvg(toDot(describeMachine(machine)));
 */
export async function renderSvg(dot: string): Promise<E.Either<RenderFailed, string>> {
  const { instance } = await import('@viz-js/viz');
  const viz = await instance();
  const result = viz.render(dot, { format: 'svg' });
  if (result.status === 'success') return E.right(result.output);
  return E.left({
    _tag: 'RenderFailed',
    message: result.errors.map((e) => e.message).join('; ') || 'Graphviz failed',
  });
}
