import { describe, expect, it } from "vitest";
import { provisionalPageSize, spacersBefore, type FlowBlock } from "../../src/render/provisional-pages.js";

const text: FlowBlock = { keepNext: false, pageBreakBefore: false, frames: 1 };
const heading: FlowBlock = { keepNext: true, pageBreakBefore: false, frames: 1 };
const broken: FlowBlock = { keepNext: false, pageBreakBefore: true, frames: 1 };
const table = (rows: number): FlowBlock => ({ keepNext: false, pageBreakBefore: false, frames: rows });
const many = (n: number, block = text) => Array.from({ length: n }, () => block);

describe("LibreOffice's provisional pages", () => {
  it("are guessed only past 100 paragraphs, 20 frames each, 3 more per 1 000 paragraphs, at most 53", () => {
    expect(provisionalPageSize(100)).toBeUndefined();
    expect(provisionalPageSize(101)).toBe(20);
    expect(provisionalPageSize(999)).toBe(20);
    expect(provisionalPageSize(2500)).toBe(26);
    expect(provisionalPageSize(100_000)).toBe(53);
  });

  it("leave alone a document whose chains all stand within a provisional page", () => {
    expect(spacersBefore([...many(10), heading, text, ...many(30)], 20).size).toBe(0);
  });

  it("move a heading that would end the first provisional page (20 frames) to the next one", () => {
    // Heading = 20th frame: the 21st, its paragraph, opens the second provisional page.
    expect(spacersBefore([...many(19), heading, text, ...many(30)], 20)).toEqual(new Map([[19, 1]]));
  });

  it("move a whole chain (title, article, lead-in) to the start of the next provisional page", () => {
    const flow = [...many(17), heading, heading, heading, text, ...many(30)];
    expect(spacersBefore(flow, 20)).toEqual(new Map([[17, 3]]));
  });

  it("count pages again from a page break, the breaking paragraph opening its page", () => {
    // After the break, the page holds the breaking paragraph and 20 more: a heading 21st is cut off.
    const flow = [...many(3), broken, ...many(19), heading, text];
    expect(spacersBefore(flow, 20)).toEqual(new Map([[23, 1]]));
    expect(spacersBefore([...many(3), broken, ...many(18), heading, text], 20).size).toBe(0);
  });

  it("count a table one frame per row, and keep a heading with the table it introduces", () => {
    expect(spacersBefore([...many(10), heading, table(12)], 20)).toEqual(new Map([[10, 10]]));
    expect(spacersBefore([...many(5), heading, table(12)], 20).size).toBe(0);
  });

  it("leave a chain longer than a page as it is", () => {
    expect(spacersBefore([...many(15), ...many(30, heading), text], 20).size).toBe(0);
  });

  it("take the spacers into account for the chains after them", () => {
    const flow = [...many(19), heading, text, ...many(19), heading, text];
    // The spacer also shifts the second heading from the 41st frame (last of the second provisional
    // page) to the 42nd (first of the third): no second spacer.
    const spacers = spacersBefore(flow, 20);
    expect(spacers.get(19)).toBe(1);
    expect([...spacers.keys()]).toEqual([19]);
  });
});
