// Vite (electron-vite builds and vitest alike) inlines `?raw` imports as strings.
declare module '*.sql?raw' {
  const sql: string;
  export default sql;
}
