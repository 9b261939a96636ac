import { isSeq, type Document, type YAMLSeq } from "yaml";

/**
 * The sequence at `path`, created if absent; a flow sequence such as `porteurs: []` is switched
 * to block style so that added items are written one per line, like the rest of the file.
 */
export function blockSeqAt(doc: Document, path: readonly (string | number)[]): YAMLSeq {
  let node = doc.getIn(path, true);
  if (!isSeq(node)) {
    doc.setIn(path, doc.createNode([]));
    node = doc.getIn(path, true);
  }
  const seq = node as YAMLSeq;
  seq.flow = false;
  return seq;
}

/** Appends a value at the end of the sequence at `path`, keeping the comments around it. */
export function appendIn(doc: Document, path: readonly (string | number)[], value: unknown): number {
  const seq = blockSeqAt(doc, path);
  seq.items.push(doc.createNode(value) as never);
  return seq.items.length - 1;
}
