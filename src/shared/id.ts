// Time-sortable 64-bit IDs, serialised as decimal strings like Mastodon's snowflakes:
// milliseconds since the Unix epoch shifted left 16 bits, plus a 16-bit sequence.
// Every ID made between 2017 and 2446 has exactly 18 digits, so text order is time order and
// keyset paging (max_id / since_id / min_id) works the same on SQLite and PostgreSQL.

export const ID_LENGTH = 18
let lastMs = 0
let sequence = 0

export function newId(now: Date | number = Date.now()): string {
  let ms = typeof now === 'number' ? now : now.getTime()
  if (ms <= lastMs) {
    ms = lastMs
    sequence++
    if (sequence > 0xffff) {
      // More than 65,536 IDs in one millisecond: borrow the next millisecond.
      ms = ++lastMs
      sequence = 0
    }
  } else {
    lastMs = ms
    // Random start so IDs made in the same ms by different processes rarely collide.
    sequence = Math.floor(Math.random() * 0x8000)
  }
  return (BigInt(ms) * 65536n + BigInt(sequence)).toString()
}

/** The smallest ID that can exist at a given time: for "posts since <date>" queries. */
export function idAtTime(ms: number): string {
  return (BigInt(ms) * 65536n).toString().padStart(ID_LENGTH, '0')
}

/**
 * Normalises a client-supplied paging ID so it compares correctly as text with stored IDs.
 * Returns null when it is not a decimal ID at all.
 */
export function normalizePagingId(value: string | undefined): string | null {
  if (value === undefined || !/^\d{1,20}$/.test(value)) return null
  if (value.length > ID_LENGTH) return '9'.repeat(ID_LENGTH)
  return value.padStart(ID_LENGTH, '0')
}
