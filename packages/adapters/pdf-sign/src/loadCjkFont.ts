/**
 * The CJK font that contract PDFs embed, so Chinese text renders in any viewer.
 *
 * Default: Droid Sans Fallback (`DroidSansFallbackFull.ttf`), Apache-2.0, from the Debian
 * package `fonts-droid-fallback` (`apt-get install fonts-droid-fallback`). Any TrueType or
 * OpenType font with CJK glyphs works; pass its path.
 */
import { readFile } from 'node:fs/promises';
import * as E from 'fp-ts/lib/Either.js';
import { messageOf, type PdfSignError } from './PdfSignError.js';

/** Where Debian's `fonts-droid-fallback` installs Droid Sans Fallback. */
export const DEFAULT_CJK_FONT_PATH = '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf';

/** Reads a font file; a missing file is a configuration error, not worth retrying. */
export async function loadCjkFont(
  path: string = DEFAULT_CJK_FONT_PATH,
): Promise<E.Either<PdfSignError, Uint8Array>> {
  try {
    return E.right(new Uint8Array(await readFile(path)));
  } catch (error) {
    return E.left({
      _tag: 'FontUnavailable',
      path,
      message: `cannot read the CJK font at ${path} (Debian: apt-get install fonts-droid-fallback): ${messageOf(error)}`,
      retryable: false,
    });
  }
}
