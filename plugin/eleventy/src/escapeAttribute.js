/** Escapes a string for a double-quoted HTML attribute value. */
export function escapeAttribute(value) {
  return String(value).replace(/[&"<>]/g, (c) => ({ "&": "&amp;", '"': "&quot;", "<": "&lt;", ">": "&gt;" })[c]);
}
