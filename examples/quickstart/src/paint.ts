/** Terminal colours, only when standard output is a terminal and NO_COLOR is not set. */

const CODES = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  blue: [34, 39],
  cyan: [36, 39],
} as const;

/** A colour name. */
export type Colour = keyof typeof CODES;

/** Paints text, or returns it unchanged when colours are off. */
export type Paint = (colour: Colour, text: string) => string;

/** A painter for a stream: colours on a TTY unless `NO_COLOR` is set (https://no-color.org). */
export function paintFor(stream: { readonly isTTY?: boolean }, env = process.env): Paint {
  const on = stream.isTTY === true && (env.NO_COLOR ?? '') === '' && env.TERM !== 'dumb';
  return (colour, text) => {
    if (!on) return text;
    const [open, close] = CODES[colour];
    return `\u001b[${open}m${text}\u001b[${close}m`;
  };
}
