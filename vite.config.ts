import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// The web client lives in src/web and is built into dist/web, which the server serves.
export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: { outDir: '../../dist/web', emptyOutDir: true, sourcemap: true },
  server: {
    proxy: { '/api': 'http://localhost:3000', '/oauth': 'http://localhost:3000', '/media': 'http://localhost:3000' },
  },
})
