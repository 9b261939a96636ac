/**
 * The few XML pieces the DOCX writer needs: escaping, and the namespaces of WordprocessingML.
 *
 * Text reaches this point already checked (control characters are refused in the project file),
 * but a template may still hold any character: those XML 1.0 forbids are dropped here rather
 * than written into a file Word would refuse to open.
 */

const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const SPECIAL = /[&<>"]/g;
const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/** Text or attribute value, escaped for XML. */
export function esc(value: string | number): string {
  const text = String(value);
  return text.replace(FORBIDDEN, "").replace(SPECIAL, (c) => ENTITIES[c]!);
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

/** Main WordprocessingML namespace, and relationships (for r:id). */
export const W_NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

export const RELATIONSHIP_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
