/**
 * Keeps chains of keep-with-next blocks whole in LibreOffice, whose first pagination of a DOCX
 * is a guess that keep-with-next cannot always undo.
 *
 * A DOCX carries no layout cache, so when LibreOffice opens one of more than 100 paragraphs it
 * first spreads the body over provisional pages of a fixed number of frames (20 paragraphs, a
 * table counting one per row, 3 more per 1 000 paragraphs), then lays each page out, moving text
 * back to fill pages. A keep-with-next paragraph is checked against its follower only when it is
 * laid out itself or when the follower moves: if it is the last frame of a provisional page and
 * its follower, first of the next one, cannot move back (no room left), nothing moves the
 * heading: it stays alone at the foot of its page (LibreOffice 7.4, sw/source/core/layout:
 * `SwLayHelper::CheckInsertPage`, `SwFlowFrame::CheckMoveFwd`). Word lays out with no such guess.
 *
 * The way out: never let a provisional page end inside a chain. Before a chain that would
 * straddle a provisional page, the document gets as many empty hidden paragraphs (zero height in
 * LibreOffice, not shown in Word) as it takes for the chain to open the next provisional page.
 */

/** One block of the body as the provisional pagination sees it. */
export interface FlowBlock {
  /** The block keeps with the next one (a heading, a lead-in, a caption…). */
  readonly keepNext: boolean;
  /** The block starts a page of its own accord. */
  readonly pageBreakBefore: boolean;
  /** Frames the pagination counts: 1 for a paragraph, one per row for a table. */
  readonly frames: number;
}

/** Paragraphs LibreOffice lays out before it guesses pages at all. */
const GUESS_FROM = 100;
/**
 * Frames per provisional page for a body of `nodes` paragraphs (as LibreOffice counts them:
 * tables and drawings weigh less), or `undefined` when LibreOffice does not guess.
 */
export function provisionalPageSize(nodes: number): number | undefined {
  if (nodes <= GUESS_FROM) return undefined;
  return Math.min(53, 20 + Math.floor(nodes / 1000) * 3);
}

/** A table longer than this past the page size is cut by rows and ends its provisional page. */
const LONG_TABLE_MARGIN = 10;

class Pagination {
  count = 0;
  private breakPending = false;
  constructor(private readonly size: number) {}

  copy(): Pagination {
    const copy = new Pagination(this.size);
    copy.count = this.count;
    copy.breakPending = this.breakPending;
    return copy;
  }

  /** Counts a block in; true when it opens a provisional page. */
  add(block: FlowBlock): boolean {
    this.count += block.frames;
    const longTable = block.frames > 1 && this.count > this.size + LONG_TABLE_MARGIN;
    const opens = block.pageBreakBefore || this.breakPending || this.count > this.size;
    if (opens) this.count = 0;
    this.breakPending = longTable;
    return opens;
  }
}

/** A hidden paragraph's place in the count. */
const SPACER: FlowBlock = { keepNext: false, pageBreakBefore: false, frames: 1 };

/**
 * Where to put hidden paragraphs: block index → how many go just before it, so that no chain of
 * keep-with-next blocks (each keeping with the next, up to the first that does not) straddles a
 * provisional page of `size` frames. A chain longer than a page is left as it is.
 */
export function spacersBefore(flow: readonly FlowBlock[], size: number): Map<number, number> {
  const spacers = new Map<number, number>();
  const pages = new Pagination(size);
  for (let start = 0; start < flow.length; ) {
    let end = start;
    while (end < flow.length - 1 && flow[end]!.keepNext) end++;
    const chain = flow.slice(start, end + 1);
    const trial = pages.copy();
    const straddles = chain.some((block, i) => trial.add(block) && i > 0 && !block.pageBreakBefore);
    const frames = chain.slice(1).reduce((sum, block) => sum + block.frames, 0);
    if (straddles && frames <= size) {
      const count = size - pages.count;
      spacers.set(start, count);
      for (let i = 0; i < count; i++) pages.add(SPACER);
    }
    for (const block of chain) pages.add(block);
    start = end + 1;
  }
  return spacers;
}
