/** Line wrapping for text printed in a terminal (the wizard, the CLI's tables and notes). */

export interface WrapOptions {
  /**
   * Cut a word longer than a whole line (a web address) instead of letting it overflow: after a
   * `/`, `?`, `&`, `=` or `#` where possible, else after a `-`, `_` or `.`, else at the width.
   * No hyphen is added: the pieces put end to end give the word back.
   */
  breakLongWords?: boolean;
}

function length(text: string): number {
  return [...text].length;
}

/** Where to cut `word` so that its first piece holds in `room` columns (a code point index). */
function cutPoint(chars: readonly string[], room: number): number {
  for (const separators of ["/?&=#", "-_."]) {
    for (let i = Math.min(room, chars.length - 1); i > room / 2; i--) {
      if (separators.includes(chars[i - 1]!)) return i;
    }
  }
  return room;
}

/**
 * Wraps each line at its ordinary spaces (never at a no-break one); continuation lines start
 * with `indent`, or with the line's own leading spaces when `indent` is empty.
 */
export function wrapText(text: string, width: number, indent = "", options: WrapOptions = {}): string {
  return text
    .split("\n")
    .map((line) => {
      if (length(line) <= width) return line;
      const lead = /^\s*/.exec(line)![0];
      const next = indent || lead;
      const out: string[] = [];
      let current = "";
      const room = () => width - length(out.length ? next : lead);
      for (const word of line.slice(lead.length).split(" ")) {
        let rest = word;
        for (;;) {
          const candidate = current ? `${current} ${rest}` : rest;
          if (length(candidate) <= room()) {
            current = candidate;
            break;
          }
          const chars = [...rest];
          if (options.breakLongWords && chars.length > width - length(next)) {
            // The word needs cutting anyway: its first piece fills the current line.
            const free = room() - (current ? length(current) + 1 : 0);
            if (free >= Math.max(1, Math.min(12, room()))) {
              const cut = cutPoint(chars, free);
              out.push(current ? `${current} ${chars.slice(0, cut).join("")}` : chars.slice(0, cut).join(""));
              current = "";
              rest = chars.slice(cut).join("");
              continue;
            }
          }
          if (!current) {
            current = rest;
            break;
          }
          out.push(current);
          current = "";
        }
      }
      out.push(current);
      return out.map((l, i) => (i === 0 ? lead : next) + l).join("\n");
    })
    .join("\n");
}
