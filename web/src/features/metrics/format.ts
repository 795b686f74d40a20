// Numbers as the metrics panel writes them. Pure: no DOM.

/** Counts as integers, scores with three significant digits (no trailing zeros). */
export function formatValue(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '–';
  if (Number.isInteger(value) || Math.abs(value) >= 1_000) return String(Math.round(value));
  if (Math.abs(value) < 0.001) return value.toExponential(1);
  const fixed = value.toPrecision(3);
  return fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
}

/** A share as a percentage with one decimal. */
export function percent(share: number): string {
  return Number.isFinite(share) ? `${(share * 100).toFixed(1)}%` : '–';
}

/** A coefficient with two decimals (a true minus sign). */
export function coefficient(value: number): string {
  return Number.isFinite(value) ? value.toFixed(2).replace('-', '−') : '–';
}
