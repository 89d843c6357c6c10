// A stored value as the page says it: an option's label, a number in the language's style
// (marks = [decimal point, thousands separator]), money with its currency. Not Intl: its first
// use costs ~10 ms. A minus sign, not a hyphen, as print and both languages write it. Pure; runs
// under Node. One definition for the worksheet page, the canvas and the Word downloads.

/** A number as the page's language writes it: marks = [decimal point, thousands separator]. */
export function formatNumber(value, fewest, most, [point, thousands]) {
  const [whole, part = ""] = (Math.abs(value) < 0.5 * 10 ** -most ? 0 : value).toFixed(most).split(".");
  const digits = part.replace(/0+$/, "").padEnd(fewest, "0");
  const sign = whole.startsWith("-") ? "\u2212" : "";
  const grouped = whole.replace("-", "").replace(/\B(?=(\d{3})+$)/g, thousands);
  return sign + grouped + (digits ? point + digits : "");
}

/** `value` as `how` (a field's display spec: labels, format, decimals, currency) says it; null when empty. */
export function describeValue(value, how, withUnit, marks) {
  if (value == null || value === "" || (Array.isArray(value) && !value.length)) return null;
  // A list of texts (the outcomes no row assesses) may hold commas of its own.
  if (Array.isArray(value)) return value.map((v) => describeValue(v, how, withUnit, marks)).join(how.format === "text" ? "; " : ", ");
  const label = how.labels && Object.hasOwn(how.labels, String(value)) ? how.labels[String(value)] : null;
  if (label != null || typeof value !== "number") return label ?? String(value);
  const { format, decimals: digits, currency } = how;
  if (format === "integer") return formatNumber(value, 0, 0, marks);
  if (format === "percent") return `${formatNumber(value, 0, digits ?? 2, marks)}%`;
  if (format === "money") return formatNumber(value, digits ?? 2, digits ?? 2, marks) + (withUnit && currency ? ` ${currency}` : "");
  return formatNumber(value, digits ?? 0, digits ?? 2, marks);
}
