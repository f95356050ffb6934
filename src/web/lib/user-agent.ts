// A rough, friendly reading of a User-Agent header: enough to tell your devices apart.

export type DeviceInfo = { browser: string | null; os: string | null; mobile: boolean }

const browsers: [RegExp, string][] = [
  [/Edg(?:e|A|iOS)?\//, 'Edge'],
  [/OPR\/|Opera/, 'Opera'],
  [/Firefox\/|FxiOS\//, 'Firefox'],
  [/SamsungBrowser\//, 'Samsung Internet'],
  [/Chrome\/|CriOS\/|Chromium\//, 'Chrome'],
  [/Safari\//, 'Safari'],
]

const systems: [RegExp, string][] = [
  [/Android/, 'Android'],
  [/iPhone|iPad|iPod/, 'iOS'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/CrOS/, 'ChromeOS'],
  [/Linux/, 'Linux'],
]

export function describeUserAgent(ua: string | null | undefined): DeviceInfo {
  const text = ua ?? ''
  const browser = browsers.find(([re]) => re.test(text))?.[1] ?? null
  const os = systems.find(([re]) => re.test(text))?.[1] ?? null
  return { browser, os, mobile: /Mobi|Android|iPhone/.test(text) }
}
