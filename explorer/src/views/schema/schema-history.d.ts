// Made by build/schema-history-plugin.ts; typed where it is read (change-log.tsx).
declare module 'virtual:schema-history' {
  const history: unknown;
  export default history;
}
