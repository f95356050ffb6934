// autocannon ships no types; the benchmark uses only this much of it.
declare module 'autocannon' {
  const autocannon: (options: Record<string, unknown>) => Promise<any>
  export default autocannon
}
