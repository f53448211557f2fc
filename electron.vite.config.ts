import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// Our layout (src-main / src-renderer) is not electron-vite's convention, so every entry is named
// here (reference/electron-style-security.md A1).
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src-main/index.ts'),
          cli: resolve(__dirname, 'src-main/cli/main.ts'),
        },
      },
    },
  },
  preload: {
    // A sandboxed preload cannot require() anything but a few Electron modules, so it is one
    // self-contained CommonJS file (electron/electron docs/tutorial/sandbox.md).
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { preload: resolve(__dirname, 'src-main/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // Hidden maps (no sourceMappingURL comment): Vite stubs a Node built-in imported by renderer
      // code as an empty module, leaving no trace in the JS; the maps still name it, so
      // test/integration/renderer-bundle.test.ts reads them to catch such a leak.
      sourcemap: 'hidden',
      // electron-vite leaves the renderer unminified by default; minified it parses faster at start.
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src-renderer/index.html') } },
    },
  },
});
