// App-wide types (SvelteKit app.d.ts).
declare global {
  namespace App {}
}

export {};
