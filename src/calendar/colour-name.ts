import { closest, RGBColor } from 'color-diff';
import cssColourNames from 'css-color-names/css-color-names.json';

/**
 * RFC 7986's COLOR takes a CSS3 colour name ("teal"), where Lectern keeps a track's colour as
 * #rrggbb. So a feed names the CSS3 colour nearest to it by CIEDE2000, the difference people see
 * (color-diff), rather than by distance in RGB. css-color-names also lists rebeccapurple, which
 * only CSS Color 4 has. Where two names share a colour (gray and grey), the first listed is written.
 */
const CSS3 = new Map<RGBColor, string>();
const BY_NAME = new Map<string, string>();
for (const [name, hex] of Object.entries(cssColourNames as Record<string, string>)) {
  if (name === 'rebeccapurple') continue;
  BY_NAME.set(name, name);
  CSS3.set(rgb(hex)!, name);
}
const PALETTE = [...CSS3.keys()];
/** Track colours named so far: a programme has a few. */
const named = new Map<string, string>();

/** The CSS3 name for a stored colour: a name as it is, #rrggbb as the nearest; none for anything else. */
export function cssColourName(colour: string | null | undefined): string | null {
  if (!colour) return null;
  const key = colour.trim().toLowerCase();
  const name = BY_NAME.get(key);
  if (name) return name;
  const value = rgb(key);
  if (!value) return null;
  let nearest = named.get(key);
  if (nearest === undefined) {
    nearest = CSS3.get(closest(value, PALETTE))!;
    if (named.size < 10_000) named.set(key, nearest);
  }
  return nearest;
}

function rgb(hex: string): RGBColor | undefined {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  return match ? { R: parseInt(match[1], 16), G: parseInt(match[2], 16), B: parseInt(match[3], 16) } : undefined;
}
