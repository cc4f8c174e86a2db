/**
 * SVG to PNG with @resvg/resvg-js and a CJK font that ships with the package (Noto Sans SC of @embedpdf/fonts-sc,
 * OFL-1.1), so Chinese names render on a fresh clone without system fonts. Node only.
 * @module
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Resvg } from "@resvg/resvg-js";

/**
 * The bundled CJK font files (regular and bold), found through the package; empty when it is not installed. The
 * package exports only its entry (`dist/index.cjs`), not `package.json`, so the fonts are found beside that entry's
 * folder.
 */
function bundledFonts(): string[] {
  try {
    const folder = join(dirname(dirname(createRequire(import.meta.url).resolve("@embedpdf/fonts-sc"))), "fonts");
    return ["NotoSansHans-Regular.otf", "NotoSansHans-Bold.otf"].map((name) => join(folder, name)).filter((file) => existsSync(file));
  } catch {
    return [];
  }
}

/** Options of {@link svgToPng}. */
export interface PngOptions {
  /** Width of the PNG in px; the height follows the SVG's aspect. Default the SVG's own width. */
  readonly width?: number;
}

/**
 * Renders an SVG (a map or chart of this library) to PNG bytes. Text uses the bundled Noto Sans SC font (Latin and
 * Chinese), falling back to the system's fonts.
 * @param svg - a complete `<svg>` element
 * @param options - see {@link PngOptions}
 * @returns the PNG file's bytes
 * @throws Error when no CJK font is found (neither the bundled package nor a system font), rather than draw boxes;
 *   RangeError for a width that is not a whole number from 16 to 20000
 */
export function svgToPng(svg: string, options: PngOptions = {}): Uint8Array {
  const width = options.width;
  if (width !== undefined && (!Number.isInteger(width) || width < 16 || width > 20000)) throw new RangeError(`width must be a whole number of pixels from 16 to 20000; got ${JSON.stringify(width)}`);
  const fontFiles = bundledFonts();
  if (fontFiles.length === 0 && !existsSync("/usr/share/fonts/opentype/noto") && !existsSync("/usr/share/fonts/truetype/wqy")) {
    throw new Error("no CJK font found for the PNG: install the package @embedpdf/fonts-sc (a dependency of school-layout) or a system CJK font (Debian: fonts-noto-cjk)");
  }
  const resvg = new Resvg(svg, {
    background: "#ffffff",
    fitTo: width === undefined ? { mode: "original" } : { mode: "width", value: width },
    font: { fontFiles, loadSystemFonts: fontFiles.length === 0, defaultFontFamily: "Noto Sans Hans", sansSerifFamily: "Noto Sans Hans" },
  });
  return resvg.render().asPng();
}
