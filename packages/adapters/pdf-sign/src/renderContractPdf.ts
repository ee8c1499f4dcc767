/** Lays a contract out on A4 pages with pdf-lib, embedding a (subset) CJK font. */
import fontkit from '@pdf-lib/fontkit';
import * as E from 'fp-ts/lib/Either.js';
import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import type { ContractDocument } from './ContractDocument.js';
import { messageOf, type PdfSignError } from './PdfSignError.js';

/** The font and the creation time of a rendering. */
export interface RenderOptions {
  /**
   * A TrueType/OpenType font with CJK glyphs (see `loadCjkFont`). Characters it lacks
   * (Droid Sans Fallback has no Latin letters) are set in the standard Helvetica.
   */
  readonly font: Uint8Array;
  /** Written as the PDF's creation and modification date (from the Clock). */
  readonly createdAt: Date;
  /** Embed only the glyphs used (default true): about 20 KB instead of 4 MB of font. */
  readonly subset?: boolean;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const TITLE_SIZE = 16;
const TEXT_SIZE = 11;
const LEADING = 1.55;

/** Two fonts set one line: CJK glyphs from the embedded font, Latin from Helvetica. */
interface Typeface {
  /** The font that sets one character. */
  readonly fontOf: (ch: string) => PDFFont;
  /** The advance width of one character at `size`. */
  readonly widthOf: (ch: string, size: number) => number;
}

interface Run {
  readonly text: string;
  readonly font: PDFFont;
}

const latinCan = (latin: PDFFont, ch: string): boolean => {
  try {
    latin.encodeText(ch);
    return true;
  } catch {
    return false;
  }
};

/** A typeface that remembers each character's font and width (a contract repeats them). */
const typeface = (cjk: PDFFont, latin: PDFFont, cjkHas: (cp: number) => boolean): Typeface => {
  const fonts = new Map<string, PDFFont>();
  const widths = new Map<string, number>();
  const fontOf = (ch: string): PDFFont => {
    const known = fonts.get(ch);
    if (known !== undefined) return known;
    const cp = ch.codePointAt(0) ?? 0;
    const useLatin = (cp <= 0xff || !cjkHas(cp)) && latinCan(latin, ch);
    const font = useLatin ? latin : cjk;
    fonts.set(ch, font);
    return font;
  };
  return {
    fontOf,
    widthOf: (ch, size) => {
      const key = `${size}:${ch}`;
      const known = widths.get(key);
      if (known !== undefined) return known;
      const w = fontOf(ch).widthOfTextAtSize(ch, size);
      widths.set(key, w);
      return w;
    },
  };
};

/** Cuts a line into runs of one font each. */
const runsOf = (line: string, face: Typeface): Run[] => {
  const runs: { text: string; font: PDFFont }[] = [];
  for (const ch of line) {
    const font = face.fontOf(ch);
    const last = runs[runs.length - 1];
    if (last !== undefined && last.font === font) last.text += ch;
    else runs.push({ text: ch, font });
  }
  return runs;
};

/** Width of `text` as the sum of its characters' advances (no kerning is applied anyway). */
const widthOf = (text: string, face: Typeface, size: number): number => {
  let w = 0;
  for (const ch of text) w += face.widthOf(ch, size);
  return w;
};

/** Splits text into pieces a line may break between: CJK characters one by one, words whole. */
const breakable = (paragraph: string): string[] =>
  paragraph.match(
    /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]|[^\s\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]+|\s+/g,
  ) ?? [];

/** Wraps one paragraph to `width` points. */
const wrap = (paragraph: string, face: Typeface, size: number, width: number): string[] => {
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  for (const piece of breakable(paragraph)) {
    const pieceWidth = widthOf(piece, face, size);
    if (line === '' || lineWidth + pieceWidth <= width) {
      line += piece;
      lineWidth += pieceWidth;
      continue;
    }
    lines.push(line.trimEnd());
    line = piece.trimStart();
    // A single piece wider than the line (a long number) is cut by characters.
    while (line.length > 1 && widthOf(line, face, size) > width) {
      let cut = line.length - 1;
      while (cut > 1 && widthOf(line.slice(0, cut), face, size) > width) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
    lineWidth = widthOf(line, face, size);
  }
  lines.push(line.trimEnd());
  return lines;
};

/**
 * Renders a contract to PDF bytes: title, facts, then the wrapped text over as many A4
 * pages as it needs, with page numbers. Deterministic for the same input and `createdAt`.
 */
export async function renderContractPdf(
  document: ContractDocument,
  options: RenderOptions,
): Promise<E.Either<PdfSignError, Uint8Array>> {
  try {
    const pdf = await PDFDocument.create({ updateMetadata: false });
    pdf.registerFontkit(fontkit);
    const glyphs = fontkit.create(options.font);
    const face = typeface(
      await pdf.embedFont(options.font, { subset: options.subset ?? true }),
      await pdf.embedFont(StandardFonts.Helvetica),
      (cp) => glyphs.hasGlyphForCodePoint(cp),
    );
    pdf.setTitle(document.title);
    pdf.setProducer('orderflow @orderflow/pdf-sign');
    pdf.setCreator('orderflow');
    pdf.setCreationDate(options.createdAt);
    pdf.setModificationDate(options.createdAt);

    const width = A4[0] - 2 * MARGIN;
    let page: PDFPage = pdf.addPage(A4);
    let y = A4[1] - MARGIN;
    const newPageIfNeeded = (height: number): void => {
      if (y - height >= MARGIN) return;
      page = pdf.addPage(A4);
      y = A4[1] - MARGIN;
    };
    const drawLine = (
      target: PDFPage,
      line: string,
      x0: number,
      at: number,
      size: number,
      gray: number,
    ): void => {
      let x = x0;
      for (const run of runsOf(line, face)) {
        target.drawText(run.text, { x, y: at, size, font: run.font, color: rgb(gray, gray, gray) });
        x += run.font.widthOfTextAtSize(run.text, size);
      }
    };
    const write = (text: string, size: number, gray = 0): void => {
      for (const line of wrap(text, face, size, width)) {
        newPageIfNeeded(size * LEADING);
        y -= size * LEADING;
        drawLine(page, line, MARGIN, y, size, gray);
      }
    };

    write(document.title, TITLE_SIZE);
    y -= TEXT_SIZE;
    for (const [label, value] of document.facts) write(`${label}：${value}`, TEXT_SIZE, 0.25);
    y -= TEXT_SIZE;
    for (const paragraph of document.body.split(/\r?\n/)) {
      if (paragraph.trim() === '') {
        y -= TEXT_SIZE * LEADING * 0.5;
        continue;
      }
      write(paragraph, TEXT_SIZE);
    }

    const pages = pdf.getPages();
    pages.forEach((p, i) => {
      const label = `${i + 1} / ${pages.length}`;
      drawLine(p, label, (A4[0] - widthOf(label, face, 9)) / 2, MARGIN / 2, 9, 0.5);
    });
    return E.right(await pdf.save());
  } catch (error) {
    return E.left({ _tag: 'RenderFailed', message: messageOf(error), retryable: false });
  }
}
