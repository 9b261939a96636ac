/** Line wrapping for text printed in a terminal (the wizard, the CLI's tables and notes). */

/** Wraps each line at word boundaries; continuation lines start with `indent`. */
export function wrapText(text: string, width: number, indent = ""): string {
  return text
    .split("\n")
    .map((line) => {
      if ([...line].length <= width) return line;
      const lead = /^\s*/.exec(line)![0];
      const out: string[] = [];
      let current = "";
      for (const word of line.slice(lead.length).split(" ")) {
        const candidate = current ? `${current} ${word}` : word;
        if (current && (out.length ? indent.length : lead.length) + [...candidate].length > width) {
          out.push(current);
          current = word;
        } else current = candidate;
      }
      out.push(current);
      return out.map((l, i) => (i === 0 ? lead : indent || lead) + l).join("\n");
    })
    .join("\n");
}
