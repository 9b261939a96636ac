// Just what the build scripts use of packages that ship no type declarations.

declare module "opentype.js" {
  interface Glyph {
    advanceWidth: number;
  }
  interface Font {
    unitsPerEm: number;
    tables: { cmap: { glyphIndexMap: Record<string, number> } };
    glyphs: { get(index: number): Glyph };
  }
  const opentype: { parse(buffer: ArrayBuffer): Font };
  export default opentype;
}

declare module "polylabel" {
  /** A point inside the polygon (rings of [x, y]), as far as `precision` allows from its edges. */
  export default function polylabel(polygon: number[][][], precision?: number): [number, number] & { distance: number };
}
