// Vite (electron-vite builds and vitest alike) inlines `?raw` imports as strings, as for the
// migrations' SQL (src-main/db/migrations/sql-raw.d.ts).
declare module '*.graphql?raw' {
  const document: string;
  export default document;
}
