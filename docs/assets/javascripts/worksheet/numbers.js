// Numbers as a person of the page's language types them, and back. Pure; runs under Node.
//
// Estonian: decimal comma, groups of three digits split by a space or a no-break space
// ("1 200,50"); a decimal point is read too when it cannot be a thousands mark ("24.5", not
// "1.200"). English: decimal point, groups split by a comma or a space ("1,200.50"); a comma
// that cannot be a thousands mark ("24,5") is refused, never read as 245. Both: a leading
// minus, hyphen or "−", and at most 15 digits, so that the number stored is exactly the one
// typed. Anything else is refused: the caller shows the field as invalid, stores nothing.

const MARKS = {
  et: { point: ",", groups: [" ", "\u00a0", "\u202f"], alsoPoint: "." },
  en: { point: ".", groups: [",", " ", "\u00a0", "\u202f"], alsoPoint: null },
};
const MOST_DIGITS = 15;

export const marksOf = (language) => MARKS[language] || MARKS.en;

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The decimal mark of `text`: the language's own, or a point in Estonian where it can only be one. */
function pointIn(text, marks) {
  if (text.includes(marks.point) || !marks.alsoPoint) return marks.point;
  const parts = text.split(marks.alsoPoint);
  const thousands = parts.length === 2 && /^\d{3}$/.test(parts[1]) && !/\D/.test(parts[0]);
  return parts.length === 2 && !thousands ? marks.alsoPoint : marks.point;
}

/**
 * What `text` says in `language`: {value: number}, {value: undefined} when blank, or
 * {value: undefined, unreadable: true} when it is not a number as that language writes one.
 */
export function readNumber(text, language) {
  const marks = marksOf(language);
  let rest = String(text ?? "").trim();
  if (!rest) return { value: undefined };
  const negative = /^[-\u2212]/.test(rest);
  if (negative || rest.startsWith("+")) rest = rest.slice(1).trimStart();
  const point = pointIn(rest, marks);
  const [whole, fraction, extra] = rest.split(point);
  const group = `[${marks.groups.map(escape).join("")}]`;
  const wholeOk = new RegExp(`^(\\d+|\\d{1,3}(${group}\\d{3})+)$`).test(whole) || (whole === "" && fraction !== undefined);
  const fractionOk = fraction === undefined || /^\d+$/.test(fraction);
  const digits = (whole + (fraction ?? "")).replace(/\D/g, "").replace(/^0+(?=\d)/, "");
  if (extra !== undefined || !wholeOk || !fractionOk || digits.length > MOST_DIGITS) {
    return { value: undefined, unreadable: true };
  }
  const value = Number(`${whole.replace(/\D/g, "") || "0"}.${fraction || "0"}`);
  return { value: negative && value !== 0 ? -value : value };
}

/** A stored number as the reader would type it in `language`: "24,5" in Estonian, no grouping. */
export function numberText(value, language) {
  if (!Number.isFinite(value)) return "";
  let text = String(value);
  if (/e/.test(text)) text = value.toFixed(20).replace(/\.?0+$/, "");
  return text.replace(".", marksOf(language).point);
}
