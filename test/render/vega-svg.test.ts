import { describe, expect, it } from "vitest";
import { vegaToSvg } from "../../src/render/vega-svg.js";

describe("Vega to SVG", () => {
  it("stops an image whose dataflow fails instead of drawing it half, and prints nothing of Vega's", async () => {
    const written: unknown[] = [];
    const { error, warn } = console;
    console.error = (...args: unknown[]) => void written.push(args);
    console.warn = (...args: unknown[]) => void written.push(args);
    try {
      const broken = {
        width: 100,
        height: 100,
        data: [{ name: "t", values: [{ x: 1 }], transform: [{ type: "formula", as: "y", expr: "datum.x.a.b" }] }],
        marks: [{ type: "rect", from: { data: "t" }, encode: { enter: { x: { field: "y" }, width: { value: 5 }, height: { value: 5 } } } }],
      };
      await expect(vegaToSvg(broken as never)).rejects.toThrow();
      // The next image is drawn as usual.
      const fine = await vegaToSvg({ width: 10, height: 10, marks: [{ type: "rect", encode: { enter: { width: { value: 5 }, height: { value: 5 } } } }] } as never);
      expect(fine.width).toBe(10);
    } finally {
      console.error = error;
      console.warn = warn;
    }
    expect(written).toEqual([]);
  });
});
