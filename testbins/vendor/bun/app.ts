// Bundled by `bun build` (TypeScript to JavaScript), then run.
export const double = (x: number): number => x * 2;
console.log("bundled", double(21));
