// Derives readable colours from the site's brand colour, whatever the admin picked,
// so buttons and links keep WCAG AA contrast (4.5:1) in both themes.

type Rgb = [number, number, number]

export const fallbackBrand = '#4f46e5'
// The page background and card surface of each theme (see styles.css).
const lightSurface: Rgb = [255, 255, 255]
const lightPage: Rgb = [240, 242, 245]
const darkSurface: Rgb = [36, 37, 41]
const darkPage: Rgb = [24, 25, 26]

export function parseHex(hex: string): Rgb | null {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim())
  if (!m) return null
  const h = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1]
  return [0, 2, 4].map((i) => Number.parseInt(h.slice(i, i + 2), 16)) as Rgb
}

function toHex(rgb: Rgb): string {
  return `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`
}

function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => {
    const s = c / 255
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (hi + 0.05) / (lo + 0.05)
}

function mix(a: Rgb, b: Rgb, amount: number): Rgb {
  return a.map((c, i) => c + (b[i] - c) * amount) as Rgb
}

/** Moves `color` toward black or white until it reads on every one of `surfaces` at `ratio`. */
function inkOn(color: Rgb, surfaces: Rgb[], ratio: number): Rgb {
  const target: Rgb = luminance(surfaces[0]) > 0.5 ? [0, 0, 0] : [255, 255, 255]
  for (let step = 0; step <= 40; step++) {
    const candidate = mix(color, target, step / 40)
    if (surfaces.every((surface) => contrast(candidate, surface) >= ratio)) return candidate
  }
  return target
}

export type BrandPalette = {
  brand: string
  onBrand: string
  inkLight: string
  inkDark: string
  /** A pale tint of the brand for selected items, behind `ink` text. */
  softLight: string
  softDark: string
}

export function brandPalette(hex: string): BrandPalette {
  const rgb = parseHex(hex) ?? (parseHex(fallbackBrand) as Rgb)
  const onBrand = contrast(rgb, [255, 255, 255]) >= contrast(rgb, [0, 0, 0]) ? '#ffffff' : '#000000'
  const softLight = mix(rgb, lightSurface, 0.88)
  const softDark = mix(rgb, darkSurface, 0.8)
  // Brand-coloured text sits on the page, on cards and on the soft tint (active links, badges).
  return {
    brand: toHex(rgb),
    onBrand,
    inkLight: toHex(inkOn(rgb, [lightPage, lightSurface, softLight], 4.6)),
    inkDark: toHex(inkOn(rgb, [darkSurface, darkPage, softDark], 4.6)),
    softLight: toHex(softLight),
    softDark: toHex(softDark),
  }
}
